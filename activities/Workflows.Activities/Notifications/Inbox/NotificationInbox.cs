using Microsoft.EntityFrameworkCore;
using Workflows.Activities.Notifications.Persistence;

namespace Workflows.Activities.Notifications.Inbox;

/// <summary>
/// A person's in-app inbox, for the host's API and UI. Every call is scoped to one user name:
/// nobody reads or marks another person's items.
/// </summary>
public sealed class NotificationInbox(IDbContextFactory<NotificationsDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>Newest first.</summary>
    public async Task<IReadOnlyList<InboxItem>> ListAsync(string userName, bool unreadOnly = false, int take = 50, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var items = db.InboxItems.AsNoTracking().Where(i => i.Recipient == userName);
        if (unreadOnly)
        {
            items = items.Where(i => i.ReadAt == null);
        }
        return await items.OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id).Take(Math.Clamp(take, 1, 500)).ToListAsync(cancellationToken);
    }

    public async Task<int> CountUnreadAsync(string userName, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.InboxItems.CountAsync(i => i.Recipient == userName && i.ReadAt == null, cancellationToken);
    }

    /// <summary>False when the item does not exist or is someone else's; marking twice keeps the first time.</summary>
    public async Task<bool> MarkReadAsync(Guid itemId, string userName, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var item = await db.InboxItems.SingleOrDefaultAsync(i => i.Id == itemId && i.Recipient == userName, cancellationToken);
        if (item is null)
        {
            return false;
        }
        item.ReadAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<int> MarkAllReadAsync(string userName, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return await db.InboxItems.Where(i => i.Recipient == userName && i.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.ReadAt, now), cancellationToken);
    }
}
