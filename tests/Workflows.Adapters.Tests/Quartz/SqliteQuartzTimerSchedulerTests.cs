using System.Text;
using Microsoft.Data.Sqlite;
using Quartz;
using Workflows.Adapters.Tests.Support;
using Workflows.Engine.Quartz;
using Workflows.Engine.Quartz.Timers;
using Workflows.Engine.Timers;

namespace Workflows.Adapters.Tests.Quartz;

public sealed class SqliteQuartzTimerSchedulerTests : IDisposable
{
    private readonly TemporarySqliteDatabase _database = new();
    private readonly RecordingWorkflowRuntime _runtime = new();

    public void Dispose() => _database.Dispose();

    private Task<QuartzTestHost> StartHostAsync() => QuartzTestHost.StartAsync(_runtime, Sqlite);

    private void Sqlite(QuartzTimerOptions options)
    {
        options.StoreProvider = QuartzStoreProvider.Sqlite;
        options.ConnectionString = _database.ConnectionString;
    }

    [Fact]
    public async Task ScheduleAsync_FiresTimerWithItsId_WhenDue()
    {
        await using var host = await StartHostAsync();
        var timer = TestTimers.DueIn(TimeSpan.FromMilliseconds(300));

        await host.Timers.ScheduleAsync([timer], CancellationToken.None);

        await Poll.UntilAsync(() => _runtime.Fired.Count > 0, "the timer fires");
        Assert.Equal([timer.Id], _runtime.Fired);
    }

    [Fact]
    public async Task ScheduleAsync_KeepsOneTrigger_WhenTheSameTimerIsScheduledAgain()
    {
        await using var host = await StartHostAsync();
        var first = TestTimers.DueIn(TimeSpan.FromHours(1));
        var later = TestTimers.DueIn(TimeSpan.FromHours(2), first.Id);

        await host.Timers.ScheduleAsync([first], CancellationToken.None);
        await host.Timers.ScheduleAsync([later], CancellationToken.None);
        await host.Timers.ScheduleAsync([later], CancellationToken.None);

        Assert.Equal(1L, await ScalarAsync("SELECT COUNT(*) FROM QRTZ_TRIGGERS"));
        Assert.Equal(1L, await ScalarAsync("SELECT COUNT(*) FROM QRTZ_JOB_DETAILS"));
        var scheduler = await host.GetSchedulerAsync();
        var trigger = await scheduler.GetTrigger(QuartzTimerScheduler.TriggerKeyFor(first.Id));
        Assert.Equal(later.DueAt.ToUnixTimeMilliseconds(), trigger!.StartTimeUtc.ToUnixTimeMilliseconds());

        var soon = TestTimers.DueIn(TimeSpan.FromMilliseconds(200), first.Id);
        var sentinel = TestTimers.DueIn(TimeSpan.FromMilliseconds(600));
        await host.Timers.ScheduleAsync([soon, sentinel], CancellationToken.None);

        await Poll.UntilAsync(() => _runtime.CountOf(sentinel.Id) == 1 && _runtime.CountOf(first.Id) > 0, "both timers fire");
        Assert.Equal(1, _runtime.CountOf(first.Id));
    }

    [Fact]
    public async Task UnscheduleAsync_PreventsFiring_AndIgnoresUnknownTimers()
    {
        await using var host = await StartHostAsync();
        var cancelled = TestTimers.DueIn(TimeSpan.FromSeconds(1));
        var sentinel = TestTimers.DueIn(TimeSpan.FromSeconds(1.5));
        await host.Timers.ScheduleAsync([cancelled, sentinel], CancellationToken.None);

        await host.Timers.UnscheduleAsync([cancelled.Id, Guid.NewGuid()], CancellationToken.None);

        // The sentinel falls due after the cancelled timer would have: once it fired, the other had its chance.
        await Poll.UntilAsync(() => _runtime.CountOf(sentinel.Id) == 1, "the sentinel timer fires");
        Assert.Equal(0, _runtime.CountOf(cancelled.Id));
        Assert.Equal(0L, await ScalarAsync($"SELECT COUNT(*) FROM QRTZ_TRIGGERS WHERE TRIGGER_NAME = '{cancelled.Id:D}'"));
    }

    [Fact]
    public async Task Timer_FiresAfterRestart_WhenItFellDueWhileTheSchedulerWasDown()
    {
        WorkflowTimer timer;
        await using (var first = await StartHostAsync())
        {
            // Due a little after this host will have stopped, even on a busy machine.
            timer = TestTimers.DueIn(TimeSpan.FromSeconds(2));
            await first.Timers.ScheduleAsync([timer], CancellationToken.None);
            await first.StopAsync();
        }

        await Task.Delay(timer.DueAt - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(300));
        Assert.Empty(_runtime.Fired);

        await using var second = await StartHostAsync();
        await Poll.UntilAsync(() => _runtime.Fired.Count > 0, "the overdue timer fires after the restart");
        Assert.Equal([timer.Id], _runtime.Fired);
    }

