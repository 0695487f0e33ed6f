using Microsoft.Extensions.DependencyInjection.Extensions;
using Workflows.Activities.Notifications;
using Workflows.Activities.Notifications.Email;
using Workflows.Activities.Notifications.Recipients;
using Workflows.Engine;

namespace Workflows.Host.Notifications;

public static class NotificationsHosting
{
    /// <summary>
    /// The notifications module (the <c>notify</c> and <c>email</c> activities, the inbox, email
    /// through the outbox) with the host's accounts as its directory of people. Email settings bind
    /// from <c>Workflows:Email</c>; a relative pickup folder is placed under the content root, like
    /// the SQLite file, so <c>data/mail-pickup</c> lands beside <c>data/workflows.db</c> whatever the
    /// working directory.
    /// </summary>
    public static WorkflowEngineBuilder AddNotificationsHosting(this WorkflowEngineBuilder engine)
    {
        engine.AddNotifications();
        var services = engine.Services;
        services.Replace(ServiceDescriptor.Singleton<IRecipientDirectory, AccountsRecipientDirectory>());
        services.AddOptions<EmailOptions>().PostConfigure<IHostEnvironment>((email, environment) =>
            email.PickupFolder = Path.GetFullPath(email.PickupFolder, environment.ContentRootPath));
        return engine;
    }
}
