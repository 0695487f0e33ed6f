using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Benchmarks.Reporting;
using Workflows.Engine.Persistence;
using Workflows.Engine.Runtime;
using Workflows.Engine.Timers;

namespace Workflows.Benchmarks.Infrastructure;

/// <summary>
/// Creates open legality-review tasks, each with a due date and three pending ladder timers. The
/// rows are written by <c>IWorkflowRuntime.StartAsync</c> exactly as in production, or copied from
/// rows it wrote.
/// </summary>
public static class TaskSeeder
{
    public static readonly WorkflowActor Owner = new("owner", new HashSet<string> { "owner" }, "dev-reform");

    public static readonly WorkflowActor Admin = new("admin", new HashSet<string> { "admin" }, null);

    /// <summary>Tasks started through the engine; the rest are copies of them (see <see cref="RowCloner"/>).</summary>
    public const int Templates = 1000;

    /// <summary>
    /// Seeds <paramref name="tasks"/> open tasks into <paramref name="db"/> on a host of its own: up to
    /// <see cref="Templates"/> through the engine, copied in the database as often as needed, the
    /// remainder through the engine again. Quartz is wired so that its schema exists, but timers are
    /// not handed to it: the first restart that follows starts from an empty Quartz store.
    /// </summary>
    public static async Task SeedDatabaseAsync(BenchmarkDatabase db, int tasks, BenchmarkReport? report)
    {
        var parallelism = db.Kind == StoreKind.Sqlite ? 2 : 4;
        await using var host = EngineHost.Build(db, new EngineHostSettings
        {
            Configure = services => services.AddSingleton<ITimerScheduler, NoScheduling>(),
        });
        await host.StartAsync();
        var runtime = host.Services.GetRequiredService<IWorkflowRuntime>();
        await runtime.SaveDefinitionAsync(Procedures.LegalityReviewXml, publish: true, Admin);

        var templates = Math.Min(tasks, Templates);
        var copies = tasks / templates - 1;
        var remainder = tasks - templates * (copies + 1);
        var engineTime = await SeedAsync(host.Services, 0, templates, parallelism);
        var cloning = Stopwatch.StartNew();
        await RowCloner.CloneAsync(host.Services, db, await TemplateIdsAsync(host.Services), copies);
        cloning.Stop();
        engineTime += await SeedAsync(host.Services, templates, remainder, parallelism);
        await host.StopAsync();
        var started = templates + remainder;
        report?.Note($"seeded {tasks:N0} tasks: {started:N0} started through IWorkflowRuntime.StartAsync ({started / engineTime.TotalSeconds:N0} starts/s, " +
            $"{parallelism} concurrent), {tasks - started:N0} copied from them in the database in {cloning.Elapsed.TotalSeconds:F1} s");
    }

    private static async Task<List<Guid>> TemplateIdsAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>().CreateDbContextAsync();
        return await db.Instances.AsNoTracking().Where(i => i.DefinitionKey == Procedures.LegalityReview).Select(i => i.Id).ToListAsync();
    }

    /// <summary>Starts instances number <paramref name="first"/> to <paramref name="first"/> + <paramref name="count"/> − 1; returns the wall time it took.</summary>
    private static async Task<TimeSpan> SeedAsync(IServiceProvider services, int first, int count, int parallelism)
    {
        var runtime = services.GetRequiredService<IWorkflowRuntime>();
        var today = DateOnly.FromDateTime(services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        var started = Stopwatch.StartNew();
        var next = first - 1;
        var workers = Enumerable.Range(0, parallelism).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < first + count)
            {
                // Due 10 to 40 days out: every rung (3 working days before at the earliest) is in the future,
                // and the due dates, hence the rungs, spread over a month of working days.
                var due = today.AddDays(10 + (i % 31));
                var variables = new JsonObject { ["dueDate"] = due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };
                await runtime.StartAsync(new StartInstance(Procedures.LegalityReview, $"bench-{i}", variables), Owner);
            }
        }).ToList();
        await Task.WhenAll(workers);
        return started.Elapsed;
    }

    private sealed class NoScheduling : ITimerScheduler
    {
        public Task ScheduleAsync(IReadOnlyCollection<WorkflowTimer> timers, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task UnscheduleAsync(IReadOnlyCollection<Guid> timerIds, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
