using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Host.Tests.Infrastructure;

namespace Workflows.Host.Tests.Api;

public sealed class SimulatedClockTests(SimulatedClockHostFactory host) : IClassFixture<SimulatedClockHostFactory>
{
    [Fact]
    public async Task Clock_StartsAtConfiguredTime_AndMovesOnlyForward()
    {
        using var client = await host.ClientForAsync("admin");
        var before = (await client.GetFromJsonAsync<JsonElement>("/api/clock")).GetProperty("now").GetDateTimeOffset();
        Assert.True(before >= SimulatedClockHostFactory.Start);

        // No instance runs here; only the shipped recurring jobs' timers can fall due in the window.
        var due = await PendingTimersDueByAsync(before + TimeSpan.FromHours(26));

        var response = await client.PostAsJsonAsync("/api/clock/advance", new { by = "P1DT2H" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(before + TimeSpan.FromHours(26), body.GetProperty("now").GetDateTimeOffset());
        Assert.Equal(due, body.GetProperty("fired").GetInt32());
        Assert.Equal(0, await PendingTimersDueByAsync(before + TimeSpan.FromHours(26)));

        var backwards = await client.PostAsJsonAsync("/api/clock/advance", new { to = before });
        Assert.Equal(["to"], Problem.Targets(await Problem.AssertAsync(backwards, HttpStatusCode.BadRequest)));
        var after = (await client.GetFromJsonAsync<JsonElement>("/api/clock")).GetProperty("now").GetDateTimeOffset();
        Assert.Equal(before + TimeSpan.FromHours(26), after);
    }

    private async Task<int> PendingTimersDueByAsync(DateTimeOffset instant)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Workflows.Engine.Persistence.WorkflowDbContext>();
        return await db.Timers.CountAsync(t => t.Status == Workflows.Engine.Timers.TimerStatus.Pending && t.DueAt <= instant);
    }

    [Fact]
    public async Task Advance_MovesToAGivenTime()
    {
        using var client = await host.ClientForAsync("admin");
        var target = SimulatedClockHostFactory.Start.AddDays(30);
        var body = await (await client.PostAsJsonAsync("/api/clock/advance", new { to = target })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.GetProperty("now").GetDateTimeOffset() >= target);
    }

    [Theory]
    [InlineData("""{"by": "three days"}""", new[] { "by" })]
    [InlineData("""{"by": "-P1D"}""", new[] { "by" })]
    [InlineData("""{}""", new[] { "to", "by" })]
    [InlineData("""{"to": "2030-01-01T00:00:00Z", "by": "P1D"}""", new[] { "to", "by" })]
    [InlineData("""{"to": "next monday"}""", new[] { "to" })]
    public async Task Advance_Returns400NamingTheField_WhenInputIsBad(string json, string[] targets)
    {
        using var client = await host.ClientForAsync("admin");
        var response = await client.PostAsync("/api/clock/advance", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(targets, Problem.Targets(await Problem.AssertAsync(response, HttpStatusCode.BadRequest)));
    }
}
