using Workflows.Engine.Bpmn.Model;

namespace Workflows.Engine.Tests.Bpmn;

public sealed class BpmnParserActivityTests
{
    [Fact]
    public void Parse_MapsUserTaskAttributes_WhenFazhiNamespace()
    {
        var xml = BpmnXml.Around("""
            <bpmn:userTask id="X" name="合法性审核" fz:assignee="${reviewer}" fz:candidateGroups=" legal , legal-office:reviewer,,leader "
                           fz:candidateUsers="wang.li" fz:due="15WD" />
            """);

        var document = BpmnXml.Parse(xml);

        BpmnXml.AssertNoIssues(document);
        var task = BpmnXml.Node<UserTask>(document, "X");
        Assert.Equal("合法性审核", task.Name);
        Assert.Equal("userTask", task.ElementType);
        Assert.Equal("${reviewer}", task.Assignee);
        Assert.Equal(["legal", "legal-office:reviewer", "leader"], task.CandidateGroups);
        Assert.Equal(["wang.li"], task.CandidateUsers);
        Assert.Equal("15WD", task.Due);
    }

    [Fact]
    public void Parse_MapsUserTaskAttributes_WhenCamundaNamespace()
    {
        var xml = BpmnXml.Around("""
            <bpmn:userTask id="X" camunda:assignee="demo" camunda:candidateGroups="accounting, management"
                           camunda:candidateUsers="kermit" camunda:dueDate="${dueDate}" />
            """);

        var task = BpmnXml.Node<UserTask>(BpmnXml.Parse(xml), "X");

        Assert.Equal("demo", task.Assignee);
        Assert.Equal(["accounting", "management"], task.CandidateGroups);
        Assert.Equal(["kermit"], task.CandidateUsers);
        Assert.Null(task.Due);
    }

    [Fact]
    public void Parse_ReadsStandardResourceAssignments_WhenTaskHasPotentialOwnerAndHumanPerformer()
    {
        var xml = BpmnXml.Around("""
            <bpmn:userTask id="X">
              <bpmn:humanPerformer>
                <bpmn:resourceAssignmentExpression><bpmn:formalExpression>zhang.san</bpmn:formalExpression></bpmn:resourceAssignmentExpression>
              </bpmn:humanPerformer>
              <bpmn:potentialOwner>
                <bpmn:resourceAssignmentExpression>
                  <bpmn:formalExpression>user(li.si), group(legal), experts</bpmn:formalExpression>
                </bpmn:resourceAssignmentExpression>
              </bpmn:potentialOwner>
              <bpmn:potentialOwner><bpmn:resourceRef>Resource_1</bpmn:resourceRef></bpmn:potentialOwner>
            </bpmn:userTask>
            """);

        var task = BpmnXml.Node<UserTask>(BpmnXml.Parse(xml), "X");

        Assert.Equal("zhang.san", task.Assignee);
        Assert.Equal(["li.si"], task.CandidateUsers);
        Assert.Equal(["legal", "experts"], task.CandidateGroups);
    }

    [Fact]
    public void Parse_MergesExtensionAndStandardCandidates_WhenBothAreGiven()
    {
        var xml = BpmnXml.Around("""
            <bpmn:userTask id="X" fz:assignee="owner" fz:candidateGroups="legal">
              <bpmn:humanPerformer><bpmn:resourceAssignmentExpression><bpmn:formalExpression>user(other)</bpmn:formalExpression></bpmn:resourceAssignmentExpression></bpmn:humanPerformer>
              <bpmn:potentialOwner><bpmn:resourceAssignmentExpression><bpmn:formalExpression>group(legal), group(leader)</bpmn:formalExpression></bpmn:resourceAssignmentExpression></bpmn:potentialOwner>
            </bpmn:userTask>
            """);

        var task = BpmnXml.Node<UserTask>(BpmnXml.Parse(xml), "X");

        Assert.Equal("owner", task.Assignee);
        Assert.Equal(["legal", "leader"], task.CandidateGroups);
    }

    [Theory]
    [InlineData("serviceTask", "fz:type=\"email\"", "email")]
    [InlineData("sendTask", "fz:type=\"notify\"", "notify")]
    [InlineData("serviceTask", "camunda:type=\"external\" camunda:topic=\"mail\"", "external")]
    [InlineData("serviceTask", "", null)]
    public void Parse_MapsServiceAndSendTasks_ToServiceTaskWithActivityType(string element, string attributes, string? activityType)
    {
        var xml = BpmnXml.Around($"""<bpmn:{element} id="X" {attributes} />""");

        var task = BpmnXml.Node<ServiceTask>(BpmnXml.Parse(xml), "X");

        Assert.Equal(element, task.ElementType);
        Assert.Equal(activityType, task.ActivityType);
    }

    [Fact]
    public void Parse_MapsScriptTask_WithCdataScriptAndResultVariable()
    {
        var xml = BpmnXml.Around("""
            <bpmn:scriptTask id="X" scriptFormat="JavaScript" camunda:resultVariable="daysLeft">
              <bpmn:script><![CDATA[
                var left = deadline - today;
                left > 0 ? left : 0;
              ]]></bpmn:script>
            </bpmn:scriptTask>
            """);

        var document = BpmnXml.Parse(xml);

        BpmnXml.AssertNoIssues(document);
        var task = BpmnXml.Node<ScriptTask>(document, "X");
        Assert.Equal("JavaScript", task.ScriptFormat);
        Assert.StartsWith("var left = deadline - today;", task.Script);
        Assert.EndsWith("left > 0 ? left : 0;", task.Script);
        Assert.Equal("daysLeft", task.ResultVariable);
    }

