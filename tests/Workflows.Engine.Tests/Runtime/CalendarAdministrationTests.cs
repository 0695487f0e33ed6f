using Microsoft.Extensions.DependencyInjection;
using Workflows.Engine.Calendar;
using Workflows.Engine.Calendar.Admin;
using Workflows.Engine.Runtime;
using static Workflows.Engine.Tests.Runtime.Bpmn;

namespace Workflows.Engine.Tests.Runtime;

/// <summary>Admins maintain holiday years in the database; open deadlines follow, and the journal says so.</summary>
public sealed class CalendarAdministrationTests : IAsyncLifetime
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private EngineHarness _engine = null!;

    public async Task InitializeAsync() =>
        _engine = await EngineHarness.StartAsync(start: new DateTimeOffset(2026, 12, 21, 9, 0, 0, Beijing));

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    private CalendarAdministration Calendar => _engine.Services.GetRequiredService<CalendarAdministration>();

    private static List<DateOnly> Days(params string[] days) => [.. days.Select(DateOnly.Parse)];

    [Fact]
    public async Task FirstStart_SeedsTheShippedYears_AsVersionOne()
    {
        var years = await Calendar.ListAsync(CancellationToken.None);

        Assert.Equal([2025, 2026], years.Select(y => y.Year));
        Assert.All(years, y => Assert.Equal((1, "system"), (y.Version, y.ChangedBy)));
        Assert.Contains(new DateOnly(2026, 10, 1), years.Single(y => y.Year == 2026).Holidays);
    }

    [Fact]
    public async Task SetYear_MovesOpenDeadlinesIntoThatYear_AndJournalsIt()
    {
        // Mon 2026-12-21 + 10 working days: without 2027 data, weekdays are assumed → Mon 2027-01-04.
        await _engine.DeployAsync(Process("year-end", $"""
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="review" fz:candidateGroups="legal" fz:due="10WD" />
            {Flow("start", "review")}
            """));
        var instance = await _engine.StartAsync("year-end");
        Assert.Equal(new DateTimeOffset(2027, 1, 4, 23, 59, 59, Beijing), (await _engine.SingleTaskAsync(instance.Id, "review")).DueAt);
        Assert.Contains(await _engine.HistoryAsync(instance.Id), h => h.Kind == "TaskCreated" && h.Data!["warnings"] is not null);

        // Made-up 2027 data for the test: New Year's Day Friday 01-01 plus Monday 01-04 off.
        var result = await Calendar.SetYearAsync(2027, Days("2027-01-01", "2027-01-04"), [], "test notice", "国务院办公厅通知（测试数据）", EngineHarness.Admin, CancellationToken.None);

        Assert.Equal(1, result.DeadlinesRecomputed);
        // Days 9 and 10 were Fri 01-01 and Mon 01-04; both are now holidays → Tue 01-05 (9), Wed 01-06 (10).
        Assert.Equal(new DateTimeOffset(2027, 1, 6, 23, 59, 59, Beijing), (await _engine.SingleTaskAsync(instance.Id, "review")).DueAt);
        var entry = Assert.Single(await _engine.HistoryAsync(instance.Id), h => h.Kind == "DeadlineRecomputed");
        Assert.Equal("admin", entry.Actor);
        Assert.True((await _engine.VerifyAsync(instance.Id)).Valid);
        Assert.True(_engine.Services.GetRequiredService<IWorkingDayCalendar>().HasDataFor(2027));
    }

    [Fact]
    public async Task SetYear_KeepsEveryVersion_WithWhoAndWhy()
    {
        await Calendar.SetYearAsync(2027, Days("2027-01-01"), [], null, "首次录入", EngineHarness.Admin, CancellationToken.None);
        await Calendar.SetYearAsync(2027, Days("2027-01-01", "2027-02-05"), Days("2027-02-07"), null, "更正春节安排", EngineHarness.Actor("calendar-admin", "admin"), CancellationToken.None);

        var history = await Calendar.HistoryAsync(2027, CancellationToken.None);

        Assert.Equal([1, 2], history.Select(h => h.Version));
        Assert.Equal(("calendar-admin", "更正春节安排"), (history[1].ChangedBy, history[1].Reason));
        Assert.Equal(Days("2027-01-01"), history[0].Holidays);
        var calendar = _engine.Services.GetRequiredService<IWorkingDayCalendar>();
        Assert.True(calendar.IsWorkingDay(new DateOnly(2027, 2, 7))); // a make-up Sunday
        Assert.False(calendar.IsWorkingDay(new DateOnly(2027, 2, 5)));
    }

    [Fact]
    public async Task SetYear_RefusesInconsistentData_NamingTheDate_AndChangesNothing()
    {
        var error = await Assert.ThrowsAsync<WorkflowValidationException>(() => Calendar.SetYearAsync(
            2027, Days("2027-01-01", "2026-12-31"), Days("2027-01-01"), null, "typo", EngineHarness.Admin, CancellationToken.None));

        Assert.Contains(error.Errors, e => e.Message.Contains("2026-12-31", StringComparison.Ordinal));
        Assert.Empty(await Calendar.HistoryAsync(2027, CancellationToken.None));
        Assert.False(_engine.Services.GetRequiredService<IWorkingDayCalendar>().HasDataFor(2027));
    }
}
