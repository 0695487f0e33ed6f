namespace Workflows.Engine.Outbox;

/// <summary>Hands committed outbox messages to the background executor (Hangfire).</summary>
public interface IBackgroundDispatcher
{
    void Dispatch(IReadOnlyCollection<Guid> outboxMessageIds);
}

/// <summary>Runs one kind of outbox message; must be safe to run twice for the same message.</summary>
public interface IOutboxHandler
{
    /// <summary>The stable type key it handles, e.g. <c>email</c>.</summary>
    string Type { get; }

    Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken);
}
