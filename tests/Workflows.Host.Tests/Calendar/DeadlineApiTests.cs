using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workflows.Host.Tests.Infrastructure;

namespace Workflows.Host.Tests.Calendar;

/// <summary>
/// <c>GET /api/calendar/deadline</c> through the engine's DeadlineCalculator on the shipped 2025–2026
/// holiday data: the RULES.md "Counting time" worked examples must hold exactly.
/// </summary>
public sealed class DeadlineApiTests(HostFactory host) : IClassFixture<HostFactory>
{
    [Theory]
    // RULES.md: legality review handed in Mon 2026-09-28, 7 working days across National Day and the make-up Saturday 10-10.
    [InlineData("2026-09-28", 7, "workingDays", "2026-10-13", null)]
    // RULES.md: public comment opened 2026-01-20 for 30 days; day 30 (02-19) is in the Spring Festival holiday.
    [InlineData("2026-01-20", 30, "calendarDays", "2026-02-24", "2026-02-19")]
    // The make-up Saturday counts as a working day.
    [InlineData("2026-10-09", 1, "workingDays", "2026-10-10", null)]
    // A period starting inside a holiday: the first working day after it is day 1.
    [InlineData("2026-10-03", 1, "workingDays", "2026-10-08", null)]
    // A calendar-day period ending on a Saturday rolls to Monday; one ending on a working day does not move.
    [InlineData("2026-03-02", 5, "calendarDays", "2026-03-09", "2026-03-07")]
    [InlineData("2026-03-02", 3, "calendarDays", "2026-03-05", null)]
    // Zero days ends on the start day.
    [InlineData("2026-03-02", 0, "workingDays", "2026-03-02", null)]
    public async Task Deadline_FollowsTheStatutoryCalendar(string start, int amount, string unit, string due, string? rolledOverFrom)
    {
        using var client = await host.ClientForAsync("owner");

        var body = await client.GetFromJsonAsync<JsonElement>($"/api/calendar/deadline?start={start}&amount={amount}&unit={unit}");

        Assert.Equal(due, body.GetProperty("due").GetString());
        Assert.Equal(rolledOverFrom, body.GetProperty("rolledOverFrom").GetString());
        Assert.Equal(start, body.GetProperty("start").GetString());
        Assert.Equal(unit, body.GetProperty("unit").GetString());
        Assert.Equal("maximum", body.GetProperty("kind").GetString());
        Assert.True(body.GetProperty("calendarHasData").GetBoolean());
        Assert.Empty(body.GetProperty("warnings").EnumerateArray());
    }

    [Fact]
    public async Task Deadline_ForAMinimumPeriod_SaysTheStepMayNotCloseBeforeTheEndOfTheDay()
    {
        using var client = await host.ClientForAsync("owner");

        var body = await client.GetFromJsonAsync<JsonElement>("/api/calendar/deadline?start=2026-01-20&amount=30&unit=calendarDays&kind=minimum");

        Assert.Equal("2026-02-24", body.GetProperty("due").GetString());
        Assert.Equal("minimum", body.GetProperty("kind").GetString());
        Assert.Contains("may not close before the end of 2026-02-24", body.GetProperty("explanation").GetString());
    }

    [Fact]
    public async Task Deadline_IntoAYearWithoutData_WarnsLoudly()
    {
        using var client = await host.ClientForAsync("owner");

        var body = await client.GetFromJsonAsync<JsonElement>("/api/calendar/deadline?start=2026-12-28&amount=10&unit=workingDays");

        // 12-29, 12-30, 12-31, then weekdays only in 2027 (no notice shipped): New Year's Day counts as a plain Friday (4th), 01-11 is the 10th.
        Assert.Equal("2027-01-11", body.GetProperty("due").GetString());
        Assert.False(body.GetProperty("calendarHasData").GetBoolean());
        var warning = Assert.Single(body.GetProperty("warnings").EnumerateArray());
        Assert.Equal("calendar.no-holiday-data", warning.GetProperty("code").GetString());
        Assert.Equal(2027, warning.GetProperty("year").GetInt32());
        Assert.Contains("2027", warning.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Deadline_Returns400NamingKind_WhenUnknown()
    {
        using var client = await host.ClientForAsync("owner");

        var problem = await Problem.AssertAsync(
            await client.GetAsync("/api/calendar/deadline?start=2026-03-02&amount=5&unit=workingDays&kind=longest"), HttpStatusCode.BadRequest);

        Assert.Equal(["kind"], Problem.Targets(problem));
    }
}
