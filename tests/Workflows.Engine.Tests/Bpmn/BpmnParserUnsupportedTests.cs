using Workflows.Engine.Bpmn.Model;

namespace Workflows.Engine.Tests.Bpmn;

public sealed class BpmnParserUnsupportedTests
{
    [Theory]
    [InlineData("""<bpmn:inclusiveGateway id="X" />""", "inclusiveGateway", "Inclusive gateway 'X'")]
    [InlineData("""<bpmn:eventBasedGateway id="X" />""", "eventBasedGateway", "Event-based gateway 'X'")]
    [InlineData("""<bpmn:complexGateway id="X" />""", "complexGateway", "Complex gateway 'X'")]
    [InlineData("""<bpmn:task id="X" />""", "task", "Task 'X'")]
    [InlineData("""<bpmn:manualTask id="X" />""", "manualTask", "Manual task 'X'")]
    [InlineData("""<bpmn:businessRuleTask id="X" />""", "businessRuleTask", "Business rule task 'X'")]
    [InlineData("""<bpmn:intermediateThrowEvent id="X" />""", "intermediateThrowEvent", "Intermediate throw event 'X'")]
    [InlineData("""<bpmn:transaction id="X"><bpmn:startEvent id="Inner" /></bpmn:transaction>""", "transaction", "Transaction 'X'")]
    [InlineData("""<bpmn:adHocSubProcess id="X"><bpmn:task id="Inner" /></bpmn:adHocSubProcess>""", "adHocSubProcess", "Ad-hoc sub-process 'X'")]
    [InlineData("""<bpmn:subProcess id="X" triggeredByEvent="true"><bpmn:startEvent id="Inner"><bpmn:timerEventDefinition /></bpmn:startEvent></bpmn:subProcess>""", "subProcess", "Event sub-process 'X'")]
    [InlineData("""<bpmn:intermediateCatchEvent id="X" />""", "intermediateCatchEvent", "Intermediate catch event 'X' has no event definition")]
    public void Parse_MapsToUnsupportedNodeWithOneError_WhenElementIsOutsideTheExecutableSubset(string element, string elementType, string messageStart)
    {
        var document = BpmnXml.Parse(BpmnXml.Around(element));

        var node = BpmnXml.Node<UnsupportedNode>(document, "X");
        Assert.Equal(elementType, node.ElementType);
        var issue = Assert.Single(document.Issues);
        Assert.Equal(("X", elementType, IssueSeverity.Error), (issue.ElementId, issue.ElementType, issue.Severity));
        Assert.StartsWith(messageStart, issue.Message);
        Assert.False(document.CanPublish);
        Assert.False(document.MainProcess!.NodesById.ContainsKey("Inner"));
    }

    [Theory]
    [InlineData("""<bpmn:startEvent id="X"><bpmn:signalEventDefinition /></bpmn:startEvent>""", "startEvent", "signalEventDefinition")]
    [InlineData("""<bpmn:startEvent id="X"><bpmn:conditionalEventDefinition /></bpmn:startEvent>""", "startEvent", "conditionalEventDefinition")]
    [InlineData("""<bpmn:intermediateCatchEvent id="X"><bpmn:linkEventDefinition name="L" /></bpmn:intermediateCatchEvent>""", "intermediateCatchEvent", "linkEventDefinition")]
    [InlineData("""<bpmn:intermediateCatchEvent id="X"><bpmn:signalEventDefinition /></bpmn:intermediateCatchEvent>""", "intermediateCatchEvent", "signalEventDefinition")]
    [InlineData("""<bpmn:endEvent id="X"><bpmn:errorEventDefinition /></bpmn:endEvent>""", "endEvent", "errorEventDefinition")]
    [InlineData("""<bpmn:endEvent id="X"><bpmn:escalationEventDefinition /></bpmn:endEvent>""", "endEvent", "escalationEventDefinition")]
    [InlineData("""<bpmn:endEvent id="X"><bpmn:compensateEventDefinition /></bpmn:endEvent>""", "endEvent", "compensateEventDefinition")]
    [InlineData("""<bpmn:endEvent id="X"><bpmn:cancelEventDefinition /></bpmn:endEvent>""", "endEvent", "cancelEventDefinition")]
    public void Parse_KeepsTheEventButReportsIt_WhenItsEventDefinitionIsNotExecutable(string element, string elementType, string definition)
    {
        var document = BpmnXml.Parse(BpmnXml.Process($"""
            <bpmn:startEvent id="S" />
            <bpmn:endEvent id="E" />
            {element}
            <bpmn:sequenceFlow id="F0" sourceRef="S" targetRef="E" />
            """));

        var node = document.MainProcess!.Node("X");
        var trigger = node switch
        {
            StartEvent s => s.Trigger,
            IntermediateCatchEvent c => c.Trigger,
            EndEvent e => e.Result,
            _ => null,
        };
        Assert.Equal(definition, Assert.IsType<UnsupportedEventDefinition>(trigger).ElementType);
        var issue = Assert.Single(document.Issues, i => i.Severity == IssueSeverity.Error);
        Assert.Equal(("X", elementType), (issue.ElementId, issue.ElementType));
        Assert.Contains(definition, issue.Message);
    }

