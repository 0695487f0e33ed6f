using Workflows.Activities.Notifications.Inbox;
using Workflows.Host.Components.Shared;

namespace Workflows.Host.Components.Layout;

/// <summary>
/// The signed-in person's in-app notifications for one circuit, shared by the bell (the unread count)
/// and the inbox drawer (the items), so marking an item read updates both.
/// </summary>
public sealed class InboxState(NotificationInbox inbox, CurrentUser user)
{
    public const int ItemsShown = 30;

    public int Unread { get; private set; }

    public IReadOnlyList<InboxItem> Items { get; private set; } = [];

    public event Action? Changed;

    public async Task RefreshCountAsync(CancellationToken cancellationToken = default)
    {
        var count = await inbox.CountUnreadAsync(await UserNameAsync(), cancellationToken);
        if (count != Unread)
        {
            Unread = count;
            Changed?.Invoke();
        }
    }

    public async Task LoadItemsAsync(CancellationToken cancellationToken = default)
    {
        var name = await UserNameAsync();
        Items = await inbox.ListAsync(name, unreadOnly: false, ItemsShown, cancellationToken);
        Unread = await inbox.CountUnreadAsync(name, cancellationToken);
        Changed?.Invoke();
    }

    public async Task MarkReadAsync(Guid itemId, CancellationToken cancellationToken = default)
    {
        await inbox.MarkReadAsync(itemId, await UserNameAsync(), cancellationToken);
        await LoadItemsAsync(cancellationToken);
    }

    public async Task MarkAllReadAsync(CancellationToken cancellationToken = default)
    {
        await inbox.MarkAllReadAsync(await UserNameAsync(), cancellationToken);
        await LoadItemsAsync(cancellationToken);
    }

    private async Task<string> UserNameAsync() => (await user.ActorAsync()).UserName;
}
