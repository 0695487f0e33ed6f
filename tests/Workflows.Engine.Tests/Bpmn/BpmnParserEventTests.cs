using Workflows.Engine.Bpmn.Model;

namespace Workflows.Engine.Tests.Bpmn;

public sealed class BpmnParserEventTests
{
    [Fact]
    public void Parse_MapsStartEvents_WhenNoneTimerAndMessage()
    {
        var xml = BpmnXml.Process(
            """
            <bpmn:startEvent id="None" />
            <bpmn:startEvent id="Quarterly"><bpmn:timerEventDefinition id="TD"><bpmn:timeCycle>0 0 9 1 1,4,7,10 ?</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent>
            <bpmn:startEvent id="Requested"><bpmn:messageEventDefinition id="MD" messageRef="Msg" /></bpmn:startEvent>
            <bpmn:endEvent id="E" />
            <bpmn:sequenceFlow id="F1" sourceRef="None" targetRef="E" />
            <bpmn:sequenceFlow id="F2" sourceRef="Quarterly" targetRef="E" />
            <bpmn:sequenceFlow id="F3" sourceRef="Requested" targetRef="E" />
            """,
            """<bpmn:message id="Msg" name="decision-requested" />""");

        var document = BpmnXml.Parse(xml);

        BpmnXml.AssertNoIssues(document);
        var process = document.MainProcess!;
        Assert.Same(process.Node("None"), process.NoneStartEvent);
        Assert.Equal(3, process.StartEvents.Count());
        var timer = Assert.IsType<TimerEventDefinition>(BpmnXml.Node<StartEvent>(document, "Quarterly").Trigger);
        Assert.Equal(new TimerEventDefinition("TD", TimerKind.Cycle, "0 0 9 1 1,4,7,10 ?"), timer);
        var message = Assert.IsType<MessageEventDefinition>(BpmnXml.Node<StartEvent>(document, "Requested").Trigger);
        Assert.Equal(new MessageEventDefinition("MD", "Msg", "decision-requested"), message);
    }

    [Fact]
    public void Parse_MapsEndEvents_WhenNoneAndTerminate()
    {
        var xml = BpmnXml.Process("""
            <bpmn:startEvent id="S" />
            <bpmn:parallelGateway id="Fork" />
            <bpmn:endEvent id="Done" />
            <bpmn:endEvent id="Stop"><bpmn:terminateEventDefinition /></bpmn:endEvent>
            <bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="Fork" />
            <bpmn:sequenceFlow id="F2" sourceRef="Fork" targetRef="Done" />
            <bpmn:sequenceFlow id="F3" sourceRef="Fork" targetRef="Stop" />
            """);

        var document = BpmnXml.Parse(xml);

        BpmnXml.AssertNoIssues(document);
        Assert.IsType<ParallelGateway>(document.MainProcess!.Node("Fork"));
        Assert.False(BpmnXml.Node<EndEvent>(document, "Done").Terminate);
        Assert.True(BpmnXml.Node<EndEvent>(document, "Stop").Terminate);
        Assert.Null(BpmnXml.Node<EndEvent>(document, "Stop").Result);
    }

    [Theory]
    [InlineData("timeDuration", "  P30D  ", TimerKind.Duration, "P30D")]
    [InlineData("timeDuration", "10WD", TimerKind.Duration, "10WD")]
    [InlineData("timeDate", "2025-03-31T17:00:00+08:00", TimerKind.Date, "2025-03-31T17:00:00+08:00")]
    [InlineData("timeCycle", "R3/PT1H", TimerKind.Cycle, "R3/PT1H")]
    public void Parse_MapsTimerCatchEvent_WithKindAndTrimmedExpression(string element, string text, TimerKind kind, string expression)
    {
        var xml = BpmnXml.Around($"""
            <bpmn:intermediateCatchEvent id="X">
              <bpmn:timerEventDefinition><bpmn:{element} xsi:type="bpmn:tFormalExpression">{text}</bpmn:{element}></bpmn:timerEventDefinition>
            </bpmn:intermediateCatchEvent>
            """);

        var document = BpmnXml.Parse(xml);

        BpmnXml.AssertNoIssues(document);
        var timer = Assert.IsType<TimerEventDefinition>(BpmnXml.Node<IntermediateCatchEvent>(document, "X").Trigger);
        Assert.Equal(kind, timer.Kind);
        Assert.Equal(expression, timer.Expression);
    }

