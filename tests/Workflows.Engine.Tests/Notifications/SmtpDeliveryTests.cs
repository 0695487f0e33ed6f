using System.Text.Json.Nodes;
using MimeKit;
using Workflows.Activities.Notifications;
using Workflows.Activities.Notifications.Email;
using Workflows.Activities.Notifications.Templates;

namespace Workflows.Engine.Tests.Notifications;

/// <summary>Email through a real SMTP server: content, Message-Ids, retries and partial failures.</summary>
public sealed class SmtpDeliveryTests(SmtpServerFixture smtp) : IClassFixture<SmtpServerFixture>, IAsyncLifetime
{
    private NotificationHost _host = null!;

    public async Task InitializeAsync()
    {
        await smtp.HealAsync();
        _host = await NotificationHost.StartAsync(smtp.Port);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await smtp.HealAsync();
    }

    private static NotificationRequest Reminder(params string[] recipients) => new()
    {
        Recipients = recipients,
        Kind = NotificationKind.Reminder,
        Template = NotificationTemplateKeys.TaskReminder,
        Data = new JsonObject
        {
            ["taskName"] = "合法性审查",
            ["businessKey"] = "关于调整城市供水价格的决定",
            ["dueAt"] = "2026-03-16T16:00:00Z",
            ["daysLeft"] = 3,
        },
        TaskId = Guid.Parse("0195f0a0-0000-7000-8000-000000000001"),
    };

    [Fact]
    public async Task Send_ChineseSubjectAndBody_ArriveIntact()
    {
        var id = await _host.PublishAsync(Reminder("user:reviewer"));

        await _host.ProcessAsync(id);

        var mail = Assert.Single(smtp.ReceivedFor(id));
        var message = mail.Message;
        Assert.Equal("办理提醒：合法性审查（距办理期限还有3个工作日）", message.Subject);
        Assert.Equal(["liming@fazhi.test"], mail.EnvelopeTo);
        Assert.Equal("李明", ((MailboxAddress)message.To.Single()).Name);
        Assert.Equal("法治政府建设工作平台", ((MailboxAddress)message.From.Single()).Name);
        Assert.Contains("李明，您好：", message.TextBody);
        Assert.Contains("距办理期限还有3个工作日", message.TextBody);
        // 16:00 UTC on 16 March is the 17th in Beijing.
        Assert.Contains("办理期限：2026年3月17日", message.TextBody);
        Assert.Contains("办理链接：https://fazhi.example.gov.cn/tasks/0195f0a0-0000-7000-8000-000000000001", message.TextBody);
        Assert.Contains("href=\"https://fazhi.example.gov.cn/tasks/0195f0a0-0000-7000-8000-000000000001\"", message.HtmlBody);
        Assert.Contains("关于调整城市供水价格的决定", message.HtmlBody);

        // On the wire: the subject as an RFC 2047 encoded word, the text part as UTF-8.
        var raw = await File.ReadAllTextAsync(mail.File);
        var subjectLine = raw.Split("\r\n").First(l => l.StartsWith("Subject:", StringComparison.Ordinal));
        Assert.Contains("=?utf-8?", subjectLine, StringComparison.OrdinalIgnoreCase);
        var text = message.BodyParts.OfType<TextPart>().Single(p => p.IsPlain);
        Assert.Equal("utf-8", text.ContentType.Charset, ignoreCase: true);
    }

    [Fact]
    public async Task Send_MessageId_IsStableAcrossRetries()
    {
        var id = await _host.PublishAsync(Reminder("user:reviewer"));
        // A crash after the handover to the server, before the delivery was recorded as sent.
        await _host.HandleAgainAsync(id);
        await _host.ForgetSentAsync(id);

        await _host.HandleAgainAsync(id);

        var mails = smtp.ReceivedFor(id);
        Assert.Equal(2, mails.Count);
        var expected = NotificationEmailComposer.MessageIdFor(id, "liming@fazhi.test", "fazhi.example.gov.cn");
        Assert.All(mails, m => Assert.Equal(expected, m.Message.MessageId));
        Assert.Equal(mails[0].Message.Subject, mails[1].Message.Subject);
        Assert.Equal(mails[0].Message.Date, mails[1].Message.Date);
        // The same message byte for byte, MIME boundaries included.
        Assert.Equal(await File.ReadAllBytesAsync(mails[0].File), await File.ReadAllBytesAsync(mails[1].File));
        Assert.Equal(expected, Assert.Single(await _host.DeliveriesAsync(id)).MessageId);
    }

