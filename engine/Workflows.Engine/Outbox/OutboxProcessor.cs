using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Workflows.Engine.Persistence;

namespace Workflows.Engine.Outbox;

internal sealed class OutboxProcessor(
    IDbContextFactory<WorkflowDbContext> dbFactory,
    IEnumerable<IOutboxHandler> handlers,
    WorkflowDatabase database,
    TimeProvider clock,
    ILogger<OutboxProcessor> logger) : IOutboxProcessor
{
    /// <summary>Long enough for any handler; a worker that dies holding a claim delays the retry by this much.</summary>
    private static readonly TimeSpan ClaimDuration = TimeSpan.FromMinutes(5);

    private readonly Dictionary<string, IOutboxHandler> _handlers = handlers.ToDictionary(h => h.Type, StringComparer.Ordinal);

    /// <summary>
    /// SQLite is the embedded mode: one host process. A claim made before this processor existed was
    /// made by a process that has since died (killed inside a handler), so it holds nothing back;
    /// without this, startup reconciliation's re-dispatch would find the message claimed and the
    /// work (a parent's resumption, a notice) would wait out the rest of the claim. Clustered on
    /// PostgreSQL another live host may hold an old claim, so there the claim must expire.
    /// </summary>
    private readonly DateTimeOffset _claimsVoidBefore = database.Provider == DatabaseProvider.Sqlite
        ? clock.GetUtcNow() + ClaimDuration
        : DateTimeOffset.MinValue;

    public async Task ProcessAsync(Guid messageId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var claimUntil = now + ClaimDuration;
        // An atomic claim: of two workers given the same message, one updates the row and the other sees 0 rows.
        var claimed = await db.Outbox
            .Where(m => m.Id == messageId && m.ProcessedAt == null
                && (m.LockedUntil == null || m.LockedUntil < now || m.LockedUntil < _claimsVoidBefore))
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
