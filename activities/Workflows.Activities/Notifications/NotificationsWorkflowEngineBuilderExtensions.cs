using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Workflows.Activities.Notifications.Activities;
using Workflows.Activities.Notifications.Email;
using Workflows.Activities.Notifications.Inbox;
using Workflows.Activities.Notifications.Persistence;
using Workflows.Activities.Notifications.Recipients;
using Workflows.Activities.Notifications.Templates;
using Workflows.Engine;
using Workflows.Engine.Persistence;

namespace Workflows.Activities.Notifications;

public static class NotificationsWorkflowEngineBuilderExtensions
{
    /// <summary>
    /// The in-app inbox and email: the <c>notify</c> and <c>email</c> activities, the
    /// <c>notification.send</c> outbox handler, the <c>nt_*</c> tables and their migrations.
    /// Options come from <c>Workflows:Notifications</c> and <c>Workflows:Email</c>; with no
    /// <c>Workflows:Email:Host</c> messages are written to the pickup folder. Call after the
    /// storage provider (<c>UseSqlite</c> / <c>UsePostgreSql</c>). The host replaces
    /// <see cref="IRecipientDirectory"/> with its user accounts by registering its own first or later with Replace.
    /// </summary>
    public static WorkflowEngineBuilder AddNotifications(this WorkflowEngineBuilder builder, Action<NotificationOptions>? configure = null, Action<EmailOptions>? configureEmail = null)
    {
        var services = builder.Services;
        var notifications = services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.Section);
        var email = services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section);
        if (configure is not null)
        {
            notifications.Configure(configure);
        }
        if (configureEmail is not null)
        {
            email.Configure(configureEmail);
        }

        WorkflowDatabase.AddModuleDbContext<NotificationsDbContext, SqliteNotificationsDbContext, PostgreSqlNotificationsDbContext>(
            services, NotificationsDbContext.MigrationsHistoryTable);

        services.TryAddSingleton<IRecipientDirectory, ConfiguredRecipientDirectory>();
        services.TryAddSingleton<SmtpEmailTransport>();
        services.TryAddSingleton<PickupFolderEmailTransport>();
        // Chosen when first needed, after every options action has run.
        services.TryAddSingleton<IEmailTransport>(sp => sp.GetRequiredService<IOptionsMonitor<EmailOptions>>().CurrentValue.UsesSmtp
            ? sp.GetRequiredService<SmtpEmailTransport>()
            : sp.GetRequiredService<PickupFolderEmailTransport>());
        services.TryAddSingleton<NotificationRenderer>();
        services.TryAddSingleton<NotificationEmailComposer>();
        services.TryAddSingleton<InboxWriter>();
        services.TryAddSingleton<EmailDispatcher>();
        services.TryAddSingleton<NotificationInbox>();
        services.TryAddSingleton<NotificationSendHandler>();

        return builder
            .AddActivity<NotifyActivity>()
            .AddActivity<EmailActivity>()
            .AddOutboxHandler<NotificationSendHandler>()
            .AddOutboxHandler<TaskAlertHandler>();
    }
}
