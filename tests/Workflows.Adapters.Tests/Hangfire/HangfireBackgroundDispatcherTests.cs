using Hangfire;
using Hangfire.States;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Adapters.Tests.Support;

namespace Workflows.Adapters.Tests.Hangfire;

public sealed class HangfireBackgroundDispatcherTests
{
    private readonly RecordingOutboxProcessor _processor = new();

    [Fact]
    public async Task Dispatch_RunsOutboxJobOnce_ForEachMessageId()
    {
        await using var host = await HangfireTestHost.StartAsync(_processor);
        Guid[] ids = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];

        host.Dispatcher.Dispatch([.. ids, ids[0]]);

        await Poll.UntilAsync(() => ids.All(id => _processor.CountOf(id) == 1), "every message is processed");
        Assert.Equal(ids.Length, _processor.Processed.Count);
    }

    [Fact]
    public async Task OutboxJob_IsRetriedUntilAttemptsRunOut_ThenStaysFailed()
    {
        var message = Guid.NewGuid();
        var attempts = new List<int>();
        _processor.OnProcess = (_, attempt) =>
        {
            lock (attempts)
            {
                attempts.Add(attempt);
            }

            throw new InvalidOperationException("SMTP server refused the message");
        };
        await using var host = await HangfireTestHost.StartAsync(_processor, options =>
        {
            options.RetryAttempts = 2;
            options.RetryDelays = [TimeSpan.Zero];
        });

        host.Dispatcher.Dispatch([message]);

        var monitoring = host.Storage.GetMonitoringApi();
        await Poll.UntilAsync(() => monitoring.FailedCount() == 1, "the job fails for good once its retries are spent");
        Assert.Equal([1, 2, 3], attempts);
        var failed = Assert.Single(monitoring.FailedJobs(0, 10));
        Assert.Equal(message, failed.Value.Job.Args[0]);
        Assert.Contains("SMTP server refused", failed.Value.ExceptionMessage);
    }

    [Fact]
    public async Task Dispatch_StoresTheJobInAPinnedFormat_SoQueuedJobsSurviveUpgrades()
    {
        // No server: the job stays in storage exactly as Dispatch wrote it.
        await using var host = HangfireTestHost.Build(_processor);
        var message = Guid.Parse("0b5c7a8e-3f7e-4a51-9d35-6a4e8f2c1d90");

        host.Dispatcher.Dispatch([message]);

        var jobId = Assert.Single(host.Storage.GetMonitoringApi().EnqueuedJobs(EnqueuedState.DefaultQueue, 0, 10)).Key;
        using var connection = host.Storage.GetConnection();
        var stored = InvocationData.SerializeJob(connection.GetJobData(jobId)!.Job);
        Assert.Equal("Workflows.Engine.Hangfire.Outbox.OutboxJob, Workflows.Engine.Hangfire", stored.Type);
        Assert.Equal("RunAsync", stored.Method);
        Assert.Equal("[\"System.Guid, mscorlib\",\"System.Threading.CancellationToken, mscorlib\"]", stored.ParameterTypes);
        Assert.Equal("[\"\\\"0b5c7a8e-3f7e-4a51-9d35-6a4e8f2c1d90\\\"\",null]", stored.Arguments);
        Assert.Equal(jobId, connection.GetAllEntriesFromHash("fazhi:outbox:0b5c7a8e3f7e4a519d356a4e8f2c1d90")?["JobId"]);
    }

    [Fact]
    public async Task Dispatch_DoesNotThrow_WhenStorageFails()
    {
        await using var host = HangfireTestHost.Build(_processor);
        ((IDisposable)host.Storage).Dispose();
        var client = host.Services.GetRequiredService<IBackgroundJobClient>();
        Assert.ThrowsAny<Exception>(() => client.Enqueue(() => Console.WriteLine()));

        var exception = Record.Exception(() => host.Dispatcher.Dispatch([Guid.NewGuid()]));

        Assert.Null(exception);
    }

    [Fact]
    public async Task TwoHostsInOneProcess_EachRunTheirOwnJobs()
    {
        var otherProcessor = new RecordingOutboxProcessor();
        await using var host = await HangfireTestHost.StartAsync(_processor);
        await using var other = await HangfireTestHost.StartAsync(otherProcessor);
        var mine = Guid.NewGuid();
        var theirs = Guid.NewGuid();

        host.Dispatcher.Dispatch([mine]);
        other.Dispatcher.Dispatch([theirs]);

        await Poll.UntilAsync(() => _processor.CountOf(mine) == 1 && otherProcessor.CountOf(theirs) == 1, "each host runs its own message");
        Assert.Equal([mine], _processor.Processed);
        Assert.Equal([theirs], otherProcessor.Processed);
    }

    [Fact]
    public async Task Host_KeepsRunningJobs_AfterAnotherHostInTheProcessIsDisposed()
    {
        // Hangfire 1.8 logs through one process-wide provider, which the last host configured took over.
        await using var host = await HangfireTestHost.StartAsync(_processor);
        await (await HangfireTestHost.StartAsync(new RecordingOutboxProcessor())).DisposeAsync();
        var message = Guid.NewGuid();

        host.Dispatcher.Dispatch([message]);

        await Poll.UntilAsync(() => _processor.CountOf(message) == 1, "the surviving host runs the message");
    }
}
