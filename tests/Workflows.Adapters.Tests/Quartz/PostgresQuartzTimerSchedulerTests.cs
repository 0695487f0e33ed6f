using Npgsql;
using Workflows.Adapters.Tests.Support;
using Workflows.Engine.Quartz;
using Workflows.Engine.Timers;

namespace Workflows.Adapters.Tests.Quartz;

public sealed class PostgresQuartzTimerSchedulerTests : IAsyncLifetime
{
    private TemporaryPostgresDatabase? _database;

    private string ConnectionString => _database!.ConnectionString;

    public async Task InitializeAsync() => _database = await TemporaryPostgresDatabase.CreateAsync();

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    private void Postgres(QuartzTimerOptions options)
    {
        options.StoreProvider = QuartzStoreProvider.PostgreSql;
        options.ConnectionString = ConnectionString;
    }

    [Fact]
    public async Task ScheduleAsync_FiresTimerWithItsId_OnAPostgresStoreItCreatedItself()
    {
        var runtime = new RecordingWorkflowRuntime();
        await using var host = await QuartzTestHost.StartAsync(runtime, Postgres);
        var timer = TestTimers.DueIn(TimeSpan.FromMilliseconds(300));

        await host.Timers.ScheduleAsync([timer], CancellationToken.None);

        await Poll.UntilAsync(() => runtime.Fired.Count > 0, "the timer fires");
        Assert.Equal([timer.Id], runtime.Fired);
        Assert.True(await QuartzTablesExistAsync(), "Quartz provisioned its QRTZ_ tables in the application database");
    }

    [Fact]
    public async Task ClusteredStore_FiresEachTimerExactlyOnce_WithTwoSchedulerInstances()
    {
        // One recorder behind both nodes: a timer fired by both would show up twice.
        var runtime = new RecordingWorkflowRuntime();
        await using var nodeA = await QuartzTestHost.StartAsync(runtime, Postgres);
        await using var nodeB = await QuartzTestHost.StartAsync(runtime, Postgres);
        Assert.True((await nodeA.GetSchedulerAsync()).SchedulerInstanceId != (await nodeB.GetSchedulerAsync()).SchedulerInstanceId);

        var timers = Enumerable.Range(0, 40).Select(i => TestTimers.DueIn(TimeSpan.FromMilliseconds(300 + (i * 10)))).ToList();
        await Task.WhenAll(
            nodeA.Timers.ScheduleAsync(timers[..20], CancellationToken.None),
            nodeB.Timers.ScheduleAsync(timers[20..], CancellationToken.None));

        // A sentinel due after all the others: once it fired, a duplicate of any other would have too.
        var sentinel = TestTimers.DueIn(TimeSpan.FromMilliseconds(1500));
        await nodeA.Timers.ScheduleAsync([sentinel], CancellationToken.None);
        await Poll.UntilAsync(() => runtime.CountOf(sentinel.Id) > 0, "the sentinel timer fires");

        Assert.All(timers, t => Assert.Equal(1, runtime.CountOf(t.Id)));
        Assert.Equal(timers.Count + 1, runtime.Fired.Count);
    }

    [Fact]
    public async Task Timer_FiresAfterRestart_WhenItFellDueWhileTheClusterWasDown()
    {
        var runtime = new RecordingWorkflowRuntime();
        WorkflowTimer timer;
        await using (var first = await QuartzTestHost.StartAsync(runtime, Postgres))
        {
            // Due a little after this host will have stopped, even on a busy machine.
            timer = TestTimers.DueIn(TimeSpan.FromSeconds(2));
            await first.Timers.ScheduleAsync([timer], CancellationToken.None);
            await first.StopAsync();
        }

        await Task.Delay(timer.DueAt - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(300));
        Assert.Empty(runtime.Fired);

        await using var second = await QuartzTestHost.StartAsync(runtime, Postgres);
        await Poll.UntilAsync(() => runtime.Fired.Count > 0, "the overdue timer fires after the restart");
        Assert.Equal([timer.Id], runtime.Fired);
    }

    private async Task<bool> QuartzTablesExistAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT COUNT(*) FROM information_schema.tables WHERE lower(table_name) = 'qrtz_triggers'", connection);
        return (long)(await command.ExecuteScalarAsync())! == 1;
    }
}
