using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Workflows.Adapters.Tests.Support;
using Workflows.Engine.Quartz;
using Workflows.Engine.Timers;

namespace Workflows.Adapters.Tests.Quartz;

public sealed class SqliteQuartzReconciliationTests : QuartzReconciliationTests
{
    private readonly TemporarySqliteDatabase _database = new();

    protected override QuartzStoreProvider Provider => QuartzStoreProvider.Sqlite;

    protected override string ConnectionString => _database.ConnectionString;

    protected override DbConnection Connect() => new SqliteConnection(_database.ConnectionString);

    public override Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }
}

public sealed class PostgresQuartzReconciliationTests : QuartzReconciliationTests
{
    private TemporaryPostgresDatabase? _database;

    protected override QuartzStoreProvider Provider => QuartzStoreProvider.PostgreSql;

    protected override string ConnectionString => _database!.ConnectionString;

    protected override DbConnection Connect() => new NpgsqlConnection(_database!.ConnectionString);

    public override async Task InitializeAsync() => _database = await TemporaryPostgresDatabase.CreateAsync();

    public override async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

/// <summary>
/// What startup reconciliation relies on when it hands over a page of timers after a restart:
/// triggers Quartz still holds as they are stay untouched, everything else is stored again.
/// </summary>
public abstract class QuartzReconciliationTests : IAsyncLifetime
{
    // A reconciliation page; smaller batches (a step's own new timers) are stored without asking.
    private const int Page = 40;

    protected abstract QuartzStoreProvider Provider { get; }

    protected abstract string ConnectionString { get; }

    protected abstract DbConnection Connect();

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public abstract Task DisposeAsync();

    private void Store(QuartzTimerOptions options)
    {
        options.StoreProvider = Provider;
        options.ConnectionString = ConnectionString;
    }

    [Fact]
    public async Task ScheduleAsync_LeavesTriggersAlone_WhenQuartzAlreadyHoldsThemUnchanged()
    {
        await using var host = await QuartzTestHost.StartAsync(new RecordingWorkflowRuntime(), Store);
        var timers = Enumerable.Range(1, Page).Select(i => TestTimers.DueIn(TimeSpan.FromHours(i))).ToList();
        await host.Timers.ScheduleAsync(timers, CancellationToken.None);
        await ExecuteAsync("UPDATE QRTZ_TRIGGERS SET DESCRIPTION = 'untouched'");

        await host.Timers.ScheduleAsync(timers, CancellationToken.None);

        Assert.Equal(Page, await CountAsync("SELECT COUNT(*) FROM QRTZ_TRIGGERS WHERE DESCRIPTION = 'untouched'"));
    }

    [Fact]
    public async Task ScheduleAsync_StoresAgain_TriggersThatAreMissingMovedOrFailed()
    {
        await using var host = await QuartzTestHost.StartAsync(new RecordingWorkflowRuntime(), Store);
        var timers = Enumerable.Range(1, Page).Select(i => TestTimers.DueIn(TimeSpan.FromHours(i))).ToList();
        await host.Timers.ScheduleAsync(timers, CancellationToken.None);
        var (lost, moved, failed) = (timers[0], timers[1], timers[2]);
        await host.Timers.UnscheduleAsync([lost.Id], CancellationToken.None);
        moved.DueAt += TimeSpan.FromDays(1);
        await ExecuteAsync($"UPDATE QRTZ_TRIGGERS SET TRIGGER_STATE = 'ERROR' WHERE TRIGGER_NAME = '{failed.Id:D}'");
        await ExecuteAsync("UPDATE QRTZ_TRIGGERS SET DESCRIPTION = 'untouched'");

        await host.Timers.ScheduleAsync(timers, CancellationToken.None);

        Assert.Equal(Page, await CountAsync("SELECT COUNT(*) FROM QRTZ_TRIGGERS"));
        Assert.Equal(Page - 3, await CountAsync("SELECT COUNT(*) FROM QRTZ_TRIGGERS WHERE DESCRIPTION = 'untouched'"));
        Assert.Equal(moved.DueAt.UtcTicks, await CountAsync($"SELECT START_TIME FROM QRTZ_TRIGGERS WHERE TRIGGER_NAME = '{moved.Id:D}'"));
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM QRTZ_TRIGGERS WHERE TRIGGER_STATE = 'ERROR'"));
    }

    [Fact]
    public async Task ScheduleAsync_FiresATimerWhoseTriggerWasKept_AfterARestart()
    {
        var runtime = new RecordingWorkflowRuntime();
        var timers = Enumerable.Range(0, Page).Select(i => TestTimers.DueIn(TimeSpan.FromSeconds(i == 0 ? 1 : 3600))).ToList();
        // Stored by a scheduler that never started, as a host that went down left them.
        await using (var before = QuartzTestHost.Build(runtime, Store))
        {
            await before.Timers.ScheduleAsync(timers, CancellationToken.None);
        }

        // What reconciliation does at the next start: the same page again, all of it already stored.
        await using var after = await QuartzTestHost.StartAsync(runtime, Store);
        await after.Timers.ScheduleAsync(timers, CancellationToken.None);

        await Poll.UntilAsync(() => runtime.Fired.Count > 0, "the kept trigger fires");
        Assert.Equal([timers[0].Id], runtime.Fired);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = Connect();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = Connect();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
