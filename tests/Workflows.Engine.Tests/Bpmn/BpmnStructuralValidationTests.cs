using Workflows.Engine.Bpmn.Model;

namespace Workflows.Engine.Tests.Bpmn;

public sealed class BpmnStructuralValidationTests
{
    [Fact]
    public void Parse_ReportsNoIssues_WhenProcessIsSound()
    {
        var document = BpmnXml.Parse(BpmnXml.Around("""<bpmn:userTask id="X" fz:candidateGroups="legal" />"""));

        BpmnXml.AssertNoIssues(document);
        Assert.True(document.CanPublish);
    }

    [Fact]
    public void Parse_ReportsDuplicateIds_ByTheRepeatedId()
    {
        var document = BpmnXml.Parse(BpmnXml.Process("""
            <bpmn:startEvent id="S" />
            <bpmn:userTask id="Twice" name="first" />
            <bpmn:serviceTask id="Twice" name="second" />
            <bpmn:endEvent id="E" />
            <bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="Twice" />
            <bpmn:sequenceFlow id="F2" sourceRef="Twice" targetRef="E" />
            """));

        var issue = BpmnXml.SingleIssue(document, "Twice");
        Assert.Equal("serviceTask", issue.ElementType);
        Assert.Contains("used by more than one element", issue.Message);
        Assert.Equal("first", document.MainProcess!.Node("Twice").Name);
    }

    [Theory]
    [InlineData("""sourceRef="S" targetRef="Nowhere" """, "target 'Nowhere', which is not a flow node of process 'P'")]
    [InlineData("""targetRef="E" """, "has no sourceRef")]
    [InlineData("""sourceRef="S" targetRef="Sub_Task" """, "target 'Sub_Task', which lies in 'Sub'; a sequence flow cannot cross a sub-process boundary")]
    public void Parse_ReportsSequenceFlow_WhenAnEndCannotBeResolvedInItsScope(string ends, string expected)
    {
        var document = BpmnXml.Parse(BpmnXml.Process($"""
            <bpmn:startEvent id="S" />
            <bpmn:subProcess id="Sub">
              <bpmn:startEvent id="Sub_Start" />
              <bpmn:userTask id="Sub_Task" />
              <bpmn:sequenceFlow id="Sub_F" sourceRef="Sub_Start" targetRef="Sub_Task" />
            </bpmn:subProcess>
            <bpmn:endEvent id="E" />
            <bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="Sub" />
            <bpmn:sequenceFlow id="F2" sourceRef="Sub" targetRef="E" />
            <bpmn:sequenceFlow id="Bad" {ends} />
            """));

        var issue = BpmnXml.SingleIssue(document, "Bad");
        Assert.Equal("sequenceFlow", issue.ElementType);
        Assert.Contains(expected, issue.Message);
    }

    [Theory]
    [InlineData("", "has no attachedToRef")]
    [InlineData("""attachedToRef="Missing" """, "attached to 'Missing', which is not a flow node of process 'P'")]
    [InlineData("""attachedToRef="G" """, "attached to Exclusive gateway 'G', which is not an activity")]
    [InlineData("""attachedToRef="Sub_Task" """, "attached to 'Sub_Task' in 'Sub'; it must be declared in the same scope as its activity")]
    public void Parse_ReportsBoundaryEvent_WhenItIsNotAttachedToAnActivityOfItsScope(string attachment, string expected)
    {
        var document = BpmnXml.Parse(BpmnXml.Process($"""
            <bpmn:startEvent id="S" />
            <bpmn:exclusiveGateway id="G" />
            <bpmn:subProcess id="Sub">
              <bpmn:startEvent id="Sub_Start" />
              <bpmn:userTask id="Sub_Task" />
              <bpmn:endEvent id="Sub_End" />
              <bpmn:sequenceFlow id="Sub_F1" sourceRef="Sub_Start" targetRef="Sub_Task" />
              <bpmn:sequenceFlow id="Sub_F2" sourceRef="Sub_Task" targetRef="Sub_End" />
            </bpmn:subProcess>
            <bpmn:boundaryEvent id="B" {attachment}><bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
            <bpmn:endEvent id="E" />
            <bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="G" />
            <bpmn:sequenceFlow id="F2" sourceRef="G" targetRef="Sub" />
            <bpmn:sequenceFlow id="F3" sourceRef="Sub" targetRef="E" />
            <bpmn:sequenceFlow id="F4" sourceRef="B" targetRef="E" />
            """));

        Assert.Contains(expected, BpmnXml.SingleIssue(document, "B").Message);
        Assert.Empty(BpmnXml.Node<SubProcess>(document, "Sub").BoundaryEvents);
    }

