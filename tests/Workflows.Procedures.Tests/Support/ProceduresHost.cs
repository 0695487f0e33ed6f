using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Workflows.Activities.Notifications;
using Workflows.Activities.Notifications.Email;
using Workflows.Activities.Notifications.Inbox;
using Workflows.Activities.Notifications.Persistence;
using Workflows.Activities.Notifications.Recipients;
using Workflows.Engine;
using Workflows.Engine.Outbox;
using Workflows.Engine.Persistence;
using Workflows.Engine.PostgreSql;
using Workflows.Engine.Runtime;
using Workflows.Engine.Sqlite;
using Workflows.Engine.Tasks;
using Workflows.Engine.Timers;
using Workflows.Procedures.Duties;

namespace Workflows.Procedures.Tests.Support;

/// <summary>
/// The real engine on a throwaway SQLite file (or PostgreSQL database) with the simulated clock,
/// the real notifications module writing emails to a pickup folder, and the duties module bound
/// from configuration the way the host binds it.
/// </summary>
public sealed class ProceduresHost : IAsyncDisposable
{
    public static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    private readonly string _folder;
    private readonly ServiceProvider _services;

    private ProceduresHost(string folder, ServiceProvider services, LogCapture logs)
    {
        _folder = folder;
        _services = services;
        Logs = logs;
    }

    public IServiceProvider Services => _services;
    public LogCapture Logs { get; }
    public IWorkflowRuntime Runtime => _services.GetRequiredService<IWorkflowRuntime>();
    public SimulatedClock Clock => (SimulatedClock)_services.GetRequiredService<TimeProvider>();
    public string PickupFolder => Path.Combine(_folder, "pickup");
    public NotificationInbox Inbox => _services.GetRequiredService<NotificationInbox>();

    public static DateTimeOffset Local(int year, int month, int day, int hour = 0, int minute = 0) => new(year, month, day, hour, minute, 0, Beijing);

    /// <summary>A county as the Liujiang work points describe one: its government, the legal affairs office, a bureau and a town.</summary>
    public static Dictionary<string, string?> CountyUnits() => new()
    {
        ["Workflows:Units:0:Code"] = "county-gov",
        ["Workflows:Units:0:Name"] = "县人民政府",
        ["Workflows:Units:0:Kind"] = "government",
        ["Workflows:Units:1:Code"] = "legal-office",
        ["Workflows:Units:1:Name"] = "县司法局",
        ["Workflows:Units:1:Kind"] = "legal-office",
        ["Workflows:Units:2:Code"] = "county-drc",
        ["Workflows:Units:2:Name"] = "县发展和改革局",
        ["Workflows:Units:2:Kind"] = "department",
        ["Workflows:Units:3:Code"] = "town-chengguan",
        ["Workflows:Units:3:Name"] = "城关镇人民政府",
        ["Workflows:Units:3:Kind"] = "town",
    };

    public static List<DirectoryPerson> People() =>
    [
        Person("gov-owner", "刘洋", "county-gov", "owner"),
        Person("gov-supervisor", "孙丽", "county-gov", "supervisor"),
        Person("legal-owner", "李明", "legal-office", "owner"),
        Person("legal-supervisor", "王芳", "legal-office", "supervisor"),
        Person("drc-owner", "赵强", "county-drc", "owner"),
        Person("drc-clerk", "周敏", "county-drc", "owner"),
        Person("drc-supervisor", "陈静", "county-drc", "supervisor"),
        Person("town-owner", "吴磊", "town-chengguan", "owner"),
    ];

    private static DirectoryPerson Person(string user, string name, string unit, string role) =>
        new() { UserName = user, DisplayName = name, Email = user + "@fazhi.test", Unit = unit, Roles = [role] };

    public static async Task<ProceduresHost> StartAsync(
        DateTimeOffset start,
        IReadOnlyDictionary<string, string?>? settings = null,
        TestDatabase? database = null,
        Action<DutiesOptions>? configure = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "fazhi-duties-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var logs = new LogCapture();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(logs));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? CountyUnits()).Build();
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
        builder.UseSimulatedClock(start);
        builder.AddNotifications(o => o.People = People(), e =>
        {
            e.Host = null;
            e.PickupFolder = Path.Combine(folder, "pickup");
            e.From = "noreply@fazhi.example.gov.cn";
            e.PublicBaseUrl = "https://fazhi.example.gov.cn/";
        });
        builder.AddProcedureDuties(configure);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        foreach (var hosted in provider.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }
        return new ProceduresHost(folder, provider, logs);
    }

    /// <summary>
    /// Moves the clock to <paramref name="to"/> the way real time passes: each timer fires at its
    /// time and the outbox work it queues (a duty's launch, a ladder alert) runs right after, before
    /// the clock moves on to the next timer.
    /// </summary>
    public async Task AdvanceToAsync(DateTimeOffset to)
    {
        var runner = _services.GetRequiredService<DueTimerRunner>();
        var last = DateTimeOffset.MinValue;
        while (true)
        {
            var next = await QueryAsync(db => db.Timers.AsNoTracking()
                .Where(t => t.Status == TimerStatus.Pending && t.DueAt <= to)
                .OrderBy(t => t.DueAt)
                .Select(t => (DateTimeOffset?)t.DueAt)
                .FirstOrDefaultAsync());
            // The same time twice means its timers stay pending (a faulted instance's): move on.
            if (next is not { } due || due <= last)
            {
                break;
            }
            last = due;
            await runner.AdvanceAsync(due, CancellationToken.None);
            await DrainOutboxAsync();
        }
        await runner.AdvanceAsync(to, CancellationToken.None);
        await DrainOutboxAsync();
    }

    /// <summary>Runs outbox messages the way the background executor would, until none is left.</summary>
    public async Task DrainOutboxAsync()
    {
        var processor = _services.GetRequiredService<IOutboxProcessor>();
        while (true)
        {
            var pending = await processor.ListPendingAsync(DateTimeOffset.MaxValue, 100, CancellationToken.None);
            if (pending.Count == 0)
            {
                return;
            }
            foreach (var id in pending)
            {
                await processor.ProcessAsync(id, CancellationToken.None);
            }
        }
    }

    public async Task<T> QueryAsync<T>(Func<WorkflowDbContext, Task<T>> query)
    {
        await using var db = await _services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>().CreateDbContextAsync();
        return await query(db);
    }

    public async Task<T> NotificationsAsync<T>(Func<NotificationsDbContext, Task<T>> query)
    {
        await using var db = await _services.GetRequiredService<IDbContextFactory<NotificationsDbContext>>().CreateDbContextAsync();
        return await query(db);
    }

    /// <summary>Instances of a duty, by business key.</summary>
    public Task<List<Engine.Instances.WorkflowInstance>> DutyInstancesAsync(string dutyKey) =>
        QueryAsync(db => db.Instances.AsNoTracking().Where(i => i.BusinessKey!.StartsWith("duty:" + dutyKey + ":")).OrderBy(i => i.BusinessKey).ToListAsync());

    public Task<List<HumanTask>> OpenTasksAsync(Guid instanceId) =>
        QueryAsync(db => db.Tasks.AsNoTracking().Where(t => t.InstanceId == instanceId && t.Status == UserTaskStatus.Open).OrderBy(t => t.CreatedAt).ToListAsync());

    public async Task<IReadOnlyList<HistoryEntryView>> HistoryAsync(Guid instanceId)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IWorkflowQueries>().GetHistoryAsync(instanceId);
    }

    public static JsonObject Variables(Engine.Instances.WorkflowInstance instance) => EngineJson.ParseObject(instance.Variables);

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
