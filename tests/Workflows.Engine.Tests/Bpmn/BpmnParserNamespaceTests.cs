using Workflows.Engine.Bpmn.Model;

namespace Workflows.Engine.Tests.Bpmn;

public sealed class BpmnParserNamespaceTests
{
    [Theory]
    [InlineData("bpmn")]
    [InlineData("bpmn2")]
    [InlineData("semantic")]
    [InlineData("model")]
    [InlineData("")]
    public void Parse_ReadsTheSameModel_WhateverPrefixTheBpmnNamespaceHas(string prefix)
    {
        var p = prefix.Length == 0 ? "" : prefix + ":";
        var declaration = prefix.Length == 0 ? "xmlns" : "xmlns:" + prefix;
        var xml = $"""
            <{p}definitions {declaration}="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="urn:t">
              <{p}process id="P" isExecutable="true">
                <{p}startEvent id="S" />
                <{p}userTask id="T" />
                <{p}endEvent id="E" />
                <{p}sequenceFlow id="F1" sourceRef="S" targetRef="T" />
                <{p}sequenceFlow id="F2" sourceRef="T" targetRef="E" />
              </{p}process>
            </{p}definitions>
            """;

        var document = BpmnXml.Parse(xml);

        BpmnXml.AssertNoIssues(document);
        Assert.Equal("urn:t", document.TargetNamespace);
        Assert.Equal(["S", "T", "E"], document.MainProcess!.Children.Select(n => n.Id));
        Assert.IsType<UserTask>(document.MainProcess.Node("T"));
        Assert.Equal(["F1", "F2"], document.MainProcess.FlowsById.Keys);
    }

    [Fact]
    public void Parse_StoresExtensionAttributesUnderCanonicalPrefixes_WhenFileUsesOtherPrefixes()
    {
        var xml = """
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:c="http://camunda.org/schema/1.0/bpmn"
                         xmlns:f="urn:fazhi:bpmn:1.0" xmlns:act="http://activiti.org/bpmn" xmlns:flw="http://flowable.org/bpmn"
                         xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="D">
              <process id="P" isExecutable="true">
                <startEvent id="S" />
                <userTask id="X" c:assignee="wang" f:due="5WD" act:candidateUsers="li, zhao" flw:priority="50" zeebe:formKey="ignored" />
                <endEvent id="E" />
                <sequenceFlow id="F1" sourceRef="S" targetRef="X" />
                <sequenceFlow id="F2" sourceRef="X" targetRef="E" />
              </process>
            </definitions>
            """;

        var task = BpmnXml.Node<UserTask>(BpmnXml.Parse(xml), "X");

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["camunda:assignee"] = "wang",
                ["fz:due"] = "5WD",
                ["flowable:candidateUsers"] = "li, zhao",
                ["flowable:priority"] = "50",
            },
            task.ExtensionAttributes);
        Assert.Equal("wang", task.Assignee);
        Assert.Equal("5WD", task.Due);
        Assert.Equal(["li", "zhao"], task.CandidateUsers);
    }

    [Fact]
    public void Parse_PrefersFazhiAttributes_WhenCamundaAttributesAreAlsoPresent()
    {
        var xml = BpmnXml.Around("""
            <bpmn:userTask id="X" camunda:assignee="camunda-user" fz:assignee="fz-user"
                           camunda:candidateGroups="camunda-group" fz:candidateGroups="legal" />
            """);

        var task = BpmnXml.Node<UserTask>(BpmnXml.Parse(xml), "X");

        Assert.Equal("fz-user", task.Assignee);
        Assert.Equal(["legal"], task.CandidateGroups);
        Assert.Equal("camunda-user", task.ExtensionAttributes["camunda:assignee"]);
    }

    [Fact]
    public void Parse_KeepsExtensionElementsRawAndDetached_WhenTheyAreVendorSpecific()
    {
        var xml = BpmnXml.Around("""
            <bpmn:serviceTask id="X" fz:type="email">
              <bpmn:extensionElements>
                <zeebe:taskDefinition xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" type="mailer" retries="3" />
                <fz:template name="notice">您好</fz:template>
              </bpmn:extensionElements>
            </bpmn:serviceTask>
            """);

        var task = BpmnXml.Node<ServiceTask>(BpmnXml.Parse(xml), "X");

        Assert.Equal(2, task.ExtensionElements.Count);
        var definition = task.ExtensionElements[0];
        Assert.Equal("{http://camunda.org/schema/zeebe/1.0}taskDefinition", definition.Name.ToString());
        Assert.Equal("3", definition.Attribute("retries")?.Value);
        Assert.Null(definition.Parent);
        Assert.Equal("您好", task.ExtensionElements[1].Value);
        Assert.Equal("{urn:fazhi:bpmn:1.0}template", task.ExtensionElements[1].Name.ToString());
    }

    [Fact]
    public void Parse_ReadsExtensionAttributesOfSequenceFlows()
    {
        var xml = BpmnXml.Process("""
            <bpmn:startEvent id="S" />
            <bpmn:endEvent id="E" />
            <bpmn:sequenceFlow id="F" sourceRef="S" targetRef="E" fz:label="退回" />
            """);

        var flow = BpmnXml.Parse(xml).MainProcess!.FlowsById["F"];

        Assert.Equal("退回", flow.Extension("label"));
    }
}
