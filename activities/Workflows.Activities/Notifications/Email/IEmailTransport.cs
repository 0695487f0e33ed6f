using MimeKit;

namespace Workflows.Activities.Notifications.Email;

/// <summary>Delivers composed messages: over SMTP, or into a pickup folder when no server is configured.</summary>
public interface IEmailTransport
{
    /// <summary>Opens a session for a batch, so one notification's messages share a connection.</summary>
    Task<IEmailSession> OpenAsync(CancellationToken cancellationToken);
}

public interface IEmailSession : IAsyncDisposable
{
    /// <summary>Sends one message; throws when it was not accepted. Later sends in the session may still succeed.</summary>
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
