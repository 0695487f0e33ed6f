using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Workflows.Adapters.Tests.Support;
using Workflows.Engine.Hangfire.Outbox;

namespace Workflows.Adapters.Tests.Hangfire;

public sealed class OutboxSweepJobTests
{
    private readonly RecordingOutboxProcessor _processor = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 8, 30, 0, TimeSpan.Zero));

    [Fact]
    public async Task Host_RegistersTheOutboxSweep_EveryMinute()
    {
        await using var host = await HangfireTestHost.StartAsync(_processor);

        using var connection = host.Storage.GetConnection();
        var sweep = Assert.Single(connection.GetRecurringJobs(), j => j.Id == OutboxSweepJob.RecurringJobId);
        Assert.Equal("* * * * *", sweep.Cron);
        Assert.Equal(typeof(OutboxSweepJob), sweep.Job.Type);
    }

    [Fact]
    public async Task Sweep_ReenqueuesMessagesPendingForOverAMinute_WhoseDispatchWasLost()
    {
        Guid[] lost = [Guid.NewGuid(), Guid.NewGuid()];
        _processor.Pending = lost;
        await using var host = await HangfireTestHost.StartAsync(_processor, time: _time);

        TriggerSweep(host);

        await Poll.UntilAsync(() => lost.All(id => _processor.CountOf(id) == 1), "the sweep re-enqueues every lost message");
        var query = Assert.Single(_processor.PendingQueries);
        Assert.Equal(_time.GetUtcNow().AddMinutes(-1), query.CreatedBefore);
        Assert.Equal(500, query.Max);
    }

    [Fact]
    public async Task Sweep_LeavesMessagesAlone_WhoseJobFailedForGood_ButReenqueuesThoseWhoseJobEnded()
    {
        var failed = Guid.NewGuid();
        var succeeded = Guid.NewGuid();
        var lost = Guid.NewGuid();
        _processor.OnProcess = (id, _) => id == failed ? throw new InvalidOperationException("handler bug") : Task.CompletedTask;

        // One worker runs the queue in order, so "lost processed" means everything enqueued before it ran too.
        await using var host = await HangfireTestHost.StartAsync(_processor, options =>
        {
            options.WorkerCount = 1;
            options.RetryAttempts = 0;
        });
        host.Dispatcher.Dispatch([failed, succeeded]);
        await Poll.UntilAsync(() => host.Storage.GetMonitoringApi().FailedCount() == 1 && _processor.CountOf(succeeded) == 1, "the first dispatch ran");

        // "succeeded" is still pending: its run found another worker holding it, say, and did nothing.
        _processor.Pending = [failed, succeeded, lost];
        TriggerSweep(host);

        await Poll.UntilAsync(() => _processor.CountOf(lost) == 1, "the sweep re-enqueues the lost message");
        Assert.Equal(2, _processor.CountOf(succeeded));
        Assert.Equal(1, _processor.CountOf(failed));
    }

    private static void TriggerSweep(HangfireTestHost host) =>
        host.Services.GetRequiredService<IRecurringJobManager>().Trigger(OutboxSweepJob.RecurringJobId);
}
