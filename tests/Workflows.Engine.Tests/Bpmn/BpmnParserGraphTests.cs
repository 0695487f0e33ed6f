using Workflows.Engine.Bpmn.Model;

namespace Workflows.Engine.Tests.Bpmn;

public sealed class BpmnParserGraphTests
{
    private static readonly string Decision = BpmnXml.Process("""
        <bpmn:startEvent id="S" />
        <bpmn:userTask id="Review" />
        <bpmn:exclusiveGateway id="G" default="F_No" />
        <bpmn:endEvent id="Yes" />
        <bpmn:endEvent id="No" />
        <bpmn:sequenceFlow id="F_Review" sourceRef="Review" targetRef="G" />
        <bpmn:sequenceFlow id="F_Start" sourceRef="S" targetRef="Review" />
        <bpmn:sequenceFlow id="F_Yes" name="通过" sourceRef="G" targetRef="Yes">
          <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${approved}</bpmn:conditionExpression>
        </bpmn:sequenceFlow>
        <bpmn:sequenceFlow id="F_No" sourceRef="G" targetRef="No" />
        """);

    [Fact]
    public void Parse_WiresIncomingAndOutgoing_WhenFlowsAreDeclaredBeforeTheirNodes()
    {
        var document = BpmnXml.Parse(Decision);

        BpmnXml.AssertNoIssues(document);
        var process = document.MainProcess!;
        var gateway = BpmnXml.Node<ExclusiveGateway>(document, "G");
        Assert.Equal(["F_Yes", "F_No"], gateway.Outgoing.Select(f => f.Id));
        Assert.Equal(["F_Review"], gateway.Incoming.Select(f => f.Id));
        var start = process.FlowsById["F_Start"];
        Assert.Same(process.Node("S"), start.Source);
        Assert.Same(process.Node("Review"), start.Target);
        Assert.Equal("S", start.SourceRef);
        Assert.Equal("通过", process.FlowsById["F_Yes"].Name);
    }

    [Fact]
    public void Parse_SetsDefaultFlow_FromTheDefaultAttribute()
    {
        var document = BpmnXml.Parse(Decision);

        var gateway = BpmnXml.Node<ExclusiveGateway>(document, "G");
        Assert.Same(document.MainProcess!.FlowsById["F_No"], gateway.DefaultFlow);
        Assert.True(gateway.DefaultFlow!.IsDefault);
        Assert.False(document.MainProcess.FlowsById["F_Yes"].IsDefault);
        Assert.Equal("approved", document.MainProcess.FlowsById["F_Yes"].Condition);
        Assert.Null(document.MainProcess.FlowsById["F_No"].Condition);
    }

    [Theory]
    [InlineData("${approved}", "approved")]
    [InlineData("#{amount > 10000}", "amount > 10000")]
    [InlineData("  ${ outcome == 'agree' }  ", "outcome == 'agree'")]
    [InlineData("${ label === '}' }", "label === '}'")]
    [InlineData("approved === true", "approved === true")]
    [InlineData("${a} && ${b}", "${a} && ${b}")]
    [InlineData("${a}.concat(${b})", "${a}.concat(${b})")]
    [InlineData("   ", null)]
    [InlineData("${}", null)]
    public void Parse_NormalisesConditionText_WhenCamundaWrapperSpansTheWholeExpression(string text, string? expected)
    {
        var xml = BpmnXml.Process($"""
            <bpmn:startEvent id="S" />
            <bpmn:endEvent id="E" />
            <bpmn:sequenceFlow id="F" sourceRef="S" targetRef="E"><bpmn:conditionExpression>{text.Replace("&", "&amp;")}</bpmn:conditionExpression></bpmn:sequenceFlow>
            """);

        var flow = BpmnXml.Parse(xml).MainProcess!.FlowsById["F"];

        Assert.Equal(expected, flow.Condition);
    }

    [Fact]
    public void Parse_KeepsUnsupportedNodesInTheGraph_WhenTheyAreConnected()
    {
        var xml = BpmnXml.Around("""<bpmn:inclusiveGateway id="X" />""");

        var document = BpmnXml.Parse(xml);

        var node = BpmnXml.Node<UnsupportedNode>(document, "X");
        Assert.Equal("inclusiveGateway", node.ElementType);
        Assert.Equal(["F1"], node.Incoming.Select(f => f.Id));
        Assert.Equal(["F2"], node.Outgoing.Select(f => f.Id));
        Assert.Same(document.MainProcess, node.Scope);
    }

