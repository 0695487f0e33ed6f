using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Workflows.Engine.Outbox;
using Workflows.Engine.Persistence;
using Workflows.Engine.Runtime.Execution;
using Workflows.Host.Tests.Infrastructure;

namespace Workflows.Host.Tests.Durability;

/// <summary>
/// The narrowest moment of the kill test, made certain: the host dies while a background worker is
/// inside an outbox handler, after it claimed the message and before it marked it processed. The
/// kill test reaches this moment only by luck.
/// </summary>
[Collection(HostProcessCollection.Name)]
public sealed class OutboxClaimRecoveryTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "fazhi-claim-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Restart_ResumesTheParentAtOnce_WhenTheHostDiedHoldingTheOutboxClaim()
    {
        Directory.CreateDirectory(_folder);
        var database = Path.Combine(_folder, "workflows.db");
        var (parentId, messageId) = await LeaveAClaimedResumeMessageAsync(database);

        using var host = new HostProcess(database);
        await host.StartAsync(TimeSpan.FromSeconds(60));
        using var api = new KillTestClient(host.BaseAddress);
        await api.SignInAsync(["admin"]);

        // Far below the claim's five minutes: only a released claim lets the parent move this soon.
        var deadline = TimeProvider.System.GetUtcNow() + TimeSpan.FromSeconds(30);
        InstanceRow parent;
        while ((parent = await SystemSnapshot.InstanceAsync(api, parentId)).Active.Contains("consult"))
        {
            Assert.True(TimeProvider.System.GetUtcNow() < deadline,
                $"The parent still waits on its completed child 30 s after the restart; outbox message {messageId} stays claimed by the dead process.{Environment.NewLine}{host.RecentOutput}");
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
        var (journal, chainProblem) = await SystemSnapshot.JournalAsync(api, parentId);
        Assert.Null(chainProblem);
        Assert.Single(journal, e => e.Kind == "CalledInstanceCompleted");
    }

    /// <summary>
    /// Runs a parent to the point where its called instance has completed and the resume message is
    /// committed, on a host whose background executor never gets the message; then writes the claim
    /// a worker makes before it calls the handler, and stops that host.
    /// </summary>
    private static async Task<(Guid ParentId, Guid MessageId)> LeaveAClaimedResumeMessageAsync(string database)
    {
        var first = new UndispatchedHostFactory(database);
        await first.InitializeAsync();
        try
        {
            using var admin = await first.ClientForAsync("admin");
            using var owner = await first.ClientForAsync("owner");
            using var expert = await first.ClientForAsync("expert");
            foreach (var xml in new[] { KillTestProcedures.Child, KillTestProcedures.Parent })
            {
                var published = await admin.PostAsync("/api/definitions?publish=true", new StringContent(xml, Encoding.UTF8, "application/xml"));
                Assert.Equal(HttpStatusCode.Created, published.StatusCode);
            }
            var started = await owner.PostAsJsonAsync("/api/instances", new { definitionKey = KillTestProcedures.ParentKey, variables = new { signers = KillTestProcedures.Signers } });
            var parentId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            await CompleteOnlyTaskAsync(owner, $"/api/tasks?mine=true&instanceId={parentId}", "draft");
            await CompleteOnlyTaskAsync(expert, "/api/tasks?mine=true", KillTestProcedures.ChildTask);

            var factory = first.Services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>();
            await using var db = await factory.CreateDbContextAsync();
            var message = await db.Outbox.SingleAsync(m => m.Type == EngineMessageTypes.ResumeParent && m.ProcessedAt == null);
            var claimedUntil = TimeProvider.System.GetUtcNow() + TimeSpan.FromMinutes(5);
            await db.Outbox.Where(m => m.Id == message.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, claimedUntil).SetProperty(m => m.Attempts, 1));
            var parent = await admin.GetFromJsonAsync<JsonElement>($"/api/instances/{parentId}");
            Assert.Contains("consult", parent.GetProperty("activeActivityIds").EnumerateArray().Select(a => a.GetString()));
            return (parentId, message.Id);
        }
        finally
        {
            await ((IAsyncLifetime)first).DisposeAsync();
        }
    }

    private static async Task CompleteOnlyTaskAsync(HttpClient client, string inbox, string activityId)
    {
        var tasks = await client.GetFromJsonAsync<JsonElement>(inbox);
        var task = Assert.Single(tasks.EnumerateArray(), t => t.GetProperty("activityId").GetString() == activityId);
        var completed = await client.PostAsJsonAsync($"/api/tasks/{task.GetProperty("id").GetGuid()}/complete", new { outcome = "approve" });
        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>The host on a given SQLite file, with a background executor that never receives a message.</summary>
    private sealed class UndispatchedHostFactory(string database) : HostFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
        [
            .. base.Settings().Where(s => s.Key != "ConnectionStrings:Workflows"),
            new("ConnectionStrings:Workflows", $"Data Source={database}"),
        ];

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<IBackgroundDispatcher>();
                services.AddSingleton<IBackgroundDispatcher, DroppingDispatcher>();
            });
        }
    }

    private sealed class DroppingDispatcher : IBackgroundDispatcher
    {
        public void Dispatch(IReadOnlyCollection<Guid> outboxMessageIds)
        {
        }
    }
}
