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
    public async Task<Guid> PublishAsync(string type, JsonObject payload, Guid? instanceId, CancellationToken cancellationToken)
    {
        var message = new OutboxMessage
        {
            Id = Guid.CreateVersion7(),
            Type = type,
            Payload = EngineJson.Write(payload),
            InstanceId = instanceId,
            CreatedAt = clock.GetUtcNow(),
        };
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            db.Outbox.Add(message);
            await db.SaveChangesAsync(cancellationToken);
        }
        dispatcher.Dispatch([message.Id]);
        return message.Id;
    }
}
