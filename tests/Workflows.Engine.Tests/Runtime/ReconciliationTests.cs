using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Workflows.Engine.Timers;

namespace Workflows.Engine.Tests.Runtime;

public sealed class SqliteReconciliationTests : ReconciliationTests
{
    protected override Task<TestDatabase?> CreateDatabaseAsync() => Task.FromResult<TestDatabase?>(null);
}

public sealed class PostgreSqlReconciliationTests : ReconciliationTests
{
    protected override async Task<TestDatabase?> CreateDatabaseAsync() => await TestDatabase.CreateAsync();
}

/// <summary>
/// Startup reconciliation hands every pending timer to the scheduler, however many there are, on
/// each store (paging compares Guids, which SQLite keeps as text and PostgreSQL as uuid).
/// </summary>
public abstract class ReconciliationTests : IAsyncLifetime
{
    private readonly RecordingTimerScheduler _scheduler = new();
    private TestDatabase? _database;
    private EngineHarness _engine = null!;

    protected abstract Task<TestDatabase?> CreateDatabaseAsync();

    public async Task InitializeAsync()
    {
        _database = await CreateDatabaseAsync();
        _engine = await EngineHarness.StartAsync(b => b.Services.Replace(ServiceDescriptor.Singleton<ITimerScheduler>(_scheduler)), _database);
    }

    public async Task DisposeAsync()
    {
        await _engine.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Fact]
    public async Task Reconcile_HandsEveryPendingTimerOverOnce_InDueOrder_AcrossPages()
    {
        // 2,500 timers due at one instant (ladder rungs all fire at 09:00), so a page boundary falls inside them.
        var nine = EngineHarness.Monday.AddDays(7);
        var pending = await AddTimersAsync(Enumerable.Range(0, 4500).Select(i => i < 2500 ? nine : nine.AddMinutes(i)), TimerStatus.Pending);
        await AddTimersAsync(Enumerable.Range(0, 300).Select(i => nine.AddMinutes(-i)), TimerStatus.Fired);

        await ReconcileAsync();

        var handed = _scheduler.Scheduled.ToList();
        Assert.Equal(pending.Count, handed.Count);
        Assert.Equal(pending.Order(), handed.Select(t => t.Id).Order());
        Assert.Equal(handed.Select(t => t.DueAt).Order(), handed.Select(t => t.DueAt));
    }

    [Fact]
    public async Task Reconcile_MissesNoPendingTimer_WhenTimersFireWhileItRuns()
    {
        var due = EngineHarness.Monday.AddDays(7);
        var pending = await AddTimersAsync(Enumerable.Range(0, 5000).Select(i => due.AddSeconds(i)), TimerStatus.Pending);
        // Another node of a cluster fires timers the first page already covered: the pending set
        // shrinks under the pages still to come.
        _scheduler.OnFirstCall = async page =>
        {
            var fired = page.Take(500).Select(t => t.Id).ToList();
            await _engine.QueryAsync(async db =>
            {
                foreach (var timer in db.Timers.Where(t => fired.Contains(t.Id)))
                {
                    timer.Status = TimerStatus.Fired;
                }
                return await db.SaveChangesAsync();
            });
        };

        await ReconcileAsync();

        Assert.Equal(pending.Order(), _scheduler.Scheduled.Select(t => t.Id).Distinct().Order());
    }

    private Task ReconcileAsync() =>
        _engine.Services.GetServices<IHostedService>().OfType<EngineStartup>().Single().ReconcileAsync(CancellationToken.None);

    private async Task<List<Guid>> AddTimersAsync(IEnumerable<DateTimeOffset> dueTimes, TimerStatus status)
    {
        var timers = dueTimes.Select(due => new WorkflowTimer
        {
            Id = Guid.CreateVersion7(),
            Role = TimerRole.Intermediate,
            InstanceId = Guid.NewGuid(),
            ActivityId = "wait",
            DueAt = due,
            Status = status,
            CreatedAt = EngineHarness.Monday,
        }).ToList();
        await _engine.QueryAsync(async db =>
        {
            db.Timers.AddRange(timers);
            return await db.SaveChangesAsync();
        });
        return [.. timers.Select(t => t.Id)];
    }

    private sealed class RecordingTimerScheduler : ITimerScheduler
    {
        public List<WorkflowTimer> Scheduled { get; } = [];

        public Func<IReadOnlyCollection<WorkflowTimer>, Task>? OnFirstCall { get; set; }

        public async Task ScheduleAsync(IReadOnlyCollection<WorkflowTimer> timers, CancellationToken cancellationToken)
        {
            Scheduled.AddRange(timers);
            if (OnFirstCall is { } first)
            {
                OnFirstCall = null;
                await first(timers);
            }
        }

        public Task UnscheduleAsync(IReadOnlyCollection<Guid> timerIds, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