    [Fact]
    public void Parse_ReportsMessageEndEvent_AsNotExecutable()
    {
        var document = BpmnXml.Parse(BpmnXml.Around(
            """<bpmn:endEvent id="X"><bpmn:messageEventDefinition messageRef="M" /></bpmn:endEvent>""",
            """<bpmn:message id="M" name="done" />"""));

        Assert.IsType<MessageEventDefinition>(BpmnXml.Node<EndEvent>(document, "X").Result);
        Assert.Contains("end events may be none or terminate", BpmnXml.SingleIssue(document, "X").Message);
    }

    [Theory]
    [InlineData("messageEventDefinition messageRef=\"M\"", typeof(MessageEventDefinition))]
    [InlineData("errorEventDefinition", typeof(UnsupportedEventDefinition))]
    [InlineData("signalEventDefinition", typeof(UnsupportedEventDefinition))]
    [InlineData("escalationEventDefinition", typeof(UnsupportedEventDefinition))]
    [InlineData("conditionalEventDefinition", typeof(UnsupportedEventDefinition))]
    [InlineData("compensateEventDefinition", typeof(UnsupportedEventDefinition))]
    public void Parse_ReportsBoundaryEvent_WhenItIsNotATimer(string definition, Type triggerType)
    {
        var document = BpmnXml.Parse(BpmnXml.Process(
            $"""
            <bpmn:startEvent id="S" />
            <bpmn:userTask id="T" />
            <bpmn:boundaryEvent id="B" attachedToRef="T" cancelActivity="false"><bpmn:{definition} /></bpmn:boundaryEvent>
            <bpmn:endEvent id="E" />
            <bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="T" />
            <bpmn:sequenceFlow id="F2" sourceRef="T" targetRef="E" />
            <bpmn:sequenceFlow id="F3" sourceRef="B" targetRef="E" />
            """,
            """<bpmn:message id="M" name="withdrawn" />"""));

        var boundary = BpmnXml.Node<BoundaryEvent>(document, "B");
        Assert.IsType(triggerType, boundary.Trigger);
        Assert.Same(document.MainProcess!.Node("T"), boundary.AttachedTo);
        Assert.Contains("only timer boundary events are supported", BpmnXml.SingleIssue(document, "B").Message);
        Assert.Single(document.Issues);
    }

    [Fact]
    public void Parse_ReportsEvent_WhenItHasSeveralEventDefinitions()
    {
        var document = BpmnXml.Parse(BpmnXml.Around(
            """
            <bpmn:intermediateCatchEvent id="X">
              <bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition>
              <bpmn:messageEventDefinition messageRef="M" />
            </bpmn:intermediateCatchEvent>
            """,
            """<bpmn:message id="M" name="m" />"""));

        var trigger = BpmnXml.Node<IntermediateCatchEvent>(document, "X").Trigger;
        Assert.Equal("multiple", Assert.IsType<UnsupportedEventDefinition>(trigger).ElementType);
        Assert.Contains("several event definitions (timerEventDefinition, messageEventDefinition)", BpmnXml.SingleIssue(document, "X").Message);
    }

