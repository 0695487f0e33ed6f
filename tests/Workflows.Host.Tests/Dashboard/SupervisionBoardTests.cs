using Microsoft.Extensions.DependencyInjection;
using Workflows.Host.Components.Dashboard;
using Workflows.Host.Components.Tasks;
using Workflows.Host.Tests.Infrastructure;

namespace Workflows.Host.Tests.Dashboard;

/// <summary>
/// The supervision dashboard's counts, read from the engine's tables of the real host on the
/// simulated clock (Monday 2 March 2026): whose unit each open step lies with, overdue and due within
/// three working days on the working-day calendar, escalations, and cases per procedure.
/// </summary>
public sealed class SupervisionBoardTests(SimulatedClockHostFactory host) : IClassFixture<SimulatedClockHostFactory>
{
    [Fact]
    public Task Load_CountsOpenStepsByUnitAndDueStatus_EscalationsAndCasesPerProcedure() => SupervisionBoardScenario.RunAsync(host);
}

/// <summary>The same counts on PostgreSQL, where the per-procedure grouping is translated to SQL by Npgsql.</summary>
public sealed class SupervisionBoardPostgreSqlTests(PostgreSqlSimulatedClockHostFactory host) : IClassFixture<PostgreSqlSimulatedClockHostFactory>
{
    [Fact]
    public Task Load_CountsOpenStepsByUnitAndDueStatus_EscalationsAndCasesPerProcedure() => SupervisionBoardScenario.RunAsync(host);
}

public static class SupervisionBoardScenario
{
    private static readonly TimeSpan Beijing = ClockedHostFactory.Beijing;

    public static async Task RunAsync(HostFactory host)
    {
        // The legal affairs office's review is due Wednesday 4 March and escalates a working day after.
        await HostApi.PublishAsync(host, HostApi.SingleTask("board-review", """name="合法性审查" fz:candidateGroups="legal-office:reviewer" fz:due="2WD" """, """
            <bpmn:extensionElements><fz:ladder><fz:escalate after="1WD" to="supervisor" /></fz:ladder></bpmn:extensionElements>
            """));
        // A group with no unit: the step lies with the unit that started the case (the owner's, county-drc).
        await HostApi.PublishAsync(host, HostApi.SingleTask("board-group", """name="补正材料" fz:candidateGroups="reviewer" fz:due="1WD" """));
        // Assigned to the owner: the owner's unit.
        await HostApi.PublishAsync(host, HostApi.SingleTask("board-assigned", """name="拟订方案" fz:assignee="owner" fz:due="${period}" """));

        var review = await HostApi.StartAsync(host, "board-review", variables: new { title = "关于规范行政裁量权基准的通知" });
        await HostApi.StartAsync(host, "board-group", variables: new { title = "补正申请材料" });
        await HostApi.StartAsync(host, "board-assigned", variables: new { title = "供热价格调整方案", period = "5WD" });
        await HostApi.StartAsync(host, "board-assigned", variables: new { title = "城区停车收费办法", period = "10WD" });

        // Friday 6 March: review (due 4 March) and the group step (due 3 March) are overdue; the 5WD step
        // is due Monday 9 March, within three working days; the 10WD step is due 16 March, on time.
        await HostApi.AdvanceAsync(host, new DateTimeOffset(2026, 3, 6, 10, 0, 0, Beijing));

        await using var scope = host.Services.CreateAsyncScope();
        var snapshot = await scope.ServiceProvider.GetRequiredService<SupervisionBoard>().LoadAsync("未明确单位", CancellationToken.None);

        var legal = Assert.Single(snapshot.Units, u => u.UnitCode == "legal-office");
        Assert.Equal(("柳江县司法局（县委依法治县办公室）", 1, 0, 0), (legal.UnitName, legal.Overdue, legal.DueSoon, legal.OnTime));
        var drc = Assert.Single(snapshot.Units, u => u.UnitCode == "county-drc");
        Assert.Equal(("柳江县发展和改革局", 1, 1, 1), (drc.UnitName, drc.Overdue, drc.DueSoon, drc.OnTime));
        Assert.Equal(2, snapshot.Count(DueStatus.Overdue));
        Assert.Equal(1, snapshot.Count(DueStatus.DueSoon));
        Assert.Equal(1, snapshot.Count(DueStatus.OnTime));
        // Most overdue first.
        Assert.Equal(["county-drc", "legal-office"], snapshot.Units.Select(u => u.UnitCode));

        var escalation = Assert.Single(snapshot.Escalations);
        Assert.Equal(review, escalation.Task.InstanceId);
        Assert.Equal("督办：合法性审查", escalation.Task.Name);

        var overdueAtLegal = Assert.Single(snapshot.Filter(new SupervisionFilter("legal-office", DueStatus.Overdue)));
        Assert.Equal(("合法性审查", "关于规范行政裁量权基准的通知"), (overdueAtLegal.Task.Name, overdueAtLegal.CaseTitle));
        Assert.Empty(snapshot.Filter(new SupervisionFilter("legal-office", DueStatus.OnTime)));
        Assert.Equal(["供热价格调整方案", "城区停车收费办法"],
            snapshot.Filter(new SupervisionFilter(Procedure: "board-assigned")).Select(t => t.CaseTitle));
        Assert.Single(snapshot.Filter(new SupervisionFilter(Escalations: true)));

        var assigned = Assert.Single(snapshot.Procedures, p => p.Key == "board-assigned");
        Assert.Equal((2, 0, 2, 0), (assigned.Running, assigned.Completed, assigned.OpenSteps, assigned.Overdue));
        var reviews = Assert.Single(snapshot.Procedures, p => p.Key == "board-review");
        Assert.Equal((1, 1, 1), (reviews.Running, reviews.OpenSteps, reviews.Overdue));
    }
}
