using System.Text;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Workflows.Activities.Notifications.Email;

/// <summary>
/// Writes each message as an .eml file (MimeKit's own writer) into the pickup folder, so a
/// fresh install with no SMTP server still shows what it would have sent. The file is named by
/// the Message-Id: a retry rewrites the same file instead of adding a second one.
/// </summary>
public sealed class PickupFolderEmailTransport(IOptionsMonitor<EmailOptions> options) : IEmailTransport
{
    public Task<IEmailSession> OpenAsync(CancellationToken cancellationToken)
    {
        var folder = Path.GetFullPath(options.CurrentValue.PickupFolder);
        Directory.CreateDirectory(folder);
        return Task.FromResult<IEmailSession>(new Session(folder));
    }

    public static string FileNameFor(MimeMessage message)
    {
        var id = message.MessageId ?? throw new InvalidOperationException("A message for the pickup folder needs a Message-Id.");
        var name = new StringBuilder(id.Length);
        foreach (var c in id)
        {
            name.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_');
        }
        return name + ".eml";
    }

    private sealed class Session(string folder) : IEmailSession
    {
        public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            // 8bit UTF-8 keeps the Chinese text readable in the raw file. The line limit is RFC 5322's
            // 998 octets: at the default 78 a line of 27 Chinese characters would force base64.
            message.Prepare(EncodingConstraint.EightBit, maxLineLength: 998);
            var target = Path.Combine(folder, FileNameFor(message));
            var temporary = target + ".tmp";
            // Written aside and moved into place, so a reader of the folder never sees half a message.
            await using (var stream = File.Create(temporary))
            {
                await message.WriteToAsync(stream, cancellationToken);
            }
            File.Move(temporary, target, overwrite: true);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