    [Fact]
    public void Parse_MapsReceiveTask_WithTheMessageName()
    {
        var xml = BpmnXml.Around(
            """<bpmn:receiveTask id="X" messageRef="Msg_Reply" />""",
            """<bpmn:message id="Msg_Reply" name="opinion-received" />""");

        var document = BpmnXml.Parse(xml);

        BpmnXml.AssertNoIssues(document);
        var message = BpmnXml.Node<ReceiveTask>(document, "X").Message;
        Assert.Equal("Msg_Reply", message?.MessageRef);
        Assert.Equal("opinion-received", message?.MessageName);
    }

    [Fact]
    public void Parse_MapsCallActivity_WithCalledElement()
    {
        var xml = BpmnXml.Around("""<bpmn:callActivity id="X" calledElement="expert-review" />""");

        var call = BpmnXml.Node<CallActivity>(BpmnXml.Parse(xml), "X");

        Assert.Equal("expert-review", call.CalledElement);
    }

    [Fact]
    public void Parse_MapsMultiInstance_WhenCamundaCollectionAndCompletionCondition()
    {
        var xml = BpmnXml.Around("""
            <bpmn:userTask id="X" camunda:assignee="${signer}">
              <bpmn:multiInstanceLoopCharacteristics isSequential="true" camunda:collection="${signers}" camunda:elementVariable="signer">
                <bpmn:completionCondition xsi:type="bpmn:tFormalExpression">${nrOfCompletedInstances / nrOfInstances &gt;= 0.5}</bpmn:completionCondition>
              </bpmn:multiInstanceLoopCharacteristics>
            </bpmn:userTask>
            """);

        var document = BpmnXml.Parse(xml);

        BpmnXml.AssertNoIssues(document);
        var loop = BpmnXml.Node<UserTask>(document, "X").MultiInstance;
        Assert.NotNull(loop);
        Assert.True(loop.IsSequential);
        Assert.Equal("signers", loop.Collection);
        Assert.Equal("signer", loop.ElementVariable);
        Assert.Null(loop.LoopCardinality);
        Assert.Equal("nrOfCompletedInstances / nrOfInstances >= 0.5", loop.CompletionCondition);
    }

    [Fact]
    public void Parse_MapsParallelMultiInstance_WhenFazhiCollectionOrLoopCardinality()
    {
        var xml = BpmnXml.Process("""
            <bpmn:startEvent id="S" />
            <bpmn:userTask id="A"><bpmn:multiInstanceLoopCharacteristics fz:collection="experts" fz:elementVariable="expert" /></bpmn:userTask>
            <bpmn:serviceTask id="B" fz:type="notify"><bpmn:multiInstanceLoopCharacteristics><bpmn:loopCardinality>3</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics></bpmn:serviceTask>
            <bpmn:endEvent id="E" />
            <bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="A" />
            <bpmn:sequenceFlow id="F2" sourceRef="A" targetRef="B" />
            <bpmn:sequenceFlow id="F3" sourceRef="B" targetRef="E" />
            """);

        var document = BpmnXml.Parse(xml);

        BpmnXml.AssertNoIssues(document);
        var byCollection = BpmnXml.Node<UserTask>(document, "A").MultiInstance!;
        Assert.False(byCollection.IsSequential);
        Assert.Equal("experts", byCollection.Collection);
        Assert.Equal("expert", byCollection.ElementVariable);
        var byCount = BpmnXml.Node<ServiceTask>(document, "B").MultiInstance!;
        Assert.Equal("3", byCount.LoopCardinality);
        Assert.Null(byCount.Collection);
    }

    [Fact]
    public void Parse_NestsSubProcessChildren_AndIndexesThemOnTheProcess()
    {
        var xml = BpmnXml.Around("""
            <bpmn:subProcess id="X" name="专家论证">
              <bpmn:startEvent id="Sub_Start" />
              <bpmn:userTask id="Sub_Task" />
              <bpmn:endEvent id="Sub_End" />
              <bpmn:sequenceFlow id="Sub_F1" sourceRef="Sub_Start" targetRef="Sub_Task" />
              <bpmn:sequenceFlow id="Sub_F2" sourceRef="Sub_Task" targetRef="Sub_End" />
            </bpmn:subProcess>
            """);

        var document = BpmnXml.Parse(xml);

        BpmnXml.AssertNoIssues(document);
        var process = document.MainProcess!;
        var sub = BpmnXml.Node<SubProcess>(document, "X");
        Assert.Equal(["Start", "X", "End"], process.Children.Select(n => n.Id));
        Assert.Equal(["Sub_Start", "Sub_Task", "Sub_End"], sub.Children.Select(n => n.Id));
        Assert.Equal(["Sub_F1", "Sub_F2"], sub.Flows.Select(f => f.Id));
        Assert.Equal(["F1", "F2"], process.Flows.Select(f => f.Id));
        Assert.Same(sub.Children[1], process.Node("Sub_Task"));
        Assert.Same(sub.Flows[0], process.FlowsById["Sub_F1"]);
        Assert.Same(sub, process.Node("Sub_Task").Scope);
        Assert.Same(process, sub.Scope);
        Assert.Same(sub.Children[0], sub.NoneStartEvent);
        Assert.All(process.NodesById.Values, n => Assert.NotNull(n.Scope));
    }
}
