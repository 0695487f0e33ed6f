using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using MimeKit;
using Workflows.Activities.Notifications.Recipients;
using Workflows.Activities.Notifications.Templates;

namespace Workflows.Activities.Notifications.Email;

/// <summary>
/// Builds the email for one recipient: plain text plus a simple HTML alternative with the link.
/// Everything in it derives from the outbox message, so every attempt produces the same message.
/// </summary>
public sealed class NotificationEmailComposer(IOptionsMonitor<EmailOptions> options, NotificationRenderer renderer)
{
    /// <summary>
    /// The RFC 5322 Message-Id for one notification to one address (without angle brackets): the
    /// same on every retry, so a message that is sent again after a crash is recognisably the same
    /// message, never a second, different one.
    /// </summary>
    public static string MessageIdFor(Guid outboxMessageId, string address, string domain)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(NormalizeAddress(address)));
        return $"notification.{outboxMessageId:N}.{Convert.ToHexStringLower(hash)[..16]}@{domain}";
    }

    /// <summary>Mailboxes are compared lower-cased: the local part is case-sensitive in theory, never in practice.</summary>
    public static string NormalizeAddress(string address) => address.Trim().ToLowerInvariant();

    public string MessageIdFor(Guid outboxMessageId, string address)
    {
        var from = options.CurrentValue.From;
        var at = from.LastIndexOf('@');
        var domain = at >= 0 && at < from.Length - 1 ? from[(at + 1)..].Trim() : "fazhi.local";
        return MessageIdFor(outboxMessageId, address, domain);
    }

    public MimeMessage Compose(RenderedNotification content, NotificationRecipient recipient, string address, string messageId, DateTimeOffset date)
    {
        var settings = options.CurrentValue;
        var message = new MimeMessage
        {
            MessageId = messageId,
            Date = date,
            Subject = content.Title,
        };
        message.From.Add(new MailboxAddress(settings.FromName, settings.From));
        message.To.Add(new MailboxAddress(recipient.DisplayName, address));
        // RFC 3834: tells out-of-office responders not to answer a machine.
        message.Headers.Add("Auto-Submitted", "auto-generated");

        var link = renderer.AbsoluteLink(content.Link);
        var footer = renderer.Text("Footer");
        var text = new StringBuilder(content.Body);
        if (link is not null)
        {
            text.Append("\n\n").Append(renderer.Text("LinkLine").Replace("{link}", link, StringComparison.Ordinal));
        }
        text.Append("\n\n--\n").Append(footer).Append('\n');

        var body = new BodyBuilder { TextBody = text.ToString(), HtmlBody = Html(content, link, footer) };
        message.Body = body.ToMessageBody();
        if (message.Body is Multipart multipart)
        {
            // MimeKit draws a random boundary; derived from the Message-Id instead, a re-send after a
            // crash is the same message byte for byte, not merely the same Message-Id.
            multipart.Boundary = "=-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(messageId)))[..32];
        }
        return message;
    }

    private string Html(RenderedNotification content, string? link, string footer)
    {
        var html = new StringBuilder("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"></head><body style=\"font-family:sans-serif\">");
        foreach (var paragraph in content.Body.ReplaceLineEndings("\n").Split("\n\n"))
        {
            html.Append("<p>").Append(WebUtility.HtmlEncode(paragraph).Replace("\n", "<br>", StringComparison.Ordinal)).Append("</p>");
        }
        if (link is not null)
        {
            html.Append("<p><a href=\"").Append(WebUtility.HtmlEncode(link)).Append("\">")
                .Append(WebUtility.HtmlEncode(renderer.Text("LinkLabel"))).Append("</a></p>");
        }
        html.Append("<p style=\"color:#888;font-size:small\">").Append(WebUtility.HtmlEncode(footer)).Append("</p></body></html>");
        return html.ToString();
    }
}
