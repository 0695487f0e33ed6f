using System.Collections.Concurrent;
using Workflows.Engine.Outbox;

namespace Workflows.Adapters.Tests.Support;

/// <summary>
/// Stands in for the engine's outbox: records every run, can fail on demand, and answers the
/// sweep's question with a list the test controls.
/// </summary>
public sealed class RecordingOutboxProcessor : IOutboxProcessor
{
    private readonly ConcurrentQueue<Guid> _processed = new();
    private readonly ConcurrentQueue<(DateTimeOffset CreatedBefore, int Max)> _pendingQueries = new();

    /// <summary>Runs inside <see cref="ProcessAsync"/> with the attempt number; throw to fail the run.</summary>
    public Func<Guid, int, Task>? OnProcess { get; set; }

    public IReadOnlyList<Guid> Pending { get; set; } = [];

    public IReadOnlyList<Guid> Processed => [.. _processed];

    public IReadOnlyList<(DateTimeOffset CreatedBefore, int Max)> PendingQueries => [.. _pendingQueries];

    public int CountOf(Guid messageId) => _processed.Count(id => id == messageId);

    public async Task ProcessAsync(Guid messageId, CancellationToken cancellationToken)
    {
        _processed.Enqueue(messageId);
        if (OnProcess is { } hook)
        {
            await hook(messageId, CountOf(messageId));
        }
    }

    public Task<IReadOnlyList<Guid>> ListPendingAsync(DateTimeOffset createdBefore, int max, CancellationToken cancellationToken)
    {
        _pendingQueries.Enqueue((createdBefore, max));
        return Task.FromResult<IReadOnlyList<Guid>>([.. Pending.Take(max)]);
    }
}
