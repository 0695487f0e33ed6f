using Hangfire;
using Microsoft.Extensions.Logging;
using Workflows.Engine.Outbox;

namespace Workflows.Engine.Hangfire.Outbox;

/// <summary>Enqueues one <see cref="OutboxJob"/> per committed outbox message.</summary>
public sealed class HangfireBackgroundDispatcher(IBackgroundJobClient client, ILogger<HangfireBackgroundDispatcher> logger)
    : IBackgroundDispatcher
{
    /// <remarks>
    /// Called after the step has committed, so it must not fail the step: a message whose enqueue
    /// fails here (storage unreachable, host dying) is still in the outbox, and the sweep picks it up.
    /// </remarks>
    public void Dispatch(IReadOnlyCollection<Guid> outboxMessageIds)
    {
        ArgumentNullException.ThrowIfNull(outboxMessageIds);
        foreach (var messageId in outboxMessageIds.Distinct())
        {
            try
            {
                client.Enqueue<OutboxJob>(job => job.RunAsync(messageId, CancellationToken.None));
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Could not enqueue outbox message {MessageId}; the outbox sweep will", messageId);
            }
        }
    }
}
