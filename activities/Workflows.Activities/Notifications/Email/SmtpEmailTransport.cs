using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Workflows.Activities.Notifications.Email;

/// <summary>SMTP through MailKit: TLS, authentication and the protocol are MailKit's, never hand-written.</summary>
public sealed class SmtpEmailTransport(IOptionsMonitor<EmailOptions> options) : IEmailTransport
{
    public Task<IEmailSession> OpenAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IEmailSession>(new Session(options.CurrentValue));

    private sealed class Session(EmailOptions options) : IEmailSession
    {
        private readonly SmtpClient _client = new() { Timeout = options.TimeoutSeconds * 1000 };
        private Exception? _connectFailure;

        public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            // Connecting lazily, and again after a dropped connection, lets the rest of a batch go
            // out when the server went away in the middle of it. A failed connect is not repeated
            // for every remaining recipient: the handler stays well inside the outbox claim, and
            // the executor's retry tries again later.
            if (_connectFailure is not null)
            {
                throw new IOException($"Not connected to the SMTP server: {_connectFailure.Message}", _connectFailure);
            }
            if (!_client.IsConnected)
            {
                try
                {
                    await _client.ConnectAsync(options.Host ?? "", options.EffectivePort, Map(options.Security), cancellationToken);
                    if (!string.IsNullOrEmpty(options.UserName))
                    {
                        await _client.AuthenticateAsync(options.UserName, options.Password ?? "", cancellationToken);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    _connectFailure = ex;
                    throw;
                }
            }
            try
            {
                await _client.SendAsync(message, cancellationToken);
            }
            catch (Exception ex) when (ex is not SmtpCommandException && _client.IsConnected)
            {
                // A protocol or I/O failure leaves the session in an unknown state: start afresh next time.
                await _client.DisconnectAsync(quit: false, CancellationToken.None);
                throw;
            }
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (_client.IsConnected)
                {
                    await _client.DisconnectAsync(quit: true, CancellationToken.None);
                }
            }
            catch (Exception ex) when (ex is IOException or SmtpProtocolException or System.Net.Sockets.SocketException)
            {
                // Every message's outcome is already known; a failed QUIT changes none of them.
            }
            _client.Dispose();
        }

        private static SecureSocketOptions Map(SmtpSecurity security) => security switch
        {
            SmtpSecurity.None => SecureSocketOptions.None,
            SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
            SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.Auto,
        };
    }
}
