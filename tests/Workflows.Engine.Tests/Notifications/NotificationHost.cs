using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Activities.Notifications;
using Workflows.Activities.Notifications.Email;
using Workflows.Activities.Notifications.Inbox;
using Workflows.Activities.Notifications.Persistence;
using Workflows.Activities.Notifications.Recipients;
using Workflows.Engine.Outbox;
using Workflows.Engine.Tests.Runtime;

namespace Workflows.Engine.Tests.Notifications;

/// <summary>The real engine (EngineHarness) with AddNotifications and a small directory of people.</summary>
public sealed class NotificationHost : IAsyncDisposable
{
    private NotificationHost(EngineHarness engine, string pickupFolder)
    {
        Engine = engine;
        PickupFolder = pickupFolder;
    }

    public EngineHarness Engine { get; }
    public string PickupFolder { get; }
    public IServiceProvider Services => Engine.Services;

    /// <summary>Two units: the legal affairs office (法制办) and the justice bureau (司法局).</summary>
    public static List<DirectoryPerson> People() =>
    [
        new() { UserName = "reviewer", DisplayName = "李明", Email = "liming@fazhi.test", Unit = "legal-office", Roles = ["reviewer"] },
        new() { UserName = "legal", DisplayName = "张伟", Email = "zhangwei@fazhi.test", Unit = "legal-office", Roles = ["reviewer", "legal"] },
        new() { UserName = "supervisor", DisplayName = "王芳", Email = "wangfang@fazhi.test", Unit = "legal-office", Roles = ["supervisor"] },
        new() { UserName = "owner", DisplayName = "赵强", Email = "zhaoqiang@fazhi.test", Unit = "justice-bureau", Roles = ["owner"] },
        new() { UserName = "leader", DisplayName = "陈静", Email = null, Unit = "justice-bureau", Roles = ["leader", "supervisor"] },
    ];

    /// <summary>Sends through the SMTP server on <paramref name="smtpPort"/>, or into a pickup folder when null.</summary>
    public static async Task<NotificationHost> StartAsync(int? smtpPort, TestDatabase? database = null, Action<IServiceCollection>? services = null)
    {
        var pickup = Path.Combine(Path.GetTempPath(), "fazhi-pickup-tests", Guid.NewGuid().ToString("N"));
        var engine = await EngineHarness.StartAsync(builder =>
        {
            builder.AddNotifications(
                o => o.People = People(),
                e =>
                {
                    e.Host = smtpPort is null ? null : "127.0.0.1";
                    e.Port = smtpPort ?? 0;
                    e.Security = SmtpSecurity.None;
                    e.From = "noreply@fazhi.example.gov.cn";
                    e.PublicBaseUrl = "https://fazhi.example.gov.cn/";
                    e.PickupFolder = pickup;
                    e.TimeoutSeconds = 10;
                });
            services?.Invoke(builder.Services);
        }, database);
        return new NotificationHost(engine, pickup);
    }

    public Task<Guid> PublishAsync(NotificationRequest request) =>
        Services.GetRequiredService<OutboxPublisher>().PublishNotificationAsync(request, CancellationToken.None);

    /// <summary>Runs the message through the outbox processor, as the background executor does.</summary>
    public Task ProcessAsync(Guid outboxMessageId) =>
        Services.GetRequiredService<IOutboxProcessor>().ProcessAsync(outboxMessageId, CancellationToken.None);

    /// <summary>
    /// Runs the handler itself on the stored message, regardless of whether it was processed:
    /// what the executor does when a worker died after the handler ran but before it was marked done.
    /// </summary>
    public async Task HandleAgainAsync(Guid outboxMessageId)
    {
        var message = await Engine.QueryAsync(db => db.Outbox.AsNoTracking().SingleAsync(m => m.Id == outboxMessageId));
        var handler = Services.GetServices<IOutboxHandler>().OfType<NotificationSendHandler>().Single();
        await handler.HandleAsync(message, CancellationToken.None);
    }

    public Task<OutboxMessage> OutboxMessageAsync(Guid id) =>
        Engine.QueryAsync(db => db.Outbox.AsNoTracking().SingleAsync(m => m.Id == id));

    public async Task<List<InboxItem>> InboxItemsAsync(Guid outboxMessageId)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<NotificationsDbContext>>().CreateDbContextAsync();
        return await db.InboxItems.AsNoTracking().Where(i => i.SourceMessageId == outboxMessageId).OrderBy(i => i.Recipient).ToListAsync();
    }

    public async Task<List<EmailDelivery>> DeliveriesAsync(Guid outboxMessageId)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<NotificationsDbContext>>().CreateDbContextAsync();
        return await db.EmailDeliveries.AsNoTracking().Where(d => d.OutboxMessageId == outboxMessageId).OrderBy(d => d.Recipient).ToListAsync();
    }

    /// <summary>Puts the deliveries back into the state a crash between the send and its record leaves.</summary>
    public async Task ForgetSentAsync(Guid outboxMessageId)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<NotificationsDbContext>>().CreateDbContextAsync();
        foreach (var delivery in db.EmailDeliveries.Where(d => d.OutboxMessageId == outboxMessageId))
        {
            delivery.Status = EmailDeliveryStatus.Sending;
            delivery.SentAt = null;
        }
        await db.SaveChangesAsync();
    }

    public NotificationInbox Inbox => Services.GetRequiredService<NotificationInbox>();

    public async ValueTask DisposeAsync()
    {
        await Engine.DisposeAsync();
        try
        {
            Directory.Delete(PickupFolder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // nothing was written
        }
    }
}
