using Microsoft.EntityFrameworkCore;
using Workflows.Activities.Notifications.Persistence;
using Workflows.Engine.Outbox;

namespace Workflows.Activities.Notifications.Inbox;

/// <summary>Adds the inbox items of one notification that are not there yet.</summary>
public sealed class InboxWriter(IDbContextFactory<NotificationsDbContext> dbFactory, TimeProvider clock)
{
    public async Task<int> WriteAsync(OutboxMessage message, NotificationRequest request, IReadOnlyList<Delivery> deliveries, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var existing = await db.InboxItems.Where(i => i.SourceMessageId == message.Id).Select(i => i.Recipient).ToListAsync(cancellationToken);
        var have = existing.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var now = clock.GetUtcNow();
        var added = 0;
        foreach (var (recipient, content) in deliveries.Where(d => !have.Contains(d.Recipient.UserName)))
        {
            db.InboxItems.Add(new InboxItem
            {
                Id = Guid.CreateVersion7(),
                Recipient = recipient.UserName,
                Kind = request.Kind,
                Title = Truncate(content.Title, 500),
                Body = content.Body,
                Link = content.Link is null ? null : Truncate(content.Link, 1000),
                InstanceId = request.InstanceId ?? message.InstanceId,
                TaskId = request.TaskId,
                CreatedAt = now,
                SourceMessageId = message.Id,
            });
            added++;
        }
        // The unique (SourceMessageId, Recipient) index backs this up: a concurrent duplicate fails
        // the save, and the executor's retry then finds the items present.
        await db.SaveChangesAsync(cancellationToken);
        return added;
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
