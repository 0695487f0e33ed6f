using Microsoft.Extensions.Logging;
using Workflows.Activities.Notifications.Email;
using Workflows.Activities.Notifications.Inbox;
using Workflows.Activities.Notifications.Recipients;
using Workflows.Activities.Notifications.Templates;
using Workflows.Engine;
using Workflows.Engine.Outbox;

namespace Workflows.Activities.Notifications;

/// <summary>
/// Delivers a <c>notification.send</c> outbox message: inbox items, then emails. Each part
/// records what it has done per recipient, so running it again after a failure or a crash
/// delivers only what is missing; it throws while any email is unsent, and the executor retries.
/// </summary>
public sealed class NotificationSendHandler(
    IRecipientDirectory directory,
    NotificationRenderer renderer,
    InboxWriter inbox,
    EmailDispatcher email,
    ILogger<NotificationSendHandler> logger) : IOutboxHandler
{
    public string Type => NotificationOutbox.MessageType;

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var request = NotificationRequest.FromPayload(EngineJson.ParseObject(message.Payload));
        var recipients = await ResolveAsync(request.Recipients, cancellationToken);
        if (recipients.Count == 0)
        {
            // Retrying cannot make an unknown name known; the warning is what an admin can act on.
            logger.LogWarning("Notification {Id} names nobody the directory knows: {Recipients}", message.Id, string.Join(", ", request.Recipients));
            return;
        }
        var deliveries = recipients.Select(r => new Delivery(r, renderer.Render(request, r))).ToList();
        if (request.Channels.HasFlag(NotificationChannels.InApp))
        {
            await inbox.WriteAsync(message, request, deliveries, cancellationToken);
        }
        if (request.Channels.HasFlag(NotificationChannels.Email))
        {
            await email.SendAsync(message, deliveries, cancellationToken);
        }
    }

    private async Task<IReadOnlyList<NotificationRecipient>> ResolveAsync(IEnumerable<string> specs, CancellationToken cancellationToken)
    {
        var people = new Dictionary<string, NotificationRecipient>(StringComparer.OrdinalIgnoreCase);
        foreach (var text in specs.Where(s => !string.IsNullOrWhiteSpace(s)))
        {
            RecipientSpec spec;
            try
            {
                spec = RecipientSpec.Parse(text);
            }
            catch (FormatException ex)
            {
                logger.LogWarning("Notification recipient skipped: {Problem}", ex.Message);
                continue;
            }
            foreach (var person in await directory.ResolveAsync(spec, cancellationToken))
            {
                people.TryAdd(person.UserName, person);
            }
        }
        return [.. people.Values];
    }
}

/// <summary>One resolved recipient and what they are told.</summary>
public sealed record Delivery(NotificationRecipient Recipient, RenderedNotification Content);
