using Hangfire;
using Workflows.Engine.Outbox;

namespace Workflows.Engine.Hangfire.Outbox;

/// <summary>
/// Runs one committed outbox message. It carries only the message id: the row in the outbox table
/// holds what to do, and <see cref="IOutboxProcessor"/> makes a second run a no-op.
/// </summary>
/// <remarks>
/// Retries come from the adapter's filter provider (the configured attempts with Hangfire's back-off)
/// rather than an attribute, so they follow configuration. When they run out the job stays Failed in
/// the dashboard, where an operator can requeue it.
/// </remarks>
public sealed class OutboxJob(IOutboxProcessor processor)
{
    [JobDisplayName("Outbox message {0}")]
    public Task RunAsync(Guid messageId, CancellationToken cancellationToken) =>
        processor.ProcessAsync(messageId, cancellationToken);
}
