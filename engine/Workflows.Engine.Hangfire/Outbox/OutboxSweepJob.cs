using Hangfire;
using Microsoft.Extensions.Logging;
using Workflows.Engine.Outbox;

namespace Workflows.Engine.Hangfire.Outbox;

/// <summary>
/// The safety net behind <see cref="HangfireBackgroundDispatcher"/>: re-enqueues outbox messages
/// that have been pending longer than one sweep interval and that no Hangfire job carries any more
/// (in-memory jobs lost in a crash, a host that died between commit and dispatch).
/// </summary>
public sealed class OutboxSweepJob(
    IOutboxProcessor processor,
    JobStorage storage,
    IBackgroundDispatcher dispatcher,
    HangfireEngineOptions options,
    TimeProvider time,
    ILogger<OutboxSweepJob> logger)
{
    /// <summary>The recurring job id, as the dashboard shows it.</summary>
    public const string RecurringJobId = "outbox-sweep";

    // The next run is the retry; retrying a sweep would only overlap with it.
    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("Outbox sweep")]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var createdBefore = time.GetUtcNow() - options.SweepInterval;
        var pending = await processor.ListPendingAsync(createdBefore, options.SweepBatchSize, cancellationToken);
        if (pending.Count == 0)
        {
            return;
        }

        List<Guid> lost;
        using (var connection = storage.GetConnection())
        {
            lost = [.. pending.Where(id => !OutboxJobLedger.HasLiveJob(connection, id))];
        }

        if (lost.Count > 0)
        {
            logger.LogWarning("Outbox sweep re-enqueues {Count} message(s) whose dispatch was lost", lost.Count);
            dispatcher.Dispatch(lost);
        }
    }
}
