using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Host.Demo;
using Workflows.Host.Tests.Infrastructure;

namespace Workflows.Host.Tests.Demo;

/// <summary>The embedded demo's records on a temporary SQLite file: there after the first start, not doubled by the second.</summary>
public sealed class DemoSeedTests
{
    private sealed class DemoHost(string folder) : HostFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
        [
            new("Database:Provider", "Sqlite"),
            new("ConnectionStrings:Workflows", $"Data Source={Path.Combine(folder, "workflows.db")}"),
            new("Workflows:SeedDemo", "true"),
        ];

        protected override Task CleanUpAsync() => Task.CompletedTask; // the test keeps the file for the second start
    }

    [Fact]
    public async Task DemoSeed_ShowsALivingCounty_AndASecondStartAddsNothing()
    {
        var folder = Path.Combine(Path.GetTempPath(), "fazhi-demo-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var first = await SnapshotAsync(folder);
            Assert.Equal(5, first.Experts.Count);
            Assert.Contains(first.Experts, e => e.GetProperty("conflicts").GetArrayLength() == 1);
            var published = Assert.Single(first.Documents, d => d.GetProperty("title").GetString() == DemoRecords.PublishedTitle);
            Assert.Matches(@"^柳江规〔\d{4}〕1号$", published.GetProperty("number").GetString());
            Assert.Contains(first.Documents, d => d.GetProperty("title").GetString() == DemoRecords.DraftingTitle && d.GetProperty("status").GetString() == "drafting");
            var decision = Assert.Single(first.Decisions);
            Assert.Equal(DemoRecords.DecisionTitle, decision.GetProperty("title").GetString());
            Assert.Equal(2, first.Comments);
            Assert.Contains(first.OpenConsultations, c => c.GetProperty("title").GetString() == DemoRecords.DecisionTitle);

            var second = await SnapshotAsync(folder);
            Assert.Equal(first.Experts.Count, second.Experts.Count);
            Assert.Equal(first.Documents.Count, second.Documents.Count);
            Assert.Equal(first.Decisions.Count, second.Decisions.Count);
            Assert.Equal(first.Comments, second.Comments);
            Assert.Equal(first.Instances, second.Instances);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private sealed record Snapshot(
        List<JsonElement> Experts, List<JsonElement> Documents, List<JsonElement> Decisions, int Comments, List<JsonElement> OpenConsultations, int Instances);

    private static async Task<Snapshot> SnapshotAsync(string folder)
    {
        await using var host = new DemoHost(folder);
        await ((IAsyncLifetime)host).InitializeAsync();
        await host.Services.GetRequiredService<DemoSeedStatus>().Completed.WaitAsync(TimeSpan.FromMinutes(2));
        using var admin = await host.ClientForAsync("admin");
        using var owner = await host.ClientForAsync("owner");
        var experts = (await admin.GetFromJsonAsync<JsonElement>("/api/experts")).EnumerateArray().ToList();
        var documents = (await admin.GetFromJsonAsync<JsonElement>("/api/normative-documents")).EnumerateArray().ToList();
        var decisions = (await admin.GetFromJsonAsync<JsonElement>("/api/decisions")).EnumerateArray().ToList();
        var consultations = await owner.GetFromJsonAsync<JsonElement>($"/api/consultations?instanceId={decisions[0].GetProperty("id").GetGuid()}");
        var comments = consultations.EnumerateArray().Sum(c => c.GetProperty("comments").GetInt32());
        using var visitor = host.CreateClient();
        var open = (await visitor.GetFromJsonAsync<JsonElement>("/api/public/consultations")).EnumerateArray().ToList();
        var instances = (await admin.GetFromJsonAsync<JsonElement>("/api/instances?take=500")).GetArrayLength();
        return new Snapshot(experts, documents, decisions, comments, open, instances);
    }
}
