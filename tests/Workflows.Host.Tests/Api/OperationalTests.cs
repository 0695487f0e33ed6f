using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workflows.Host.Tests.Infrastructure;

namespace Workflows.Host.Tests.Api;

public sealed class OperationalTests(HostFactory host) : IClassFixture<HostFactory>
{
    /// <summary>
    /// The body became JSON listing each check when the calendar check arrived. This host runs on the
    /// real clock, so the calendar entry is Healthy or, from November while next year has no data,
    /// Degraded — 200 either way; CalendarHealthTests pins both on the simulated clock.
    /// </summary>
    [Fact]
    public async Task Health_Returns200_WithEachCheckListed()
    {
        using var client = host.CreateClient();
        var response = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var entries = body.GetProperty("entries");
        Assert.Equal("Healthy", entries.GetProperty("accounts-database").GetProperty("status").GetString());
        Assert.Equal("Healthy", entries.GetProperty("engine-database").GetProperty("status").GetString());
        Assert.Contains(entries.GetProperty("calendar").GetProperty("status").GetString(), new[] { "Healthy", "Degraded" });
        Assert.Contains(body.GetProperty("status").GetString(), new[] { "Healthy", "Degraded" });
    }

    [Fact]
    public async Task OpenApi_DescribesTheApi_WithoutToken()
    {
        using var client = host.CreateClient();
        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/auth/token", "/api/definitions", "/api/instances", "/api/instances/{id}/history", "/api/tasks", "/api/tasks/{id}/complete", "/api/messages", "/api/calendar/deadline", "/api/clock/advance",
            "/api/tasks/{id}", "/api/tasks/{id}/clock/pause", "/api/tasks/{id}/clock/resume", "/api/tasks/{id}/clock-stops",
            "/api/calendar/years", "/api/calendar/years/{year}", "/api/calendar/years/{year}/history",
            "/api/instances/{id}/documents", "/api/documents/{id}", "/api/documents/{id}/content" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is missing from the OpenAPI document");
        }
        var bearer = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("bearer", bearer.GetProperty("scheme").GetString());
    }

    [Fact]
    public async Task Clock_Returns404Problem_WhenNotSimulated()
    {
        using var client = await host.ClientForAsync("admin");
        await Problem.AssertAsync(await client.GetAsync("/api/clock"), HttpStatusCode.NotFound);
        await Problem.AssertAsync(await client.PostAsJsonAsync("/api/clock/advance", new { by = "P1D" }), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Calendar_Returns400NamingEachParameter_WhenMissingOrInvalid()
    {
        using var client = await host.ClientForAsync("owner");
        var missing = await Problem.AssertAsync(await client.GetAsync("/api/calendar/deadline"), HttpStatusCode.BadRequest);
        Assert.Equal(["start", "amount", "unit"], Problem.Targets(missing));

        var invalid = await Problem.AssertAsync(
            await client.GetAsync("/api/calendar/deadline?start=2026-02-30&amount=-3&unit=weeks"), HttpStatusCode.BadRequest);
        Assert.Equal(["start", "amount", "unit"], Problem.Targets(invalid));
    }

    /// <summary>
    /// Calendar days now roll over (RULES.md "Counting time", Civil Code art. 203): the 7th day,
    /// 5 October, lies in the National Day holiday, so the period ends on 8 October. This test
    /// asserted plain addition (2026-10-05) before the deadline endpoint went through DeadlineCalculator.
    /// </summary>
    [Fact]
    public async Task Calendar_RollsCalendarDaysPastAHoliday()
    {
        using var client = await host.ClientForAsync("owner");
        var body = await client.GetFromJsonAsync<JsonElement>("/api/calendar/deadline?start=2026-09-28&amount=7&unit=calendarDays");
        Assert.Equal("2026-10-08", body.GetProperty("due").GetString());
        Assert.Equal("2026-10-05", body.GetProperty("rolledOverFrom").GetString());
        Assert.Equal("calendarDays", body.GetProperty("unit").GetString());
    }

    /// <summary>Waits on the calendar branch: the built-in statutory calendar (the 2026 National Day holiday runs 1–7 October).</summary>
    [Fact]
    public async Task Calendar_SkipsHolidays_ForWorkingDays()
    {
        using var client = await host.ClientForAsync("owner");
        var response = await client.GetAsync("/api/calendar/deadline?start=2026-09-30&amount=1&unit=workingDays");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("2026-10-08", body.GetProperty("due").GetString());
    }
}
