namespace Workflows.Engine.Outbox;

/// <summary>The default until a background executor (Hangfire) is configured: messages wait in the outbox.</summary>
internal sealed class NullBackgroundDispatcher : IBackgroundDispatcher
{
    public void Dispatch(IReadOnlyCollection<Guid> outboxMessageIds)
    {
    }
}
