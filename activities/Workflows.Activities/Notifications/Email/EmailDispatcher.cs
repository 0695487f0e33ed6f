using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Workflows.Activities.Notifications.Persistence;
using Workflows.Engine.Outbox;

namespace Workflows.Activities.Notifications.Email;

/// <summary>
/// Sends one notification's emails, one message per address, skipping addresses already sent
/// for this outbox message. Each attempt is recorded before the message goes out, so a crash
/// mid-send leaves a trace and the retry re-sends with the same Message-Id.
/// </summary>
public sealed class EmailDispatcher(
    IDbContextFactory<NotificationsDbContext> dbFactory,
    IEmailTransport transport,
    NotificationEmailComposer composer,
    TimeProvider clock,
    ILogger<EmailDispatcher> logger)
{
    public async Task<int> SendAsync(OutboxMessage message, IReadOnlyList<Delivery> deliveries, CancellationToken cancellationToken)
    {
        var targets = deliveries
            .Where(d => !string.IsNullOrWhiteSpace(d.Recipient.Email))
            .DistinctBy(d => NotificationEmailComposer.NormalizeAddress(d.Recipient.Email!))
            .ToList();
        if (targets.Count == 0)
        {
            return 0;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var records = await db.EmailDeliveries.Where(d => d.OutboxMessageId == message.Id).ToDictionaryAsync(d => d.Recipient, cancellationToken);
        var pending = targets.Where(t => records.GetValueOrDefault(NotificationEmailComposer.NormalizeAddress(t.Recipient.Email!))?.Status != EmailDeliveryStatus.Sent).ToList();
        if (pending.Count == 0)
        {
            return 0;
        }

        var failures = new List<string>();
        await using (var session = await transport.OpenAsync(cancellationToken))
        {
            foreach (var (recipient, content) in pending)
            {
                var address = NotificationEmailComposer.NormalizeAddress(recipient.Email!);
                if (!records.TryGetValue(address, out var record))
                {
                    record = new EmailDelivery
                    {
                        Id = Guid.CreateVersion7(),
                        OutboxMessageId = message.Id,
                        Recipient = address,
                        MessageId = composer.MessageIdFor(message.Id, address),
                    };
                    db.EmailDeliveries.Add(record);
                    records[address] = record;
                }
                record.Status = EmailDeliveryStatus.Sending;
                record.Attempts++;
                await db.SaveChangesAsync(cancellationToken);
                try
                {
                    // Dated when the notification was queued: every attempt writes the identical message.
                    await session.SendAsync(composer.Compose(content, recipient, recipient.Email!.Trim(), record.MessageId, message.CreatedAt), cancellationToken);
                    record.Status = EmailDeliveryStatus.Sent;
                    record.SentAt = clock.GetUtcNow();
                    record.LastError = null;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Email {MessageId} to {Address} failed on attempt {Attempt}", record.MessageId, address, record.Attempts);
                    record.Status = EmailDeliveryStatus.Failed;
                    record.LastError = ex.Message.Length > 2000 ? ex.Message[..2000] : ex.Message;
                    failures.Add($"{address}: {ex.Message}");
                }
                await db.SaveChangesAsync(CancellationToken.None);
            }
        }
        if (failures.Count > 0)
        {
            throw new EmailDeliveryException($"{failures.Count} of {pending.Count} emails were not sent; a retry sends only those. {string.Join("; ", failures)}");
        }
        return pending.Count;
    }
}

/// <summary>Some emails of a notification were not accepted; the others are recorded as sent.</summary>
public sealed class EmailDeliveryException(string message) : Exception(message);
