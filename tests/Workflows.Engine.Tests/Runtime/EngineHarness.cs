using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Workflows.Engine;
using Workflows.Engine.Instances;
using Workflows.Engine.Outbox;
using Workflows.Engine.Persistence;
using Workflows.Engine.PostgreSql;
using Workflows.Engine.Runtime;
using Workflows.Engine.Sqlite;
using Workflows.Engine.Tasks;
using Workflows.Engine.Timers;

namespace Workflows.Engine.Tests.Runtime;

/// <summary>
/// The real engine on a throwaway SQLite file with the simulated clock: what a test drives is
/// exactly what the host runs, minus HTTP and the Quartz/Hangfire executors.
/// </summary>
public sealed class EngineHarness : IAsyncDisposable
{
    /// <summary>Monday 2 March 2026, 09:00 in Beijing: an ordinary working day.</summary>
    public static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    public static readonly WorkflowActor Admin = Actor("admin", "admin");
    public static readonly WorkflowActor Owner = Actor("owner", "owner");
    public static readonly WorkflowActor Reviewer = Actor("reviewer", "reviewer");

    private readonly string _folder;
    private readonly ServiceProvider _services;

    private EngineHarness(string folder, ServiceProvider services)
    {
        _folder = folder;
        _services = services;
    }

    public IServiceProvider Services => _services;
    public IWorkflowRuntime Runtime => _services.GetRequiredService<IWorkflowRuntime>();
    public SimulatedClock Clock => (SimulatedClock)_services.GetRequiredService<TimeProvider>();
    public string DatabaseFile => Path.Combine(_folder, "engine.db");

    public static WorkflowActor Actor(string user, params string[] roles) => new(user, new HashSet<string>(roles), null);

    public static async Task<EngineHarness> StartAsync(Action<WorkflowEngineBuilder>? configure = null, TestDatabase? database = null, DateTimeOffset? start = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "fazhi-engine-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var services = new ServiceCollection();
        services.AddLogging();
        var configuration = new ConfigurationBuilder().Build();
        services.AddSingleton<IConfiguration>(configuration);
        var builder = services.AddWorkflowEngine(configuration);
        if (database is null)
        {
            builder.UseSqlite($"Data Source={Path.Combine(folder, "engine.db")}");
        }
        else
        {
            builder.UsePostgreSql(database.ConnectionString);
        }
        builder.UseSimulatedClock(start ?? Monday);
        configure?.Invoke(builder);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        foreach (var hosted in provider.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }
        return new EngineHarness(folder, provider);
    }

    public async Task<string> DeployAsync(string xml)
    {
        var result = await Runtime.SaveDefinitionAsync(xml, publish: true, Admin);
        return result.Definition.Key;
    }

    public Task<WorkflowInstance> StartAsync(string key, JsonObject? variables = null, string? businessKey = null) =>
        Runtime.StartAsync(new StartInstance(key, businessKey, variables), Owner);

    public async Task<InstanceView> InstanceAsync(Guid id)
    {
        await using var scope = _services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IWorkflowQueries>().GetInstanceAsync(id))!;
    }

    public async Task<IReadOnlyList<TaskView>> TasksAsync(Guid instanceId, UserTaskStatus? status = null)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IWorkflowQueries>()
            .ListTasksAsync(new TaskFilter(instanceId, false, status), Admin);
    }

    public async Task<TaskView> SingleTaskAsync(Guid instanceId, string activityId)
    {
        var tasks = (await TasksAsync(instanceId)).Where(t => t.ActivityId == activityId && t.Kind == HumanTaskKind.Step).ToList();
        Assert.True(tasks.Count == 1, $"expected one open task at {activityId}, found {tasks.Count}");
        return tasks[0];
    }

    public Task CompleteAsync(TaskView task, WorkflowActor actor, string? outcome = null, JsonObject? variables = null) =>
        Runtime.CompleteTaskAsync(task.Id, new TaskCompletion(outcome, variables), actor);

    public async Task<IReadOnlyList<HistoryEntryView>> HistoryAsync(Guid instanceId)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IWorkflowQueries>().GetHistoryAsync(instanceId);
    }

    public async Task<JournalVerification> VerifyAsync(Guid instanceId)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IWorkflowQueries>().VerifyJournalAsync(instanceId);
    }

    /// <summary>Moves the simulated clock, firing every timer that falls due on the way.</summary>
    public Task<int> AdvanceAsync(TimeSpan by) =>
        _services.GetRequiredService<DueTimerRunner>().AdvanceAsync(Clock.GetUtcNow() + by, CancellationToken.None);

    /// <summary>Runs outbox messages the way the background executor would, until none is left.</summary>
    public async Task<int> DrainOutboxAsync()
    {
        var processor = _services.GetRequiredService<IOutboxProcessor>();
        var total = 0;
        while (true)
        {
            var pending = await processor.ListPendingAsync(DateTimeOffset.MaxValue, 100, CancellationToken.None);
            if (pending.Count == 0)
            {
                return total;
            }
            foreach (var id in pending)
            {
                await processor.ProcessAsync(id, CancellationToken.None);
                total++;
            }
        }
    }

    public async Task<T> QueryAsync<T>(Func<WorkflowDbContext, Task<T>> query)
    {
        await using var scope = _services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<WorkflowDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // best effort: a temp folder left behind harms nothing
        }
    }
}