    [Fact]
    public async Task Timer_FiresAtStart_WhenItIsOverdueByHours()
    {
        // Stored by a scheduler that never started, exactly as a host that went down three hours ago left it.
        var timer = TestTimers.DueIn(TimeSpan.FromHours(-3));
        await using (var stopped = QuartzTestHost.Build(_runtime, Sqlite))
        {
            await stopped.Timers.ScheduleAsync([timer], CancellationToken.None);
        }

        Assert.Equal((long)SimpleTriggerMisfireInstruction.FireNow, await ScalarAsync("SELECT MISFIRE_INSTR FROM QRTZ_TRIGGERS"));

        await using var host = await StartHostAsync();
        await Poll.UntilAsync(() => _runtime.Fired.Count > 0, "the timer overdue by hours fires at start");
        Assert.Equal([timer.Id], _runtime.Fired);
    }

    [Fact]
    public async Task ScheduleAsync_FiresAtOnce_WhenARunningSchedulerIsGivenATimerOverdueByHours()
    {
        // What startup reconciliation does with a timer Quartz lost: hand it over long after its due time.
        await using var host = await StartHostAsync();
        var timer = TestTimers.DueIn(TimeSpan.FromHours(-3));

        await host.Timers.ScheduleAsync([timer], CancellationToken.None);

        await Poll.UntilAsync(() => _runtime.Fired.Count > 0, "the overdue timer fires", TimeSpan.FromSeconds(5));
        Assert.Equal([timer.Id], _runtime.Fired);
    }

    [Fact]
    public async Task ScheduleAsync_RearmsTheSameTimer_WhenCalledWhileItFires()
    {
        // A cycle (timeCycle): the engine re-arms the timer for its next occurrence while firing it.
        await using var host = await StartHostAsync();
        var timer = TestTimers.DueIn(TimeSpan.FromMilliseconds(200));
        _runtime.OnFire = async (id, count) =>
        {
            if (count == 1)
            {
                await host.Timers.ScheduleAsync([TestTimers.DueIn(TimeSpan.FromMilliseconds(300), id)], CancellationToken.None);
            }
        };

        await host.Timers.ScheduleAsync([timer], CancellationToken.None);

        await Poll.UntilAsync(() => _runtime.CountOf(timer.Id) == 2, "the re-armed timer fires a second time");
    }

    [Fact]
    public async Task FireTimerJob_IsRetried_WhenTheRuntimeThrows()
    {
        await using var host = await StartHostAsync();
        var timer = TestTimers.DueIn(TimeSpan.FromMilliseconds(100));
        _runtime.OnFire = (_, count) => count == 1 ? throw new TimeoutException("database busy") : Task.CompletedTask;

        await host.Timers.ScheduleAsync([timer], CancellationToken.None);

        await Poll.UntilAsync(() => _runtime.CountOf(timer.Id) == 2, "the failed firing is retried");
    }

    [Fact]
    public async Task Store_PersistsStableNames_SoStoredTimersSurviveUpgrades()
    {
        await using var host = await StartHostAsync();
        var timer = TestTimers.DueIn(TimeSpan.FromHours(1));

        await host.Timers.ScheduleAsync([timer], CancellationToken.None);

        Assert.Equal("fazhi", await ScalarAsync("SELECT DISTINCT SCHED_NAME FROM QRTZ_JOB_DETAILS"));
        Assert.Equal(timer.Id.ToString("D"), await ScalarAsync("SELECT JOB_NAME FROM QRTZ_JOB_DETAILS"));
        Assert.Equal("workflow-timers", await ScalarAsync("SELECT JOB_GROUP FROM QRTZ_JOB_DETAILS"));
        Assert.Equal("fazhi.fire-timer", await ScalarAsync("SELECT JOB_CLASS_NAME FROM QRTZ_JOB_DETAILS"));
        Assert.Equal(1L, await ScalarAsync("SELECT COUNT(*) FROM QRTZ_JOB_DETAILS WHERE REQUESTS_RECOVERY"));
        Assert.Equal(1L, await ScalarAsync("SELECT COUNT(*) FROM QRTZ_JOB_DETAILS WHERE IS_DURABLE = 0"));
        var jobData = (byte[])(await ScalarAsync("SELECT JOB_DATA FROM QRTZ_JOB_DETAILS"))!;
        Assert.Equal($"{{\"timerId\":\"{timer.Id:D}\"}}", Encoding.UTF8.GetString(jobData));
        Assert.Equal(timer.Id.ToString("D"), await ScalarAsync("SELECT TRIGGER_NAME FROM QRTZ_TRIGGERS"));
    }

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
