using System.Text.Json.Nodes;
using Workflows.Engine.Instances;
using Workflows.Engine.Tasks;
using static Workflows.Engine.Tests.Runtime.Bpmn;

namespace Workflows.Engine.Tests.Runtime;

public sealed class ScopeTests : IAsyncLifetime
{
    private EngineHarness _engine = null!;

    public async Task InitializeAsync() => _engine = await EngineHarness.StartAsync();

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public async Task SubProcess_RunsInnerStepsThenContinues()
    {
        await _engine.DeployAsync(Process("nested", $"""
            <bpmn:startEvent id="start" />
            <bpmn:subProcess id="consult">
              <bpmn:startEvent id="innerStart" />
              {UserTask("collect", "owner")}
              <bpmn:endEvent id="innerEnd" />
              {Flow("innerStart", "collect")}
              {Flow("collect", "innerEnd")}
            </bpmn:subProcess>
            {UserTask("after")}
            {Flow("start", "consult")}
            {Flow("consult", "after")}
            """));
        var instance = await _engine.StartAsync("nested");
        Assert.Equal(["collect", "consult"], (await _engine.InstanceAsync(instance.Id)).ActiveActivityIds.Order());

        await _engine.CompleteAsync(await _engine.SingleTaskAsync(instance.Id, "collect"), EngineHarness.Owner);

        Assert.Equal(["after"], (await _engine.InstanceAsync(instance.Id)).ActiveActivityIds);
    }

    [Fact]
    public async Task BoundaryTimerOnSubProcess_CancelsEverythingInside()
    {
        await _engine.DeployAsync(Process("deadline", $"""
            <bpmn:startEvent id="start" />
            <bpmn:subProcess id="comment">
              <bpmn:startEvent id="innerStart" />
              <bpmn:parallelGateway id="fork" />
              {UserTask("a", "owner")}
              {UserTask("b", "owner")}
              {Flow("innerStart", "fork")}
              {Flow("fork", "a")}
              {Flow("fork", "b")}
            </bpmn:subProcess>
            <bpmn:boundaryEvent id="closes" attachedToRef="comment">
              <bpmn:timerEventDefinition><bpmn:timeDuration>P30D</bpmn:timeDuration></bpmn:timerEventDefinition>
            </bpmn:boundaryEvent>
            {UserTask("summarise", "owner")}
            {Flow("start", "comment")}
            {Flow("closes", "summarise")}
            """));
        var instance = await _engine.StartAsync("deadline");
        Assert.Equal(2, (await _engine.TasksAsync(instance.Id)).Count);

        await _engine.AdvanceAsync(TimeSpan.FromDays(30));

        Assert.Equal(["summarise"], (await _engine.InstanceAsync(instance.Id)).ActiveActivityIds);
        Assert.Equal(2, (await _engine.TasksAsync(instance.Id, UserTaskStatus.Cancelled)).Count);
    }

    [Fact]
    public async Task TerminateEnd_EndsWholeInstance_CancellingOtherBranches()
    {
        await _engine.DeployAsync(Process("veto-process", $"""
            <bpmn:startEvent id="start" />
            <bpmn:parallelGateway id="fork" />
            {UserTask("veto", "leader")}
            {UserTask("work", "owner")}
            <bpmn:endEvent id="stop"><bpmn:terminateEventDefinition /></bpmn:endEvent>
            {Flow("start", "fork")}
            {Flow("fork", "veto")}
            {Flow("fork", "work")}
            {Flow("veto", "stop")}
            """));
        var instance = await _engine.StartAsync("veto-process");

        await _engine.CompleteAsync(await _engine.SingleTaskAsync(instance.Id, "veto"), EngineHarness.Actor("l", "leader"));

        Assert.Equal(InstanceStatus.Completed, (await _engine.InstanceAsync(instance.Id)).Status);
        Assert.Single(await _engine.TasksAsync(instance.Id, UserTaskStatus.Cancelled), t => t.ActivityId == "work");
        Assert.Contains(await _engine.HistoryAsync(instance.Id), h => h.Kind == "InstanceTerminated");
    }

