using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workflows.Host.Tests.Infrastructure;

namespace Workflows.Host.Tests.Tasks;

/// <summary>
/// The README's legality review (5 working days from Monday 2 March 2026, due at the end of 9 March),
/// with its clock stopped for two working days while the lead unit supplements materials.
/// </summary>
public sealed class TaskClockApiTests(SimulatedClockHostFactory host) : IClassFixture<SimulatedClockHostFactory>
{
    private static readonly TimeSpan Beijing = ClockedHostFactory.Beijing;

    [Fact]
    public async Task PauseAndResume_MoveTheDueDateByThePausedWorkingDays_AndEverythingIsRecorded()
    {
        await HostApi.PublishAsync(host, Samples.HelloReview);
        var instanceId = await HostApi.StartAsync(host, "hello-review");
        using var reviewer = await host.ClientForAsync("reviewer");
        using var supervisor = await host.ClientForAsync("supervisor");
        using var owner = await host.ClientForAsync("owner");
        var taskId = (await HostApi.OpenTaskAsync(host, instanceId)).GetProperty("id").GetGuid();
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 23, 59, 59, Beijing), HostApi.InBeijing((await TaskAsync(owner, taskId)).GetProperty("dueAt")));

        await HostApi.AdvanceAsync(host, new DateTimeOffset(2026, 3, 3, 10, 0, 0, Beijing));
        var paused = await reviewer.PostAsJsonAsync($"/api/tasks/{taskId}/clock/pause", new { reason = "补充材料：请承办单位补充法律依据清单" });
        Assert.True(paused.StatusCode == HttpStatusCode.OK, await paused.Content.ReadAsStringAsync());
        Assert.True((await paused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("clockStopped").GetBoolean());
        await Problem.AssertAsync(await reviewer.PostAsJsonAsync($"/api/tasks/{taskId}/clock/pause", new { reason = "再次中止" }), HttpStatusCode.Conflict);

        // Wednesday 3 and Thursday 4 March stand still; counting resumes on Thursday 5 March.
        await HostApi.AdvanceAsync(host, new DateTimeOffset(2026, 3, 5, 10, 0, 0, Beijing));
        var resumed = await supervisor.PostAsync($"/api/tasks/{taskId}/clock/resume", null);
        Assert.True(resumed.StatusCode == HttpStatusCode.OK, await resumed.Content.ReadAsStringAsync());
        var task = await resumed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(task.GetProperty("clockStopped").GetBoolean());
        Assert.Equal(new DateTimeOffset(2026, 3, 11, 23, 59, 59, Beijing), HostApi.InBeijing(task.GetProperty("dueAt")));
        await Problem.AssertAsync(await supervisor.PostAsync($"/api/tasks/{taskId}/clock/resume", null), HttpStatusCode.Conflict);

        var stop = Assert.Single((await owner.GetFromJsonAsync<JsonElement>($"/api/tasks/{taskId}/clock-stops")).EnumerateArray());
        Assert.Equal("reviewer", stop.GetProperty("pausedBy").GetString());
        Assert.Equal("补充材料：请承办单位补充法律依据清单", stop.GetProperty("reason").GetString());
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 10, 0, 0, Beijing), stop.GetProperty("pausedAt").GetDateTimeOffset());
        Assert.Equal("supervisor", stop.GetProperty("resumedBy").GetString());
        Assert.Equal(new DateTimeOffset(2026, 3, 5, 10, 0, 0, Beijing), stop.GetProperty("resumedAt").GetDateTimeOffset());

        var history = await HostApi.HistoryAsync(owner, instanceId);
        var pausedEntry = Assert.Single(history, e => e.GetProperty("kind").GetString() == "ClockPaused");
        Assert.Equal("reviewer", pausedEntry.GetProperty("actor").GetString());
        Assert.Equal("补充材料：请承办单位补充法律依据清单", pausedEntry.GetProperty("data").GetProperty("reason").GetString());
        var resumedEntry = Assert.Single(history, e => e.GetProperty("kind").GetString() == "ClockResumed");
        Assert.Equal("supervisor", resumedEntry.GetProperty("actor").GetString());
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 23, 59, 59, Beijing), HostApi.InBeijing(resumedEntry.GetProperty("data").GetProperty("previousDueAt")));
        Assert.Equal(new DateTimeOffset(2026, 3, 11, 23, 59, 59, Beijing), HostApi.InBeijing(resumedEntry.GetProperty("data").GetProperty("dueAt")));
    }

    [Fact]
    public async Task Pause_IsRefused_WithoutAReason_ByOthers_AndForUnknownTasks()
    {
        await HostApi.PublishAsync(host, Samples.HelloReview);
        var instanceId = await HostApi.StartAsync(host, "hello-review");
        var taskId = (await HostApi.OpenTaskAsync(host, instanceId)).GetProperty("id").GetGuid();
        using var reviewer = await host.ClientForAsync("reviewer");
        using var owner = await host.ClientForAsync("owner");

        var noReason = await Problem.AssertAsync(await reviewer.PostAsJsonAsync($"/api/tasks/{taskId}/clock/pause", new { reason = "  " }), HttpStatusCode.BadRequest);
        Assert.Equal(["reason"], Problem.Targets(noReason));
        Assert.Equal(["reason"], Problem.Targets(await Problem.AssertAsync(await reviewer.PostAsync($"/api/tasks/{taskId}/clock/pause", null), HttpStatusCode.BadRequest)));
        // The owner started the instance and may read the task, but does not handle it.
        await Problem.AssertAsync(await owner.PostAsJsonAsync($"/api/tasks/{taskId}/clock/pause", new { reason = "我想暂停" }), HttpStatusCode.Forbidden);
        await Problem.AssertAsync(await reviewer.PostAsJsonAsync($"/api/tasks/{Guid.NewGuid()}/clock/pause", new { reason = "补充材料" }), HttpStatusCode.NotFound);
        await Problem.AssertAsync(await reviewer.PostAsync($"/api/tasks/{Guid.NewGuid()}/clock/resume", null), HttpStatusCode.NotFound);
        Assert.False((await TaskAsync(owner, taskId)).GetProperty("clockStopped").GetBoolean());
        Assert.Empty((await owner.GetFromJsonAsync<JsonElement>($"/api/tasks/{taskId}/clock-stops")).EnumerateArray());
    }

    [Fact]
    public async Task GetTask_FollowsTheListsVisibility()
    {
        await HostApi.PublishAsync(host, Samples.HelloReview);
        var instanceId = await HostApi.StartAsync(host, "hello-review");
        var taskId = (await HostApi.OpenTaskAsync(host, instanceId)).GetProperty("id").GetGuid();

        foreach (var visibleTo in new[] { "reviewer", "owner", "admin" })
        {
            using var client = await host.ClientForAsync(visibleTo);
            var task = await TaskAsync(client, taskId);
            Assert.Equal("Step", task.GetProperty("kind").GetString());
            Assert.Equal(JsonValueKind.Null, task.GetProperty("parentTaskId").ValueKind);
            Assert.Equal(JsonValueKind.Null, task.GetProperty("earliestCompletion").ValueKind);
        }
        using var expert = await host.ClientForAsync("expert");
        await Problem.AssertAsync(await expert.GetAsync($"/api/tasks/{taskId}"), HttpStatusCode.NotFound);
        await Problem.AssertAsync(await expert.GetAsync($"/api/tasks/{taskId}/clock-stops"), HttpStatusCode.NotFound);
        await Problem.AssertAsync(await expert.GetAsync($"/api/tasks/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
    }

    private static async Task<JsonElement> TaskAsync(HttpClient client, Guid taskId)
    {
        var response = await client.GetAsync($"/api/tasks/{taskId}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