    [Fact]
    public void Parse_ReportsDefaultFlow_WhenItIsNotOutgoingOfItsNode()
    {
        var document = BpmnXml.Parse(BpmnXml.Process("""
            <bpmn:startEvent id="S" />
            <bpmn:exclusiveGateway id="G" default="F1" />
            <bpmn:endEvent id="E" />
            <bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="G" />
            <bpmn:sequenceFlow id="F2" sourceRef="G" targetRef="E" />
            """));

        Assert.Contains("default flow 'F1'", BpmnXml.SingleIssue(document, "G").Message);
        Assert.Null(document.MainProcess!.Node("G").DefaultFlow);
    }

    [Fact]
    public void Parse_ReportsMainProcess_WhenItHasNoStartEvent()
    {
        var document = BpmnXml.Parse(BpmnXml.Process("""<bpmn:userTask id="T" /><bpmn:endEvent id="E" /><bpmn:sequenceFlow id="F" sourceRef="T" targetRef="E" />"""));

        var issue = BpmnXml.SingleIssue(document, "P");
        Assert.Equal("process", issue.ElementType);
        Assert.Contains("no start event", issue.Message);
    }

    [Theory]
    [InlineData("", "has no start event")]
    [InlineData("""<bpmn:startEvent id="In1" /><bpmn:startEvent id="In2" />""", "has 2 start event(s), 0 with a trigger")]
    [InlineData("""<bpmn:startEvent id="In1"><bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:startEvent>""", "has 1 start event(s), 1 with a trigger")]
    public void Parse_ReportsSubProcess_WhenItHasNotExactlyOneNoneStartEvent(string starts, string expected)
    {
        var document = BpmnXml.Parse(BpmnXml.Around($"""<bpmn:subProcess id="X">{starts}</bpmn:subProcess>"""));

        var errors = document.Issues.Where(i => i.Severity == IssueSeverity.Error).ToList();
        var issue = Assert.Single(errors);
        Assert.Equal(("X", "subProcess"), (issue.ElementId, issue.ElementType));
        Assert.Contains(expected, issue.Message);
    }

    [Theory]
    [InlineData("""<bpmn:callActivity id="X" />""", "has no calledElement")]
    [InlineData("""<bpmn:callActivity id="X" calledElement="  " />""", "has no calledElement")]
    [InlineData("""<bpmn:intermediateCatchEvent id="X"><bpmn:timerEventDefinition /></bpmn:intermediateCatchEvent>""", "has no timeDuration, timeDate or timeCycle")]
    [InlineData("""<bpmn:intermediateCatchEvent id="X"><bpmn:timerEventDefinition><bpmn:timeDate> </bpmn:timeDate></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>""", "has no timeDuration, timeDate or timeCycle")]
    [InlineData("""<bpmn:intermediateCatchEvent id="X"><bpmn:messageEventDefinition /></bpmn:intermediateCatchEvent>""", "names no message")]
    [InlineData("""<bpmn:intermediateCatchEvent id="X"><bpmn:messageEventDefinition messageRef="Ghost" /></bpmn:intermediateCatchEvent>""", "refers to message 'Ghost', which the file does not define")]
    [InlineData("""<bpmn:receiveTask id="X" />""", "names no message")]
    [InlineData("""<bpmn:receiveTask id="X" messageRef="Ghost" />""", "refers to message 'Ghost'")]
    [InlineData("""<bpmn:scriptTask id="X" scriptFormat="javascript" />""", "has no inline script")]
    [InlineData("""<bpmn:scriptTask id="X" scriptFormat="groovy"><bpmn:script>println 1</bpmn:script></bpmn:scriptTask>""", "has scriptFormat 'groovy'; only JavaScript scripts can run")]
    [InlineData("""<bpmn:userTask id="X"><bpmn:multiInstanceLoopCharacteristics isSequential="false" /></bpmn:userTask>""", "neither a collection nor a loopCardinality")]
    public void Parse_ReportsTheNode_WhenARequiredPartIsMissingOrUnsupported(string node, string expected)
    {
        var document = BpmnXml.Parse(BpmnXml.Around(node));

        var issue = BpmnXml.SingleIssue(document, "X");
        Assert.Contains(expected, issue.Message);
        Assert.Single(document.Issues);
    }

