using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MimeKit;
using Workflows.Activities.Notifications.Email;

namespace Workflows.Host.Tests.Notifications;

/// <summary>With no SMTP server configured, email is written as .eml files under the content root's data folder.</summary>
public sealed class PickupFolderTests(PickupFolderHostFactory host) : IClassFixture<PickupFolderHostFactory>
{
    [Fact]
    public void PickupFolder_DefaultsToDataMailPickup_UnderTheContentRoot()
    {
        var environment = host.Services.GetRequiredService<IHostEnvironment>();
        var email = host.Services.GetRequiredService<IOptionsMonitor<EmailOptions>>().CurrentValue;

        Assert.Equal(Path.GetFullPath(host.ContentRoot), Path.GetFullPath(environment.ContentRootPath));
        Assert.False(email.UsesSmtp);
        Assert.Equal(host.PickupFolder, email.PickupFolder);
    }

    [Fact]
    public async Task NotifyTask_WritesTheReviewersEmailAsAnEmlFile_WhenNoSmtpHostIsConfigured()
    {
        await NotifyFlow.PublishAsync(host, "pickup-flow");

        var instanceId = await NotifyFlow.StartAsync(host, "pickup-flow", "城关镇〔2026〕2号", "关于集贸市场摊位管理的通告");

        MimeMessage? message = null;
        await NotifyFlow.WaitUntilAsync(() =>
        {
            message = Directory.Exists(host.PickupFolder)
                ? Directory.GetFiles(host.PickupFolder, "*.eml").Select(f => MimeMessage.Load(f))
                    .FirstOrDefault(m => m.TextBody?.Contains(instanceId.ToString(), StringComparison.Ordinal) == true)
                : null;
            return message is not null;
        }, $"an .eml file in {host.PickupFolder}");
        Assert.Equal("reviewer@fazhi.local", message!.To.Mailboxes.Single().Address);
        Assert.Equal("请审查：关于集贸市场摊位管理的通告", message.Subject);
        Assert.Contains($"http://127.0.0.1:5080/instances/{instanceId}", message.TextBody);
    }
}
