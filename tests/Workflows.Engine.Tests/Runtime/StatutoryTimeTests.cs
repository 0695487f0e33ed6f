using System.Text.Json.Nodes;
using Workflows.Engine.Outbox;
using Workflows.Engine.Runtime;
using Workflows.Engine.Tasks;
using Workflows.Engine.Timers;
using static Workflows.Engine.Tests.Runtime.Bpmn;

namespace Workflows.Engine.Tests.Runtime;

/// <summary>Due dates in working days, minimum periods, clock stops and the reminder ladder, on the real engine.</summary>
public sealed class StatutoryTimeTests : IAsyncLifetime
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private EngineHarness _engine = null!;

    /// <summary>2026-01-05, a Monday: before every date these tests move the clock to.</summary>
    public async Task InitializeAsync() => _engine = await EngineHarness.StartAsync(start: new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.FromHours(8)));

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    private static string LegalityReview(string ladder = "") => Process("legality", $"""
        <bpmn:startEvent id="start" />
        <bpmn:userTask id="review" name="合法性审查" fz:candidateGroups="legal" fz:due="7WD">
          <bpmn:extensionElements>{ladder}</bpmn:extensionElements>
        </bpmn:userTask>
        <bpmn:endEvent id="end" />
        {Flow("start", "review")}
        {Flow("review", "end")}
        """);

    [Fact]
    public async Task Due_CountsWorkingDaysThroughNationalDay()
    {
        // RULES.md: handed in Mon 2026-09-28 with 7 working days → the window closes at the end of 2026-10-13.
        _engine.Clock.MoveTo(new DateTimeOffset(2026, 9, 28, 10, 0, 0, Beijing));
        await _engine.DeployAsync(LegalityReview());
        var instance = await _engine.StartAsync("legality");

        var task = await _engine.SingleTaskAsync(instance.Id, "review");

        Assert.Equal(new DateTimeOffset(2026, 10, 13, 23, 59, 59, Beijing), task.DueAt);
    }

    [Fact]
    public async Task Ladder_RemindsOnWorkingDaysAndEscalatesWhenOverdue()
    {
        _engine.Clock.MoveTo(new DateTimeOffset(2026, 9, 28, 10, 0, 0, Beijing));
        await _engine.DeployAsync(LegalityReview("""
            <fz:ladder>
              <fz:remind before="3WD" />
              <fz:remind before="0WD" />
              <fz:escalate after="1WD" to="{unit}:supervisor" />
            </fz:ladder>
            """));
        var instance = await _engine.Runtime.StartAsync(new StartInstance("legality"), new WorkflowActor("owner", new HashSet<string> { "owner" }, "dev-reform"));

        var timers = await _engine.QueryAsync(db => Task.FromResult(db.Timers
            .Where(t => t.InstanceId == instance.Id && t.Role == TimerRole.Ladder).ToList()));
        // Due 10-13: three working days before is Fri 10-09 (10-12, 10-10 make-up Saturday, 10-09);
        // the due day itself; one working day after is Wed 10-14 — all at 09:00 Beijing time.
        Assert.Equal(
            [new DateTimeOffset(2026, 10, 9, 9, 0, 0, Beijing), new DateTimeOffset(2026, 10, 13, 9, 0, 0, Beijing), new DateTimeOffset(2026, 10, 14, 9, 0, 0, Beijing)],
            timers.Select(t => t.DueAt).Order());

        await _engine.AdvanceAsync(TimeSpan.FromDays(17));

        var history = await _engine.HistoryAsync(instance.Id);
        Assert.Equal(2, history.Count(h => h.Kind == "TaskReminded"));
        Assert.Single(history, h => h.Kind == "TaskEscalated");
        var escalation = (await _engine.TasksAsync(instance.Id)).Single(t => t.Kind == HumanTaskKind.Escalation);
        Assert.Equal("督办：合法性审查", escalation.Name);
        Assert.Equal(["dev-reform:supervisor"], escalation.CandidateGroups);
        Assert.Equal(["due-today", "escalation", "reminder"],
            history.Where(h => h.Kind is "TaskReminded" or "TaskEscalated").Select(h => (string)h.Data!["kind"]!).Order());
        // Without a notifications module nobody would deliver alerts, so none is queued.
        Assert.False(await _engine.QueryAsync(db => Task.FromResult(db.Outbox.Any(m => m.Type == "task.alert"))));

        await _engine.CompleteAsync(await _engine.SingleTaskAsync(instance.Id, "review"), EngineHarness.Actor("l", "legal"));
        Assert.Equal(UserTaskStatus.Cancelled, (await _engine.TasksAsync(instance.Id, UserTaskStatus.Cancelled)).Single().Status);
    }

    [Fact]
    public async Task Ladder_IsCancelled_WhenTaskCompletedBeforeAnyRung()
    {
        await _engine.DeployAsync(LegalityReview("""<fz:ladder><fz:remind before="1WD" /></fz:ladder>"""));
        var instance = await _engine.StartAsync("legality");
        await _engine.CompleteAsync(await _engine.SingleTaskAsync(instance.Id, "review"), EngineHarness.Actor("l", "legal"));

        Assert.Equal(0, await _engine.AdvanceAsync(TimeSpan.FromDays(30)));
        Assert.DoesNotContain(await _engine.HistoryAsync(instance.Id), h => h.Kind == "TaskReminded");
    }

    [Fact]
    public async Task MinimumPeriod_RefusesEarlyClose_UnlessAReasonIsRecorded()
    {
        // RULES.md: comment opened 2026-01-20 for 30 days ends 2026-02-24 (day 30 falls in the Spring Festival).
        _engine.Clock.MoveTo(new DateTimeOffset(2026, 1, 20, 9, 0, 0, Beijing));
        await _engine.DeployAsync(Process("comment", $"""
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="consult" fz:candidateGroups="owner" fz:minimum="30D" />
            <bpmn:endEvent id="end" />
            {Flow("start", "consult")}
            {Flow("consult", "end")}
            """));
        var instance = await _engine.StartAsync("comment");
        var task = await _engine.SingleTaskAsync(instance.Id, "consult");

        _engine.Clock.MoveTo(new DateTimeOffset(2026, 2, 24, 18, 0, 0, Beijing));
        var error = await Assert.ThrowsAsync<WorkflowValidationException>(() => _engine.CompleteAsync(task, EngineHarness.Owner));
        Assert.Contains("2026-02-24", error.Message, StringComparison.Ordinal);
        Assert.Equal("shortenReason", error.Errors.Single().Target);

        await _engine.Runtime.CompleteTaskAsync(task.Id, new TaskCompletion(ShortenReason: "上级要求提前报送"), EngineHarness.Owner);
        Assert.Contains(await _engine.HistoryAsync(instance.Id), h => h.Kind == "MinimumPeriodShortened");
    }

    [Fact]
    public async Task MinimumPeriod_AllowsClose_OnceThePeriodHasRunOut()
    {
        _engine.Clock.MoveTo(new DateTimeOffset(2026, 1, 20, 9, 0, 0, Beijing));
        await _engine.DeployAsync(Process("comment2", $"""
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="consult" fz:candidateGroups="owner" fz:minimum="30D" />
            {Flow("start", "consult")}
            """));
        var instance = await _engine.StartAsync("comment2");

        _engine.Clock.MoveTo(new DateTimeOffset(2026, 2, 25, 0, 0, 1, Beijing));
        await _engine.CompleteAsync(await _engine.SingleTaskAsync(instance.Id, "consult"), EngineHarness.Owner);
    }

    [Fact]
    public async Task ClockStop_MovesDueDateByPausedWorkingDays_AndRecordsWhoAndWhy()
    {
        _engine.Clock.MoveTo(new DateTimeOffset(2026, 9, 28, 10, 0, 0, Beijing));
        await _engine.DeployAsync(LegalityReview("""<fz:ladder><fz:remind before="1WD" /></fz:ladder>"""));
        var instance = await _engine.StartAsync("legality");
        var task = await _engine.SingleTaskAsync(instance.Id, "review");
        var legal = EngineHarness.Actor("legal", "legal");

        _engine.Clock.MoveTo(new DateTimeOffset(2026, 9, 30, 9, 0, 0, Beijing));
        await _engine.Runtime.PauseTaskClockAsync(task.Id, "补充材料", legal);
        Assert.Equal(0, await _engine.AdvanceAsync(TimeSpan.FromDays(9))); // no reminder while stopped
        await _engine.Runtime.ResumeTaskClockAsync(task.Id, legal);

        // Paused 09-30 and 10-08 (the holiday in between was never counted): due 2026-10-15 instead of 10-13.
        Assert.Equal(new DateTimeOffset(2026, 10, 15, 23, 59, 59, Beijing), (await _engine.SingleTaskAsync(instance.Id, "review")).DueAt);
        var history = await _engine.HistoryAsync(instance.Id);
        Assert.Equal("补充材料", (string?)history.Single(h => h.Kind == "ClockPaused").Data!["reason"]);
        Assert.Equal("legal", history.Single(h => h.Kind == "ClockResumed").Actor);
        var reminder = await _engine.QueryAsync(db => Task.FromResult(db.Timers.Single(t => t.InstanceId == instance.Id && t.Status == TimerStatus.Pending)));
        Assert.Equal(new DateTimeOffset(2026, 10, 14, 9, 0, 0, Beijing), reminder.DueAt);
    }

    [Fact]
    public async Task ClockStop_IsRefused_WithoutReasonOrTwice()
    {
        await _engine.DeployAsync(LegalityReview());
        var instance = await _engine.StartAsync("legality");
        var task = await _engine.SingleTaskAsync(instance.Id, "review");
        var legal = EngineHarness.Actor("legal", "legal");

        await Assert.ThrowsAsync<WorkflowValidationException>(() => _engine.Runtime.PauseTaskClockAsync(task.Id, " ", legal));
        await _engine.Runtime.PauseTaskClockAsync(task.Id, "征求意见", legal);
        await Assert.ThrowsAsync<WorkflowConflictException>(() => _engine.Runtime.PauseTaskClockAsync(task.Id, "again", legal));
        await Assert.ThrowsAsync<WorkflowForbiddenException>(() => _engine.Runtime.ResumeTaskClockAsync(task.Id, EngineHarness.Owner));
    }

    [Fact]
    public async Task Publish_NamesTaskWithBrokenLadder()
    {
        var xml = Process("broken-ladder", $"""
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="review" fz:candidateGroups="legal">
              <bpmn:extensionElements><fz:ladder><fz:remind before="soon" /><fz:escalate after="1WD" /><fz:remind before="1WD" /></fz:ladder></bpmn:extensionElements>
            </bpmn:userTask>
            {Flow("start", "review")}
            """);

        var error = await Assert.ThrowsAsync<WorkflowValidationException>(() => _engine.Runtime.SaveDefinitionAsync(xml, true, EngineHarness.Admin));

        Assert.All(error.Errors, e => Assert.Equal("review", e.Target));
        Assert.Equal(3, error.Errors.Count); // bad offset, escalate without recipient, ladder without fz:due
    }

    [Fact]
    public async Task Due_AcceptsAFixedStatutoryDate_FromAVariable()
    {
        await _engine.DeployAsync(Process("duty", $$"""
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="publishCatalogue" fz:candidateGroups="owner" fz:due="${dueDate}" />
            {{Flow("start", "publishCatalogue")}}
            """));
        var instance = await _engine.StartAsync("duty", new JsonObject { ["dueDate"] = "2026-03-31" });

        Assert.Equal(new DateTimeOffset(2026, 3, 31, 23, 59, 59, Beijing), (await _engine.SingleTaskAsync(instance.Id, "publishCatalogue")).DueAt);
    }
}