    [Theory]
    [InlineData("scriptFormat=\"javascript\"")]
    [InlineData("scriptFormat=\"JavaScript\"")]
    [InlineData("scriptFormat=\"js\"")]
    [InlineData("scriptFormat=\"ECMAScript\"")]
    [InlineData("")]
    public void Parse_AcceptsScriptTask_WhenFormatIsJavaScriptOrMissing(string format)
    {
        var document = BpmnXml.Parse(BpmnXml.Around($"""<bpmn:scriptTask id="X" {format}><bpmn:script>1 + 1</bpmn:script></bpmn:scriptTask>"""));

        BpmnXml.AssertNoIssues(document);
    }

    [Fact]
    public void Parse_WarnsAboutExclusiveGateway_WhenANonDefaultFlowHasNoCondition()
    {
        var document = BpmnXml.Parse(BpmnXml.Process("""
            <bpmn:startEvent id="S" />
            <bpmn:exclusiveGateway id="G" />
            <bpmn:endEvent id="A" />
            <bpmn:endEvent id="B" />
            <bpmn:sequenceFlow id="F0" sourceRef="S" targetRef="G" />
            <bpmn:sequenceFlow id="FA" sourceRef="G" targetRef="A"><bpmn:conditionExpression>approved</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="FB" sourceRef="G" targetRef="B" />
            """));

        var issue = BpmnXml.SingleIssue(document, "G", IssueSeverity.Warning);
        Assert.Contains("(FB)", issue.Message);
        Assert.Single(document.Issues);
        Assert.True(document.CanPublish);
    }

    [Fact]
    public void Parse_DoesNotWarnAboutExclusiveGateway_WhenTheUnconditionedFlowIsTheDefault()
    {
        var document = BpmnXml.Parse(BpmnXml.Process("""
            <bpmn:startEvent id="S" />
            <bpmn:exclusiveGateway id="G" default="FB" />
            <bpmn:endEvent id="A" />
            <bpmn:endEvent id="B" />
            <bpmn:sequenceFlow id="F0" sourceRef="S" targetRef="G" />
            <bpmn:sequenceFlow id="FA" sourceRef="G" targetRef="A"><bpmn:conditionExpression>approved</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="FB" sourceRef="G" targetRef="B" />
            """));

        BpmnXml.AssertNoIssues(document);
    }

    [Fact]
    public void Parse_WarnsAboutDeadParts_WhenANodeIsUnreachableOrHasNoOutgoingFlow()
    {
        var document = BpmnXml.Parse(BpmnXml.Process("""
            <bpmn:startEvent id="S" />
            <bpmn:userTask id="DeadEnd" />
            <bpmn:userTask id="Orphan" />
            <bpmn:endEvent id="E" />
            <bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="DeadEnd" />
            <bpmn:sequenceFlow id="F2" sourceRef="Orphan" targetRef="E" />
            """));

        Assert.Contains("has no outgoing sequence flow", BpmnXml.SingleIssue(document, "DeadEnd", IssueSeverity.Warning).Message);
        Assert.Contains("cannot be reached from a start event", BpmnXml.SingleIssue(document, "Orphan", IssueSeverity.Warning).Message);
        Assert.Contains("cannot be reached from a start event", BpmnXml.SingleIssue(document, "E", IssueSeverity.Warning).Message);
        Assert.Equal(3, document.Issues.Count);
        Assert.True(document.CanPublish);
    }

    [Fact]
    public void Parse_DoesNotWarnAboutCompensationHandlers_WhichNoSequenceFlowReaches()
    {
        var document = BpmnXml.Parse(BpmnXml.Around("""<bpmn:serviceTask id="X" /><bpmn:serviceTask id="Undo" isForCompensation="true" />"""));

        BpmnXml.AssertNoIssues(document);
    }
}