    [Fact]
    public void Parse_MapsMessageCatchEvent_FallingBackToMessageId_WhenMessageHasNoName()
    {
        var xml = BpmnXml.Around(
            """<bpmn:intermediateCatchEvent id="X"><bpmn:messageEventDefinition messageRef="Msg_Unnamed" /></bpmn:intermediateCatchEvent>""",
            """<bpmn:message id="Msg_Unnamed" />""");

        var document = BpmnXml.Parse(xml);

        BpmnXml.AssertNoIssues(document);
        var message = Assert.IsType<MessageEventDefinition>(BpmnXml.Node<IntermediateCatchEvent>(document, "X").Trigger);
        Assert.Equal("Msg_Unnamed", message.MessageName);
        Assert.Equal("Msg_Unnamed", document.Messages["Msg_Unnamed"]);
    }

    [Fact]
    public void Parse_ResolvesMessageRef_WhenItCarriesANamespacePrefix()
    {
        var xml = BpmnXml.Around(
            """<bpmn:intermediateCatchEvent id="X"><bpmn:messageEventDefinition messageRef="tns:Msg" /></bpmn:intermediateCatchEvent>""",
            """<bpmn:message id="Msg" name="materials-supplemented" />""");

        var document = BpmnXml.Parse(xml);

        BpmnXml.AssertNoIssues(document);
        var message = Assert.IsType<MessageEventDefinition>(BpmnXml.Node<IntermediateCatchEvent>(document, "X").Trigger);
        Assert.Equal("Msg", message.MessageRef);
        Assert.Equal("materials-supplemented", message.MessageName);
    }

    [Fact]
    public void Parse_WiresTimerBoundaryEvents_WhenInterruptingAndNonInterrupting()
    {
        var xml = BpmnXml.Process("""
            <bpmn:startEvent id="S" />
            <bpmn:userTask id="Review" />
            <bpmn:boundaryEvent id="Remind" attachedToRef="Review" cancelActivity="false">
              <bpmn:timerEventDefinition><bpmn:timeDuration>P10D</bpmn:timeDuration></bpmn:timerEventDefinition>
            </bpmn:boundaryEvent>
            <bpmn:boundaryEvent id="Expire" attachedToRef="Review">
              <bpmn:timerEventDefinition><bpmn:timeDuration>15WD</bpmn:timeDuration></bpmn:timerEventDefinition>
            </bpmn:boundaryEvent>
            <bpmn:endEvent id="E" />
            <bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="Review" />
            <bpmn:sequenceFlow id="F2" sourceRef="Review" targetRef="E" />
            <bpmn:sequenceFlow id="F3" sourceRef="Remind" targetRef="E" />
            <bpmn:sequenceFlow id="F4" sourceRef="Expire" targetRef="E" />
            """);

        var document = BpmnXml.Parse(xml);

        BpmnXml.AssertNoIssues(document);
        var review = BpmnXml.Node<UserTask>(document, "Review");
        var remind = BpmnXml.Node<BoundaryEvent>(document, "Remind");
        var expire = BpmnXml.Node<BoundaryEvent>(document, "Expire");
        Assert.Equal([remind, expire], review.BoundaryEvents);
        Assert.Same(review, remind.AttachedTo);
        Assert.Equal("Review", remind.AttachedToRef);
        Assert.False(remind.Interrupting);
        Assert.True(expire.Interrupting);
        Assert.Equal("15WD", Assert.IsType<TimerEventDefinition>(expire.Trigger).Expression);
        Assert.Same(document.MainProcess, remind.Scope);
    }
}