    [Fact]
    public async Task TerminateEndInsideSubProcess_EndsOnlyTheSubProcess()
    {
        await _engine.DeployAsync(Process("inner-stop", $"""
            <bpmn:startEvent id="start" />
            <bpmn:subProcess id="scope">
              <bpmn:startEvent id="innerStart" />
              <bpmn:parallelGateway id="fork" />
              {UserTask("quick", "owner")}
              {UserTask("slow", "owner")}
              <bpmn:endEvent id="stop"><bpmn:terminateEventDefinition /></bpmn:endEvent>
              {Flow("innerStart", "fork")}
              {Flow("fork", "quick")}
              {Flow("fork", "slow")}
              {Flow("quick", "stop")}
            </bpmn:subProcess>
            {UserTask("after")}
            {Flow("start", "scope")}
            {Flow("scope", "after")}
            """));
        var instance = await _engine.StartAsync("inner-stop");

        await _engine.CompleteAsync(await _engine.SingleTaskAsync(instance.Id, "quick"), EngineHarness.Owner);

        var view = await _engine.InstanceAsync(instance.Id);
        Assert.Equal(InstanceStatus.Running, view.Status);
        Assert.Equal(["after"], view.ActiveActivityIds);
    }

    private const string Child = """
        <bpmn:startEvent id="cs" />
        <bpmn:userTask id="expertOpinion" fz:candidateGroups="expert" />
        <bpmn:endEvent id="ce" />
        <bpmn:sequenceFlow id="c1" sourceRef="cs" targetRef="expertOpinion" />
        <bpmn:sequenceFlow id="c2" sourceRef="expertOpinion" targetRef="ce" />
        """;

    [Fact]
    public async Task CallActivity_WaitsForChildAndCopiesVariablesBack()
    {
        await _engine.DeployAsync(Process("expert-consultation", Child));
        await _engine.DeployAsync(Process("decision", $"""
            <bpmn:startEvent id="start" />
            <bpmn:callActivity id="consult" calledElement="expert-consultation" />
            {UserTask("decide", "leader")}
            {Flow("start", "consult")}
            {Flow("consult", "decide")}
            """));
        var parent = await _engine.StartAsync("decision", new JsonObject { ["topic"] = "城区停车收费调整" }, "决策-1");
        var children = await _engine.QueryAsync(db => Task.FromResult(db.Instances.Where(i => i.ParentInstanceId == parent.Id).ToList()));
        var child = Assert.Single(children);
        Assert.Equal("决策-1", child.BusinessKey);
        Assert.Equal("城区停车收费调整", (string?)(await _engine.InstanceAsync(child.Id)).Variables["topic"]);

        await _engine.CompleteAsync(await _engine.SingleTaskAsync(child.Id, "expertOpinion"), EngineHarness.Actor("e", "expert"),
            variables: new JsonObject { ["expertAdvice"] = "建议分时段收费" });
        Assert.Equal(["consult"], (await _engine.InstanceAsync(parent.Id)).ActiveActivityIds);

        Assert.Equal(1, await _engine.DrainOutboxAsync());

        var view = await _engine.InstanceAsync(parent.Id);
        Assert.Equal(["decide"], view.ActiveActivityIds);
        Assert.Equal("建议分时段收费", (string?)view.Variables["expertAdvice"]);
        Assert.Equal(0, await _engine.DrainOutboxAsync());
    }

    [Fact]
    public async Task CallActivity_ContinuesAtOnce_WhenChildHasNothingToWaitFor()
    {
        await _engine.DeployAsync(Process("instant", """
            <bpmn:startEvent id="s" />
            <bpmn:scriptTask id="calc"><bpmn:script>execution.setVariable('score', 7)</bpmn:script></bpmn:scriptTask>
            <bpmn:endEvent id="e" />
            <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="calc" />
            <bpmn:sequenceFlow id="f2" sourceRef="calc" targetRef="e" />
            """));
        await _engine.DeployAsync(Process("caller", $"""
            <bpmn:startEvent id="start" />
            <bpmn:callActivity id="call" calledElement="instant" />
            {UserTask("next")}
            {Flow("start", "call")}
            {Flow("call", "next")}
            """));

        var parent = await _engine.StartAsync("caller");

        var view = await _engine.InstanceAsync(parent.Id);
        Assert.Equal(["next"], view.ActiveActivityIds);
        Assert.Equal(7, (int)view.Variables["score"]!);
        Assert.Equal(0, await _engine.DrainOutboxAsync());
    }

