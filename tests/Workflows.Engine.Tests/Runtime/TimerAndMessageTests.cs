using System.Text.Json.Nodes;
using Workflows.Engine.Instances;
using Workflows.Engine.Runtime;
using Workflows.Engine.Tasks;
using Workflows.Engine.Timers;
using static Workflows.Engine.Tests.Runtime.Bpmn;

namespace Workflows.Engine.Tests.Runtime;

public sealed class TimerAndMessageTests : IAsyncLifetime
{
    private EngineHarness _engine = null!;

    public async Task InitializeAsync() => _engine = await EngineHarness.StartAsync();

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public async Task IntermediateTimer_WaitsUntilDue()
    {
        await _engine.DeployAsync(Process("wait", $"""
            <bpmn:startEvent id="start" />
            <bpmn:intermediateCatchEvent id="pause"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            {UserTask("after")}
            {Flow("start", "pause")}
            {Flow("pause", "after")}
            """));
        var instance = await _engine.StartAsync("wait");

        Assert.Equal(0, await _engine.AdvanceAsync(TimeSpan.FromMinutes(59)));
        Assert.Equal(["pause"], (await _engine.InstanceAsync(instance.Id)).ActiveActivityIds);

        Assert.Equal(1, await _engine.AdvanceAsync(TimeSpan.FromMinutes(2)));
        Assert.Equal(["after"], (await _engine.InstanceAsync(instance.Id)).ActiveActivityIds);
        Assert.Contains(await _engine.HistoryAsync(instance.Id), h => h.Kind == "TimerFired" && h.ActivityId == "pause");
    }

    private static readonly string Escalating = Process("escalating", $"""
        <bpmn:startEvent id="start" />
        {UserTask("review", "reviewer", "fz:due=\"P2D\"")}
        <bpmn:boundaryEvent id="overdue" attachedToRef="review">
          <bpmn:timerEventDefinition><bpmn:timeDuration>P2D</bpmn:timeDuration></bpmn:timerEventDefinition>
        </bpmn:boundaryEvent>
        {UserTask("escalation", "supervisor")}
        <bpmn:endEvent id="end" />
        {Flow("start", "review")}
        {Flow("review", "end")}
        {Flow("overdue", "escalation")}
        {Flow("escalation", "end", id: "escalation_end")}
        """);

    [Fact]
    public async Task InterruptingBoundaryTimer_CancelsTaskAndEscalates()
    {
        await _engine.DeployAsync(Escalating);
        var instance = await _engine.StartAsync("escalating");
        var review = await _engine.SingleTaskAsync(instance.Id, "review");
        Assert.Equal(EngineHarness.Monday.AddDays(2), review.DueAt);

        await _engine.AdvanceAsync(TimeSpan.FromDays(2));

        Assert.Equal(["escalation"], (await _engine.InstanceAsync(instance.Id)).ActiveActivityIds);
        Assert.Equal(UserTaskStatus.Cancelled, (await _engine.TasksAsync(instance.Id, UserTaskStatus.Cancelled)).Single().Status);
        await Assert.ThrowsAsync<WorkflowConflictException>(() => _engine.CompleteAsync(review, EngineHarness.Reviewer));
    }

    [Fact]
    public async Task BoundaryTimer_IsCancelled_WhenTaskCompletedInTime()
    {
        await _engine.DeployAsync(Escalating);
        var instance = await _engine.StartAsync("escalating");
        await _engine.CompleteAsync(await _engine.SingleTaskAsync(instance.Id, "review"), EngineHarness.Reviewer);

        Assert.Equal(0, await _engine.AdvanceAsync(TimeSpan.FromDays(3)));
        Assert.Equal(InstanceStatus.Completed, (await _engine.InstanceAsync(instance.Id)).Status);
        var timers = await _engine.QueryAsync(db => Task.FromResult(db.Timers.Where(t => t.InstanceId == instance.Id).ToList()));
        Assert.All(timers, t => Assert.Equal(TimerStatus.Cancelled, t.Status));
    }

    [Fact]
    public async Task NonInterruptingCycleTimer_RemindsTwiceAndKeepsTask()
    {
        await _engine.DeployAsync(Process("reminding", $"""
            <bpmn:startEvent id="start" />
            {UserTask("review")}
            <bpmn:boundaryEvent id="remind" attachedToRef="review" cancelActivity="false">
              <bpmn:timerEventDefinition><bpmn:timeCycle>R2/PT1H</bpmn:timeCycle></bpmn:timerEventDefinition>
            </bpmn:boundaryEvent>
            {UserTask("nudge", "supervisor")}
            <bpmn:endEvent id="end" />
            {Flow("start", "review")}
            {Flow("review", "end")}
            {Flow("remind", "nudge")}
            """));
        var instance = await _engine.StartAsync("reminding");

        Assert.Equal(2, await _engine.AdvanceAsync(TimeSpan.FromHours(5)));

        var open = await _engine.TasksAsync(instance.Id);
        Assert.Single(open, t => t.ActivityId == "review");
        Assert.Equal(2, open.Count(t => t.ActivityId == "nudge"));
    }

