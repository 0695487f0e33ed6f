namespace Workflows.Engine.Outbox;

/// <summary>Runs committed outbox messages through their <see cref="IOutboxHandler"/>.</summary>
public interface IOutboxProcessor
{
    /// <summary>
    /// Claims and runs one message; does nothing when it was already processed or another worker
    /// holds it. Throws when the handler fails, so the background executor retries.
    /// </summary>
    Task ProcessAsync(Guid messageId, CancellationToken cancellationToken);

    /// <summary>Unprocessed messages created before <paramref name="createdBefore"/>, oldest first.</summary>
    Task<IReadOnlyList<Guid>> ListPendingAsync(DateTimeOffset createdBefore, int max, CancellationToken cancellationToken);
}
