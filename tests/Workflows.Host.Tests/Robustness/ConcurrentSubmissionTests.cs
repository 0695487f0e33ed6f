using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workflows.Host.Tests.Api;
using Workflows.Host.Tests.Infrastructure;

namespace Workflows.Host.Tests.Robustness;

/// <summary>
/// Double submissions over real HTTP: two clients completing one task at the same moment (one 200,
/// one 409, one journal entry), and the two branches of a parallel join completed at the same moment
/// by two people (the join fires once, the next task exists once).
/// </summary>
public sealed class ConcurrentSubmissionTests(KestrelHostFactory host) : IClassFixture<KestrelHostFactory>
{
    private const int Rounds = 8;

    [Fact]
    public async Task CompleteTask_AnswersOne200AndOne409_WhenTwoClientsCompleteItAtOnce()
    {
        using var admin = await host.ClientForAsync("admin");
        using var owner = await host.ClientForAsync("owner");
        using var first = await host.ClientForAsync("reviewer");
        using var second = host.CreateClient();
        second.DefaultRequestHeaders.Authorization = first.DefaultRequestHeaders.Authorization;
        await RobustnessProcedures.PublishAsync(admin, RobustnessProcedures.ReviewXml);

        for (var round = 0; round < Rounds; round++)
        {
            var instanceId = await RobustnessProcedures.StartAsync(owner, RobustnessProcedures.Review);
            var taskId = await RobustnessProcedures.OpenTaskAsync(admin, instanceId, "review");

            var answers = await AtOnceAsync(
                () => first.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { outcome = "approve", comment = "甲" }),
                () => second.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { outcome = "reject", comment = "乙" }));

            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
            await Problem.AssertAsync(answers.Single(a => a.StatusCode == HttpStatusCode.Conflict), HttpStatusCode.Conflict);
            var winner = await answers.Single(a => a.StatusCode == HttpStatusCode.OK).Content.ReadFromJsonAsync<JsonElement>();
            var history = await RobustnessProcedures.HistoryAsync(admin, instanceId);
            var completed = Assert.Single(history, h => h.GetProperty("kind").GetString() == "TaskCompleted");
            Assert.Equal(winner.GetProperty("outcome").GetString(), completed.GetProperty("data").GetProperty("outcome").GetString());
            Assert.Single(history, h => h.GetProperty("kind").GetString() == "InstanceCompleted");
            Assert.True((await admin.GetFromJsonAsync<JsonElement>($"/api/instances/{instanceId}/history/verify")).GetProperty("valid").GetBoolean());
        }
    }

    /// <summary>
    /// The decision body's start decision sent twice at once (a double click, two leaders): one is
    /// recorded, the other answers 409, and the register holds one start record.
    /// </summary>
    [Fact]
    public async Task RecordDecisionStep_AnswersOne200AndOne409_WhenTheSameStepIsSentTwiceAtOnce()
    {
        using var owner = await host.ClientForAsync("owner");
        using var first = await host.ClientForAsync("leader");
        using var second = host.CreateClient();
        second.DefaultRequestHeaders.Authorization = first.DefaultRequestHeaders.Authorization;

        for (var round = 0; round < Rounds / 2; round++)
        {
            var proposed = await owner.PostAsJsonAsync("/api/decisions", MajorDecisions.DecisionDriver.Proposal($"关于调整城区公交线路的决策（{round}）"));
            Assert.True(proposed.StatusCode == HttpStatusCode.Created, await proposed.Content.ReadAsStringAsync());
            var id = (await proposed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("decision").GetProperty("id").GetGuid();
            var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime);
            var start = MajorDecisions.DecisionDriver.StartDecision(today, MajorDecisions.DecisionDriver.NoneApply());

            var answers = await AtOnceAsync(
                () => first.PostAsJsonAsync($"/api/decisions/{id}/start-decision", start),
                () => second.PostAsJsonAsync($"/api/decisions/{id}/start-decision", start));

            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
            await Problem.AssertAsync(answers.Single(a => a.StatusCode == HttpStatusCode.Conflict), HttpStatusCode.Conflict);
            var detail = await owner.GetFromJsonAsync<JsonElement>($"/api/decisions/{id}");
            Assert.Single(detail.GetProperty("records").EnumerateArray(), r => r.GetProperty("kind").GetString() == "proposal");
            Assert.Equal(["drafting"], detail.GetProperty("openSteps").EnumerateArray().Select(s => s.GetProperty("activityId").GetString()));
        }
    }

    [Fact]
    public async Task ParallelJoin_FiresOnce_WhenBothBranchesCompleteAtOnce()
    {
        using var admin = await host.ClientForAsync("admin");
        using var owner = await host.ClientForAsync("owner");
        using var legal = await host.ClientForAsync("legal");
        using var reviewer = await host.ClientForAsync("reviewer");
        await RobustnessProcedures.PublishAsync(admin, RobustnessProcedures.CountersignXml);

        for (var round = 0; round < Rounds; round++)
        {
            var instanceId = await RobustnessProcedures.StartAsync(owner, RobustnessProcedures.Countersign);
            var legalTask = await RobustnessProcedures.OpenTaskAsync(admin, instanceId, "legalOpinion");
            var reviewTask = await RobustnessProcedures.OpenTaskAsync(admin, instanceId, "review");

            var answers = await AtOnceAsync(
                () => legal.PostAsJsonAsync($"/api/tasks/{legalTask}/complete", new { outcome = "approve" }),
                () => reviewer.PostAsJsonAsync($"/api/tasks/{reviewTask}/complete", new { outcome = "approve" }));

            Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
            var history = await RobustnessProcedures.HistoryAsync(admin, instanceId);
            Assert.Single(history, h => h.GetProperty("kind").GetString() == "GatewayJoined" && h.GetProperty("activityId").GetString() == "join");
            Assert.Single(history, h => h.GetProperty("kind").GetString() == "TaskCreated" && h.GetProperty("activityId").GetString() == "decide");
            var instance = await admin.GetFromJsonAsync<JsonElement>($"/api/instances/{instanceId}");
            Assert.Equal(["decide"], instance.GetProperty("activeActivityIds").EnumerateArray().Select(a => a.GetString()));
            await RobustnessProcedures.OpenTaskAsync(admin, instanceId, "decide");
        }
    }

    /// <summary>Releases both requests together, so that they meet inside the host.</summary>
    private static async Task<HttpResponseMessage[]> AtOnceAsync(params Func<Task<HttpResponseMessage>>[] requests)
    {
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sent = requests.Select(request => Task.Run(async () =>
        {
            await go.Task;
            return await request();
        })).ToList();
        go.SetResult();
        return await Task.WhenAll(sent);
    }
}