    [Fact]
    public void Parse_ChoosesTheExecutableProcess_WhenOthersAreNotExecutable()
    {
        var xml = $"""
            <bpmn:definitions {BpmnXml.Namespaces} id="D">
              <bpmn:process id="Applicant" isExecutable="false"><bpmn:task id="Apply" /></bpmn:process>
              <bpmn:process id="Office" isExecutable="true"><bpmn:startEvent id="S" /></bpmn:process>
            </bpmn:definitions>
            """;

        var document = BpmnXml.Parse(xml);

        Assert.Equal("Office", document.MainProcess?.Id);
        Assert.Equal(["Applicant", "Office"], document.Processes.Select(p => p.Id));
    }

    [Fact]
    public void Parse_ChoosesTheOnlyProcessWithNodes_WhenNoneIsMarkedExecutableAndOtherPoolsAreEmpty()
    {
        var xml = $"""
            <bpmn:definitions {BpmnXml.Namespaces} id="D">
              <bpmn:collaboration id="C">
                <bpmn:participant id="Pool_Public" processRef="Public" />
                <bpmn:participant id="Pool_Office" processRef="Office" />
              </bpmn:collaboration>
              <bpmn:process id="Public" isExecutable="true" />
              <bpmn:process id="Office"><bpmn:startEvent id="S" /></bpmn:process>
            </bpmn:definitions>
            """;

        var document = BpmnXml.Parse(xml);

        Assert.Equal("Office", document.MainProcess?.Id);
        Assert.DoesNotContain(document.Issues, i => i.Message.Contains("isExecutable"));
    }

    [Fact]
    public void Parse_ReportsTheCandidates_WhenSeveralProcessesHaveNodesAndNoneIsExecutable()
    {
        var xml = $"""
            <bpmn:definitions {BpmnXml.Namespaces} id="D">
              <bpmn:process id="First"><bpmn:startEvent id="S1" /></bpmn:process>
              <bpmn:process id="Second"><bpmn:startEvent id="S2" /></bpmn:process>
            </bpmn:definitions>
            """;

        var document = BpmnXml.Parse(xml);

        Assert.Null(document.MainProcess);
        Assert.False(document.CanPublish);
        var errors = document.Issues.Where(i => i.Severity == IssueSeverity.Error).ToList();
        Assert.Equal(["First", "Second"], errors.Select(i => i.ElementId));
        Assert.All(errors, i => Assert.Contains("'First', 'Second'", i.Message));
        Assert.All(errors, i => Assert.Contains("mark exactly one process isExecutable=\"true\"", i.Message));
    }

    [Fact]
    public void Parse_ReportsOnlyTheExecutableCandidates_WhenSeveralProcessesAreExecutable()
    {
        var xml = $"""
            <bpmn:definitions {BpmnXml.Namespaces} id="D">
              <bpmn:process id="A" isExecutable="true"><bpmn:startEvent id="S1" /></bpmn:process>
              <bpmn:process id="B" isExecutable="1"><bpmn:startEvent id="S2" /></bpmn:process>
              <bpmn:process id="C" isExecutable="false"><bpmn:startEvent id="S3" /></bpmn:process>
            </bpmn:definitions>
            """;

        var document = BpmnXml.Parse(xml);

        Assert.Null(document.MainProcess);
        var errors = document.Issues.Where(i => i.Severity == IssueSeverity.Error).ToList();
        Assert.Equal(["A", "B"], errors.Select(i => i.ElementId));
        Assert.Contains("2 candidate processes ('A', 'B')", errors[0].Message);
    }

    [Fact]
    public void Parse_ReportsTheDefinitions_WhenNoProcessHasNodes()
    {
        var xml = $"""<bpmn:definitions {BpmnXml.Namespaces} id="D"><bpmn:process id="Empty" isExecutable="true" /></bpmn:definitions>""";

        var document = BpmnXml.Parse(xml);

        Assert.Null(document.MainProcess);
        var issue = BpmnXml.SingleIssue(document, "D");
        Assert.Equal("definitions", issue.ElementType);
        Assert.Contains("no process with flow nodes", issue.Message);
    }
}
