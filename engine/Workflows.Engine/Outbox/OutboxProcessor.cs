using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Workflows.Engine.Persistence;

namespace Workflows.Engine.Outbox;

internal sealed class OutboxProcessor(
    IDbContextFactory<WorkflowDbContext> dbFactory,
    IEnumerable<IOutboxHandler> handlers,
    TimeProvider clock,
    ILogger<OutboxProcessor> logger) : IOutboxProcessor
{
    /// <summary>Long enough for any handler; a worker that dies holding a claim delays the retry by this much.</summary>
    private static readonly TimeSpan ClaimDuration = TimeSpan.FromMinutes(5);

    private readonly Dictionary<string, IOutboxHandler> _handlers = handlers.ToDictionary(h => h.Type, StringComparer.Ordinal);

    public async Task ProcessAsync(Guid messageId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var claimUntil = now + ClaimDuration;
        // An atomic claim: of two workers given the same message, one updates the row and the other sees 0 rows.
        var claimed = await db.Outbox
            .Where(m => m.Id == messageId && m.ProcessedAt == null && (m.LockedUntil == null || m.LockedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, claimUntil).SetProperty(m => m.Attempts, m => m.Attempts + 1), cancellationToken);
        if (claimed == 0)
        {
            return;
        }
        var message = await db.Outbox.AsNoTracking().SingleAsync(m => m.Id == messageId, cancellationToken);
        try
        {
            if (!_handlers.TryGetValue(message.Type, out var handler))
            {
                throw new InvalidOperationException($"No outbox handler is installed for '{message.Type}'.");
            }
            await handler.HandleAsync(message, cancellationToken);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Outbox message {Id} ({Type}) failed on attempt {Attempt}", message.Id, message.Type, message.Attempts);
            var error = ex.Message.Length > 2000 ? ex.Message[..2000] : ex.Message;
            await db.Outbox.Where(m => m.Id == messageId)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, (DateTimeOffset?)null).SetProperty(m => m.LastError, error), CancellationToken.None);
            throw;
        }
        var done = clock.GetUtcNow();
        await db.Outbox.Where(m => m.Id == messageId)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ProcessedAt, done).SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), CancellationToken.None);
    }

    public async Task<IReadOnlyList<Guid>> ListPendingAsync(DateTimeOffset createdBefore, int max, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Outbox.AsNoTracking()
            .Where(m => m.ProcessedAt == null && m.CreatedAt < createdBefore)
            .OrderBy(m => m.CreatedAt)
            .Take(max)
            .Select(m => m.Id)
            .ToListAsync(cancellationToken);
    }
}
