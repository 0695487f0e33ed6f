using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workflows.Host.Tests.Infrastructure;

namespace Workflows.Host.Tests.Tasks;

/// <summary>
/// A public comment period of "不少于30日" opened on 20 January 2026 (the RULES.md example): it runs
/// to the end of 24 February, past the Spring Festival. Closing it earlier needs a recorded reason.
/// </summary>
public sealed class MinimumPeriodTests(CommentPeriodHostFactory host) : IClassFixture<CommentPeriodHostFactory>
{
    private const string Key = "public-comment";
    private static readonly TimeSpan Beijing = ClockedHostFactory.Beijing;

    [Fact]
    public async Task Completion_IsRefusedBeforeTheMinimumEnds_UnlessShortenedWithAReason()
    {
        await HostApi.PublishAsync(host, HostApi.SingleTask(Key, """name="公开征求意见" fz:candidateGroups="owner" fz:minimum="30D" """));
        var shortened = await HostApi.StartAsync(host, Key, businessKey: "县发改〔2026〕2号");
        var waited = await HostApi.StartAsync(host, Key, businessKey: "县发改〔2026〕3号");
        using var owner = await host.ClientForAsync("owner");
        var shortenedTask = await HostApi.OpenTaskAsync(host, shortened);
        var waitedTask = await HostApi.OpenTaskAsync(host, waited);
        // The step may close once 24 February is over.
        Assert.Equal(new DateTimeOffset(2026, 2, 25, 0, 0, 0, Beijing), HostApi.InBeijing(shortenedTask.GetProperty("earliestCompletion")));

        // Day 29 (18 February): refused, naming shortenReason and the day the period runs out.
        await HostApi.AdvanceAsync(host, new DateTimeOffset(2026, 2, 18, 10, 0, 0, Beijing));
        var refused = await Problem.AssertAsync(await CompleteAsync(owner, shortenedTask, new { outcome = "closed" }), HttpStatusCode.BadRequest);
        Assert.Equal(["shortenReason"], Problem.Targets(refused));
        Assert.Contains("2026-02-24", refused.GetProperty("detail").GetString());

        var allowed = await CompleteAsync(owner, shortenedTask, new { outcome = "closed", shortenReason = "情况紧急，经分管负责人批准缩短征求意见期限" });
        Assert.True(allowed.StatusCode == HttpStatusCode.OK, await allowed.Content.ReadAsStringAsync());
        Assert.Equal("Completed", (await allowed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        var entry = Assert.Single(await HostApi.HistoryAsync(owner, shortened), e => e.GetProperty("kind").GetString() == "MinimumPeriodShortened");
        Assert.Equal("情况紧急，经分管负责人批准缩短征求意见期限", entry.GetProperty("data").GetProperty("reason").GetString());
        Assert.Equal("2026-02-24", entry.GetProperty("data").GetProperty("until").GetString());
        Assert.Equal("owner", entry.GetProperty("actor").GetString());

        // The last day itself still belongs to the period.
        await HostApi.AdvanceAsync(host, new DateTimeOffset(2026, 2, 24, 20, 0, 0, Beijing));
        await Problem.AssertAsync(await CompleteAsync(owner, waitedTask, new { outcome = "closed" }), HttpStatusCode.BadRequest);

        await HostApi.AdvanceAsync(host, new DateTimeOffset(2026, 2, 25, 9, 0, 0, Beijing));
        var onTime = await CompleteAsync(owner, waitedTask, new { outcome = "closed" });
        Assert.True(onTime.StatusCode == HttpStatusCode.OK, await onTime.Content.ReadAsStringAsync());
        Assert.DoesNotContain(await HostApi.HistoryAsync(owner, waited), e => e.GetProperty("kind").GetString() == "MinimumPeriodShortened");
    }

    private static Task<HttpResponseMessage> CompleteAsync(HttpClient client, JsonElement task, object body) =>
        client.PostAsJsonAsync($"/api/tasks/{task.GetProperty("id").GetGuid()}/complete", body);
}