    [Fact]
    public async Task Handle_SameMessageTwice_SendsOneEmailAndOneInboxItemPerRecipient()
    {
        var id = await _host.PublishAsync(Reminder("legal-office:reviewer", "owner"));

        await _host.HandleAgainAsync(id);
        await _host.HandleAgainAsync(id);
        await _host.ProcessAsync(id);

        var mails = smtp.ReceivedFor(id);
        Assert.Equal(["liming@fazhi.test", "zhangwei@fazhi.test", "zhaoqiang@fazhi.test"], mails.SelectMany(m => m.EnvelopeTo).Order());
        Assert.Equal(["legal", "owner", "reviewer"], (await _host.InboxItemsAsync(id)).Select(i => i.Recipient));
        Assert.All(await _host.DeliveriesAsync(id), d => Assert.Equal((EmailDeliveryStatus.Sent, 1), (d.Status, d.Attempts)));
        Assert.Null((await _host.OutboxMessageAsync(id)).LastError);
    }

    [Fact]
    public async Task Process_RecipientRejected_RetrySendsOnlyTheMissingOne()
    {
        smtp.Reject("zhangwei@fazhi.test");
        var id = await _host.PublishAsync(Reminder("role:reviewer", "user:owner"));

        var failure = await Assert.ThrowsAsync<EmailDeliveryException>(() => _host.ProcessAsync(id));

        Assert.Contains("1 of 3", failure.Message);
        Assert.Contains("zhangwei@fazhi.test", (await _host.OutboxMessageAsync(id)).LastError);
        Assert.Equal(["liming@fazhi.test", "zhaoqiang@fazhi.test"], smtp.ReceivedFor(id).SelectMany(m => m.EnvelopeTo).Order());
        var failed = Assert.Single(await _host.DeliveriesAsync(id), d => d.Status == EmailDeliveryStatus.Failed);
        Assert.Equal("zhangwei@fazhi.test", failed.Recipient);
        Assert.NotNull(failed.LastError);
        Assert.Equal(3, (await _host.InboxItemsAsync(id)).Count);

        await smtp.HealAsync();
        await _host.ProcessAsync(id);

        Assert.Equal(["liming@fazhi.test", "zhangwei@fazhi.test", "zhaoqiang@fazhi.test"], smtp.ReceivedFor(id).SelectMany(m => m.EnvelopeTo).Order());
        Assert.All(await _host.DeliveriesAsync(id), d => Assert.Equal(EmailDeliveryStatus.Sent, d.Status));
        Assert.Equal(2, (await _host.DeliveriesAsync(id)).Single(d => d.Recipient == "zhangwei@fazhi.test").Attempts);
        Assert.Equal(3, (await _host.InboxItemsAsync(id)).Count);
        Assert.NotNull((await _host.OutboxMessageAsync(id)).ProcessedAt);
    }

    [Fact]
    public async Task Process_ServerDiesMidway_RetrySendsOnlyTheMissingOnes()
    {
        smtp.StopAfter(smtp.AcceptedSoFar + 1);
        var id = await _host.PublishAsync(Reminder("legal-office:*", "owner"));

        await Assert.ThrowsAsync<EmailDeliveryException>(() => _host.ProcessAsync(id));

        Assert.False(smtp.IsRunning);
        var first = Assert.Single(smtp.ReceivedFor(id));
        var deliveries = await _host.DeliveriesAsync(id);
        Assert.Equal(first.EnvelopeTo.Single(), Assert.Single(deliveries, d => d.Status == EmailDeliveryStatus.Sent).Recipient);
        Assert.Equal(3, deliveries.Count(d => d.Status == EmailDeliveryStatus.Failed));

        await smtp.HealAsync();
        await _host.ProcessAsync(id);

        // Four people with addresses; the leader of the justice bureau has none and only gets the inbox item.
        var mails = smtp.ReceivedFor(id);
        Assert.Equal(["liming@fazhi.test", "wangfang@fazhi.test", "zhangwei@fazhi.test", "zhaoqiang@fazhi.test"], mails.SelectMany(m => m.EnvelopeTo).Order());
        Assert.Equal(mails.Count, mails.Select(m => m.Message.MessageId).Distinct().Count());
        Assert.Equal(["legal", "owner", "reviewer", "supervisor"], (await _host.InboxItemsAsync(id)).Select(i => i.Recipient));
    }

    [Fact]
    public async Task Process_EmailChannelOnly_WritesNoInboxItemAndSkipsPeopleWithoutAddress()
    {
        var id = await _host.PublishAsync(new NotificationRequest
        {
            Recipients = ["justice-bureau:supervisor", "justice-bureau:owner"],
            Channels = NotificationChannels.Email,
            Title = "逾期督办：规范性文件备案审查",
            Body = "请尽快办理。",
        });

        await _host.ProcessAsync(id);

        Assert.Equal(["zhaoqiang@fazhi.test"], smtp.ReceivedFor(id).SelectMany(m => m.EnvelopeTo));
        Assert.Empty(await _host.InboxItemsAsync(id));
    }
}
