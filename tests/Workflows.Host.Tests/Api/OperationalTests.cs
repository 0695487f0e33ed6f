using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workflows.Host.Tests.Infrastructure;

namespace Workflows.Host.Tests.Api;

public sealed class OperationalTests(HostFactory host) : IClassFixture<HostFactory>
{
    [Fact]
    public async Task Health_Returns200Healthy_WithDatabaseChecks()
    {
        using var client = host.CreateClient();
        var response = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OpenApi_DescribesTheApi_WithoutToken()
    {
        using var client = host.CreateClient();
        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/auth/token", "/api/definitions", "/api/instances", "/api/instances/{id}/history", "/api/tasks", "/api/tasks/{id}/complete", "/api/messages", "/api/calendar/deadline", "/api/clock/advance" })
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

    [Fact]
    public async Task Calendar_AddsCalendarDays_Plainly()
    {
        using var client = await host.ClientForAsync("owner");
        var body = await client.GetFromJsonAsync<JsonElement>("/api/calendar/deadline?start=2026-09-28&amount=7&unit=calendarDays");
        Assert.Equal("2026-10-05", body.GetProperty("due").GetString());
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
