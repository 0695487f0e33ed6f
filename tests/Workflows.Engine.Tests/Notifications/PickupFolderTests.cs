using MimeKit;
using Workflows.Activities.Notifications;
using Workflows.Activities.Notifications.Email;

namespace Workflows.Engine.Tests.Notifications;

/// <summary>With no SMTP host configured, messages land as .eml files a person can open.</summary>
public sealed class PickupFolderTests : IAsyncLifetime
{
    private NotificationHost _host = null!;

    public async Task InitializeAsync() => _host = await NotificationHost.StartAsync(smtpPort: null);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Process_NoSmtpHost_WritesReadableEmlPerRecipient()
    {
        var id = await _host.PublishAsync(new NotificationRequest
        {
            Recipients = ["owner"],
            Kind = NotificationKind.Assignment,
            Title = "新待办：起草说明",
            Body = "您有一项新的待办事项：起草说明\n事项：关于加强城市管理的若干规定",
            Link = "/tasks/0195f0a0-0000-7000-8000-0000000000aa",
        });

        await _host.ProcessAsync(id);

        var file = Assert.Single(Directory.GetFiles(_host.PickupFolder));
        Assert.EndsWith(".eml", file);
        var message = await MimeMessage.LoadAsync(file);
        Assert.Equal("新待办：起草说明", message.Subject);
        Assert.Equal(NotificationEmailComposer.MessageIdFor(id, "zhaoqiang@fazhi.test", "fazhi.example.gov.cn"), message.MessageId);
        Assert.Contains("关于加强城市管理的若干规定", message.TextBody);
        Assert.Contains("https://fazhi.example.gov.cn/tasks/0195f0a0-0000-7000-8000-0000000000aa", message.HtmlBody);
        // Readable as it lies in the folder: UTF-8 text, not base64.
        Assert.Contains("关于加强城市管理的若干规定", await File.ReadAllTextAsync(file));
        Assert.Equal(EmailDeliveryStatus.Sent, Assert.Single(await _host.DeliveriesAsync(id)).Status);
    }

    [Fact]
    public async Task Handle_RetriedAfterCrash_RewritesTheSameFiles()
    {
        var id = await _host.PublishAsync(new NotificationRequest { Recipients = ["legal-office:reviewer"], Title = "会议通知" });
        await _host.HandleAgainAsync(id);
        await _host.ForgetSentAsync(id);

        await _host.HandleAgainAsync(id);

        Assert.Equal(2, Directory.GetFiles(_host.PickupFolder, "*.eml").Length);
        Assert.Empty(Directory.GetFiles(_host.PickupFolder, "*.tmp"));
    }
}
