using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Workflows.Engine.Persistence;

namespace Workflows.Engine.Outbox;

/// <summary>
/// Queues outbox work from outside an execution step (a scheduled digest, an admin action).
/// Inside a step use <see cref="Activities.ActivityContext.Enqueue"/>, which commits with the step.
/// </summary>
public sealed class OutboxPublisher(IDbContextFactory<WorkflowDbContext> dbFactory, IBackgroundDispatcher dispatcher, TimeProvider clock)
{
    public Task<Guid> PublishAsync(string type, JsonObject payload, Guid? instanceId, CancellationToken cancellationToken) =>
        PublishOnceAsync(Guid.CreateVersion7(), type, payload, instanceId, cancellationToken);

    /// <summary>
    /// Queues a message under an id the caller derives from what it stands for (a digest's
    /// recipient and quarter, say): a job that runs twice queues it once.
    /// </summary>
    public async Task<Guid> PublishOnceAsync(Guid id, string type, JsonObject payload, Guid? instanceId, CancellationToken cancellationToken)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (await db.Outbox.AnyAsync(m => m.Id == id, cancellationToken))
            {
                return id;
            }
        }
        var message = new OutboxMessage
        {
            Id = id,
            Type = type,
            Payload = EngineJson.Write(payload),
            InstanceId = instanceId,
            CreatedAt = clock.GetUtcNow(),
        };
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            db.Outbox.Add(message);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                if (await ExistsAsync(id, cancellationToken))
                {
                    return id; // queued meanwhile by a concurrent run
                }
                throw;
            }
        }
        dispatcher.Dispatch([message.Id]);
        return message.Id;
    }

    /// <summary>A stable id for "the same message": SHA-256 of the parts, folded into a GUID.</summary>
    public static Guid StableId(params string[] parts)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join('\u001f', parts)));
        return new Guid(hash.AsSpan(0, 16));
    }

    private async Task<bool> ExistsAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Outbox.AnyAsync(m => m.Id == id, cancellationToken);
    }
}
