using Workflows.Engine.Bpmn.Model;
using Workflows.Engine.Bpmn.Parsing;

namespace Workflows.Engine.Tests.Bpmn;

/// <summary>Builds small BPMN files for parser tests, so each test shows only the part it is about.</summary>
internal static class BpmnXml
{
    public const string Namespaces =
        """xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:fz="urn:fazhi:bpmn:1.0" """ +
        """xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" """ +
        """xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" """;

    /// <summary>A file with one executable process <c>P</c> holding <paramref name="body"/>.</summary>
    public static string Process(string body, string outside = "") =>
        $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions {Namespaces} id="Defs" targetNamespace="urn:test">
          {outside}
          <bpmn:process id="P" isExecutable="true">
            {body}
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>start → <paramref name="node"/> (which must have id <c>X</c>) → end, so only the node under test can raise issues.</summary>
    public static string Around(string node, string outside = "") => Process(
        $"""
        <bpmn:startEvent id="Start" />
        {node}
        <bpmn:endEvent id="End" />
        <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="X" />
        <bpmn:sequenceFlow id="F2" sourceRef="X" targetRef="End" />
        """,
        outside);

    public static BpmnDocument Parse(string xml) => BpmnParser.Parse(xml);

    public static T Node<T>(BpmnDocument document, string id) where T : FlowNode =>
        Assert.IsType<T>(document.MainProcess!.Node(id));

    public static BpmnIssue SingleIssue(BpmnDocument document, string elementId, IssueSeverity severity = IssueSeverity.Error) =>
        Assert.Single(document.Issues, i => i.ElementId == elementId && i.Severity == severity);

    public static string Describe(BpmnDocument document) =>
        string.Join(Environment.NewLine, document.Issues.Select(i => $"{i.Severity} {i.ElementId} [{i.ElementType}] {i.Message}"));

    /// <summary>Fails with every issue listed, which says more than "collection was not empty".</summary>
    public static void AssertNoIssues(BpmnDocument document) =>
        Assert.True(document.Issues.Count == 0, "Unexpected issues:" + Environment.NewLine + Describe(document));

    public static string TestFile(params string[] parts) =>
        Path.Combine([AppContext.BaseDirectory, "Bpmn", .. parts]);
}