    [Fact]
    public async Task ReceiveTask_ResumesOnMessageCorrelatedByBusinessKey()
    {
        await _engine.DeployAsync(Process("filing", """
            <bpmn:startEvent id="start" />
            <bpmn:receiveTask id="awaitReceipt" messageRef="receipt" />
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="awaitReceipt" />
            <bpmn:sequenceFlow id="f2" sourceRef="awaitReceipt" targetRef="end" />
            """, extra: """<bpmn:message id="receipt" name="filing-receipt" />"""));
        var a = await _engine.StartAsync("filing", businessKey: "柳江规〔2026〕1号");
        var b = await _engine.StartAsync("filing", businessKey: "柳江规〔2026〕2号");

        var result = await _engine.Runtime.CorrelateMessageAsync(
            new CorrelateMessage("filing-receipt", "柳江规〔2026〕2号", null, new JsonObject { ["receiptNo"] = "备-7" }), EngineHarness.Admin);

        Assert.Equal(b.Id, result.InstanceId);
        Assert.False(result.StartedNewInstance);
        Assert.Equal(InstanceStatus.Completed, (await _engine.InstanceAsync(b.Id)).Status);
        Assert.Equal("备-7", (string?)(await _engine.InstanceAsync(b.Id)).Variables["receiptNo"]);
        Assert.Equal(InstanceStatus.Running, (await _engine.InstanceAsync(a.Id)).Status);
        await Assert.ThrowsAsync<WorkflowNotFoundException>(() => _engine.Runtime.CorrelateMessageAsync(
            new CorrelateMessage("filing-receipt", "no-such-key"), EngineHarness.Admin));
    }

    [Fact]
    public async Task MessageCatchEvent_ContinuesOnMessage()
    {
        await _engine.DeployAsync(Process("catching", $"""
            <bpmn:startEvent id="start" />
            <bpmn:intermediateCatchEvent id="signed"><bpmn:messageEventDefinition messageRef="m" /></bpmn:intermediateCatchEvent>
            {UserTask("after")}
            {Flow("start", "signed")}
            {Flow("signed", "after")}
            """, extra: """<bpmn:message id="m" name="record-signed" />"""));
        var instance = await _engine.StartAsync("catching");

        await _engine.Runtime.CorrelateMessageAsync(new CorrelateMessage("record-signed", InstanceId: instance.Id), EngineHarness.Admin);

        Assert.Equal(["after"], (await _engine.InstanceAsync(instance.Id)).ActiveActivityIds);
    }

    [Fact]
    public async Task MessageStartEvent_StartsInstance()
    {
        await _engine.DeployAsync(Process("on-complaint", $"""
            <bpmn:startEvent id="received"><bpmn:messageEventDefinition messageRef="c" /></bpmn:startEvent>
            {UserTask("handle")}
            {Flow("received", "handle")}
            """, extra: """<bpmn:message id="c" name="complaint" />"""));

        var result = await _engine.Runtime.CorrelateMessageAsync(
            new CorrelateMessage("complaint", "投诉-1", null, new JsonObject { ["from"] = "市民" }), EngineHarness.Admin);

        Assert.True(result.StartedNewInstance);
        var view = await _engine.InstanceAsync(result.InstanceId);
        Assert.Equal("投诉-1", view.BusinessKey);
        Assert.Equal(["handle"], view.ActiveActivityIds);
    }

    [Fact]
    public async Task TimerStartEvent_StartsInstancesOnItsCycle()
    {
        await _engine.DeployAsync(Process("weekly", $"""
            <bpmn:startEvent id="tick"><bpmn:timerEventDefinition><bpmn:timeCycle>R3/PT24H</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent>
            {UserTask("report")}
            {Flow("tick", "report")}
            """));

        Assert.Equal(3, await _engine.AdvanceAsync(TimeSpan.FromDays(10)));

        var instances = await _engine.QueryAsync(db => Task.FromResult(db.Instances.Where(i => i.DefinitionKey == "weekly").ToList()));
        Assert.Equal(3, instances.Count);
        Assert.All(instances, i => Assert.Equal("system", i.StartedBy));
    }

    [Fact]
    public async Task FireTimer_DoesNothing_WhenFiredTwice()
    {
        await _engine.DeployAsync(Escalating);
        var instance = await _engine.StartAsync("escalating");
        var timer = await _engine.QueryAsync(db => Task.FromResult(db.Timers.Single(t => t.InstanceId == instance.Id)));
        _engine.Clock.MoveTo(timer.DueAt);

        await _engine.Runtime.FireTimerAsync(timer.Id);
        await _engine.Runtime.FireTimerAsync(timer.Id);

        Assert.Single(await _engine.TasksAsync(instance.Id), t => t.ActivityId == "escalation");
        Assert.Single(await _engine.HistoryAsync(instance.Id), h => h.Kind == "TimerFired");
    }

    [Fact]
    public async Task TimerPath_FaultsInstance_WhenGatewayCannotRoute_AndRetryRunsItAgain()
    {
        await _engine.DeployAsync(Process("fragile", $"""
            <bpmn:startEvent id="start" />
            <bpmn:intermediateCatchEvent id="later"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            <bpmn:exclusiveGateway id="route" />
            <bpmn:endEvent id="end" />
            {Flow("start", "later")}
            {Flow("later", "route")}
            {Flow("route", "end", "ready === true")}
            """));
        var instance = await _engine.StartAsync("fragile", new JsonObject { ["ready"] = false });

        await _engine.AdvanceAsync(TimeSpan.FromHours(2));

        var faulted = await _engine.InstanceAsync(instance.Id);
        Assert.Equal(InstanceStatus.Faulted, faulted.Status);
        Assert.Equal("route", faulted.FaultActivityId);
        await _engine.Runtime.RetryAsync(instance.Id, EngineHarness.Admin);
        var history = (await _engine.HistoryAsync(instance.Id)).Select(h => h.Kind).ToList();
        Assert.Equal(["InstanceFaulted", "InstanceRetried", "InstanceFaulted"], history.Where(k => k.StartsWith("Instance") && k != "InstanceStarted"));
        Assert.True((await _engine.VerifyAsync(instance.Id)).Valid);
    }
}
