using System.Text.Json.Nodes;
using Workflows.Activities.Notifications;
using Workflows.Activities.Notifications.Activities;
using Workflows.Engine.Runtime;
using static Workflows.Engine.Tests.Runtime.Bpmn;

namespace Workflows.Engine.Tests.Notifications;

/// <summary>
/// BPMN through the real engine: a send task with fz:type="notify" queues a message in its step,
/// and processing the outbox delivers inbox items and emails to a real SMTP server.
/// </summary>
public sealed class NotifyEndToEndTests(SmtpServerFixture smtp) : IClassFixture<SmtpServerFixture>, IAsyncLifetime
{
    private NotificationHost _host = null!;

    public async Task InitializeAsync()
    {
        await smtp.HealAsync();
        _host = await NotificationHost.StartAsync(smtp.Port);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task NotifyTask_DeliversInboxItemsAndEmails_AndJournalsIt()
    {
        await _host.Engine.DeployAsync(Process("notify-flow", $$"""
            <bpmn:startEvent id="start" />
            <bpmn:sendTask id="tell" name="通知审查" fz:type="notify" fz:kind="assignment"
                           fz:recipients="legal-office:reviewer, ${owner}"
                           fz:title="请审查：${title}" fz:body="事项「${title}」已提交，请于5个工作日内完成合法性审查。" />
            {{UserTask("review")}}
            {{Flow("start", "tell")}}
            {{Flow("tell", "review")}}
            """));
        var instance = await _host.Engine.StartAsync("notify-flow", new JsonObject { ["title"] = "关于调整城市供水价格的决定", ["owner"] = "owner" });

        await _host.Engine.DrainOutboxAsync();

        var outbox = await _host.Engine.QueryAsync(db => Task.FromResult(db.Outbox.Single(m => m.InstanceId == instance.Id && m.Type == NotificationOutbox.MessageType)));
        var items = await _host.InboxItemsAsync(outbox.Id);
        Assert.Equal(["legal", "owner", "reviewer"], items.Select(i => i.Recipient));
        Assert.All(items, i => Assert.Equal(("请审查：关于调整城市供水价格的决定", NotificationKind.Assignment, instance.Id), (i.Title, i.Kind, i.InstanceId)));
        var mails = smtp.ReceivedFor(outbox.Id);
        Assert.Equal(["liming@fazhi.test", "zhangwei@fazhi.test", "zhaoqiang@fazhi.test"], mails.SelectMany(m => m.EnvelopeTo).Order());
        Assert.All(mails, m => Assert.Contains("合法性审查", m.Message.TextBody));
        var journal = await _host.Engine.HistoryAsync(instance.Id);
        Assert.Contains(journal, e => e.Kind == NotificationActivity.JournalKind && e.ActivityId == "tell");
        Assert.Single(await _host.Engine.TasksAsync(instance.Id));
        Assert.True((await _host.Engine.VerifyAsync(instance.Id)).Valid);
    }

    [Fact]
    public async Task EmailTask_WithoutRecipients_IsRefusedAtPublish()
    {
        var error = await Assert.ThrowsAsync<WorkflowValidationException>(() => _host.Engine.DeployAsync(Process("bad-email", """
            <bpmn:startEvent id="start" />
            <bpmn:serviceTask id="mail" fz:type="email" fz:subject="材料补正通知" />
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="mail" />
            <bpmn:sequenceFlow id="f2" sourceRef="mail" targetRef="end" />
            """)));

        Assert.Contains(error.Errors, e => e.Target == "mail" && e.Message.Contains("fz:recipients", StringComparison.Ordinal));
    }
}