    [Fact]
    public void Parse_ReportsStandardLoop_OnTheActivityThatHasIt()
    {
        var document = BpmnXml.Parse(BpmnXml.Around(
            """<bpmn:userTask id="X"><bpmn:standardLoopCharacteristics testBefore="false" /></bpmn:userTask>"""));

        Assert.Null(BpmnXml.Node<UserTask>(document, "X").MultiInstance);
        var issue = BpmnXml.SingleIssue(document, "X");
        Assert.Equal("userTask", issue.ElementType);
        Assert.Contains("standardLoopCharacteristics", issue.Message);
    }

    [Fact]
    public void Parse_ReportsOnlyTheActivity_WhenATimerBoundaryEventSitsOnAnUnsupportedTask()
    {
        var document = BpmnXml.Parse(BpmnXml.Process("""
            <bpmn:startEvent id="S" />
            <bpmn:manualTask id="T" />
            <bpmn:boundaryEvent id="B" attachedToRef="T"><bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
            <bpmn:endEvent id="E" />
            <bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="T" />
            <bpmn:sequenceFlow id="F2" sourceRef="T" targetRef="E" />
            <bpmn:sequenceFlow id="F3" sourceRef="B" targetRef="E" />
            """));

        Assert.Equal(["T"], document.Issues.Select(i => i.ElementId));
    }

    [Fact]
    public void Parse_IgnoresSilently_WhatDoesNotAffectExecution()
    {
        var document = BpmnXml.Parse(BpmnXml.Process(
            """
            <bpmn:documentation>法治政府建设年度报告</bpmn:documentation>
            <bpmn:extensionElements><camunda:properties><camunda:property name="a" value="b" /></camunda:properties></bpmn:extensionElements>
            <bpmn:ioSpecification id="Io"><bpmn:dataInput id="In" /><bpmn:inputSet id="Is"><bpmn:dataInputRefs>In</bpmn:dataInputRefs></bpmn:inputSet><bpmn:outputSet id="Os" /></bpmn:ioSpecification>
            <bpmn:property id="Prop" name="p" />
            <bpmn:laneSet id="Ls"><bpmn:lane id="Lane" name="法制机构"><bpmn:flowNodeRef>S</bpmn:flowNodeRef></bpmn:lane></bpmn:laneSet>
            <bpmn:startEvent id="S" />
            <bpmn:userTask id="T">
              <bpmn:documentation>审查</bpmn:documentation>
              <bpmn:dataInputAssociation id="Dia"><bpmn:sourceRef>DataRef</bpmn:sourceRef><bpmn:targetRef>In</bpmn:targetRef></bpmn:dataInputAssociation>
              <bpmn:dataOutputAssociation id="Doa"><bpmn:targetRef>StoreRef</bpmn:targetRef></bpmn:dataOutputAssociation>
            </bpmn:userTask>
            <bpmn:endEvent id="E" />
            <bpmn:dataObject id="Data" />
            <bpmn:dataObjectReference id="DataRef" dataObjectRef="Data" />
            <bpmn:dataStoreReference id="StoreRef" />
            <bpmn:textAnnotation id="Note"><bpmn:text>依据《重大行政决策程序暂行条例》</bpmn:text></bpmn:textAnnotation>
            <bpmn:association id="Assoc" sourceRef="T" targetRef="Note" />
            <bpmn:group id="Grp" categoryValueRef="Cv" />
            <bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="T" />
            <bpmn:sequenceFlow id="F2" sourceRef="T" targetRef="E" />
            """,
            """
            <bpmn:category id="Cat"><bpmn:categoryValue id="Cv" value="公众参与" /></bpmn:category>
            <bpmn:collaboration id="Collab"><bpmn:participant id="Pool" processRef="P" /><bpmn:participant id="Public" /><bpmn:messageFlow id="Mf" sourceRef="Public" targetRef="T" /></bpmn:collaboration>
            """));

        BpmnXml.AssertNoIssues(document);
        Assert.Equal(["S", "T", "E"], document.MainProcess!.NodesById.Keys);
    }
}