    [Fact]
    public async Task ParallelMultiInstance_CompletesWhenTwoOfThreeApprove()
    {
        await _engine.DeployAsync(Process("countersign", $$"""
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="sign" fz:assignee="${reviewer}" fz:outcomesVariable="signatures">
              <bpmn:multiInstanceLoopCharacteristics fz:collection="reviewers" fz:elementVariable="reviewer">
                <bpmn:completionCondition>${outcomes.approve >= 2}</bpmn:completionCondition>
              </bpmn:multiInstanceLoopCharacteristics>
            </bpmn:userTask>
            {{UserTask("publish", "owner")}}
            {{Flow("start", "sign")}}
            {{Flow("sign", "publish")}}
            """));
        var instance = await _engine.StartAsync("countersign", new JsonObject { ["reviewers"] = new JsonArray("zhang", "li", "wang") });
        var tasks = await _engine.TasksAsync(instance.Id);
        Assert.Equal(["li", "wang", "zhang"], tasks.Select(t => t.Assignee!).Order());

        await _engine.CompleteAsync(tasks.Single(t => t.Assignee == "zhang"), EngineHarness.Actor("zhang"), "approve");
        await _engine.CompleteAsync(tasks.Single(t => t.Assignee == "li"), EngineHarness.Actor("li"), "reject");
        Assert.Equal(["sign"], (await _engine.InstanceAsync(instance.Id)).ActiveActivityIds);
        await _engine.CompleteAsync(tasks.Single(t => t.Assignee == "wang"), EngineHarness.Actor("wang"), "approve");

        var view = await _engine.InstanceAsync(instance.Id);
        Assert.Equal(["publish"], view.ActiveActivityIds);
        Assert.Equal(2, (int)view.Variables["signatures"]!["approve"]!);
    }

    [Fact]
    public async Task ParallelMultiInstance_CancelsRemainingTasks_WhenConditionMetEarly()
    {
        await _engine.DeployAsync(Process("any-two", $$"""
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="sign" fz:assignee="${reviewer}">
              <bpmn:multiInstanceLoopCharacteristics camunda:collection="${reviewers}" camunda:elementVariable="reviewer">
                <bpmn:completionCondition>nrOfCompletedInstances >= 2</bpmn:completionCondition>
              </bpmn:multiInstanceLoopCharacteristics>
            </bpmn:userTask>
            {{UserTask("next", "owner")}}
            {{Flow("start", "sign")}}
            {{Flow("sign", "next")}}
            """));
        var instance = await _engine.StartAsync("any-two", new JsonObject { ["reviewers"] = new JsonArray("a", "b", "c") });
        var tasks = await _engine.TasksAsync(instance.Id);

        await _engine.CompleteAsync(tasks.Single(t => t.Assignee == "a"), EngineHarness.Actor("a"));
        await _engine.CompleteAsync(tasks.Single(t => t.Assignee == "c"), EngineHarness.Actor("c"));

        Assert.Equal(["next"], (await _engine.InstanceAsync(instance.Id)).ActiveActivityIds);
        Assert.Equal("b", (await _engine.TasksAsync(instance.Id, UserTaskStatus.Cancelled)).Single().Assignee);
    }

    [Fact]
    public async Task SequentialMultiInstance_CreatesOneTaskAtATimeInOrder()
    {
        await _engine.DeployAsync(Process("in-turn", $$"""
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="sign" fz:assignee="${signer}">
              <bpmn:multiInstanceLoopCharacteristics isSequential="true" fz:collection="signers" fz:elementVariable="signer" />
            </bpmn:userTask>
            <bpmn:endEvent id="end" />
            {{Flow("start", "sign")}}
            {{Flow("sign", "end")}}
            """));
        var instance = await _engine.StartAsync("in-turn", new JsonObject { ["signers"] = new JsonArray("first", "second") });

        var first = Assert.Single(await _engine.TasksAsync(instance.Id));
        Assert.Equal("first", first.Assignee);
        await _engine.CompleteAsync(first, EngineHarness.Actor("first"));
        var second = Assert.Single(await _engine.TasksAsync(instance.Id));
        Assert.Equal("second", second.Assignee);
        await _engine.CompleteAsync(second, EngineHarness.Actor("second"));

        Assert.Equal(InstanceStatus.Completed, (await _engine.InstanceAsync(instance.Id)).Status);
    }
}
