using Microsoft.Extensions.DependencyInjection;
using Workflows.Activities.Notifications.Inbox;
using Workflows.Activities.Notifications;
using Workflows.Engine.Runtime.Execution;
using static Workflows.Engine.Tests.Runtime.Bpmn;

namespace Workflows.Engine.Tests.Notifications;

/// <summary>The ladder end to end: a rung fires on the simulated clock, the alert is delivered to the inbox and a real SMTP server.</summary>
public sealed class TaskAlertTests(SmtpServerFixture smtp) : IClassFixture<SmtpServerFixture>, IAsyncLifetime
{
    private NotificationHost _host = null!;

    public async Task InitializeAsync()
    {
        await smtp.HealAsync();
        _host = await NotificationHost.StartAsync(smtp.Port);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Ladder_RemindsHolderAndEscalatesToSupervisor_ByInboxAndEmail()
    {
        // Mon 2026-03-02 09:00; due in 3 working days → end of Thu 03-05.
        await _host.Engine.DeployAsync(Process("supervised", $"""
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="review" name="合法性审查" fz:assignee="reviewer" fz:due="3WD">
              <bpmn:extensionElements>
                <fz:ladder>
                  <fz:remind before="1WD" />
                  <fz:escalate after="1WD" to="legal-office:supervisor" />
                </fz:ladder>
              </bpmn:extensionElements>
            </bpmn:userTask>
            {UserTask("next", "owner")}
            {Flow("start", "review")}
            {Flow("review", "next")}
            """));
        var instance = await _host.Engine.StartAsync("supervised", businessKey: "县政府规范性文件审查-2026-07");
        await _host.Engine.DrainOutboxAsync();
        var inbox = _host.Services.GetRequiredService<NotificationInbox>();
        Assert.Equal("新待办：合法性审查", Assert.Single(await inbox.ListAsync("reviewer")).Title);

        await _host.Engine.AdvanceAsync(TimeSpan.FromDays(4)); // Wed 09:00 reminder, Fri 09:00 escalation
        await _host.Engine.DrainOutboxAsync();

        var reviewerItems = await inbox.ListAsync("reviewer");
        Assert.Contains(reviewerItems, i => i.Kind == NotificationKind.Reminder && i.Title == "办理提醒：合法性审查（距办理期限还有1个工作日）");
        var escalation = Assert.Single(await inbox.ListAsync("supervisor"));
        Assert.Equal((NotificationKind.Escalation, "逾期督办：合法性审查"), (escalation.Kind, escalation.Title));
        var alerts = await _host.Engine.QueryAsync(db => Task.FromResult(db.Outbox.Where(m => m.Type == EngineMessageTypes.TaskAlert).Select(m => m.Id).ToList()));
        var mails = alerts.SelectMany(smtp.ReceivedFor).ToList();
        Assert.Contains(mails, m => m.EnvelopeTo.Contains("liming@fazhi.test") && m.Message.Subject!.StartsWith("办理提醒", StringComparison.Ordinal));
        Assert.Contains(mails, m => m.EnvelopeTo.Contains("wangfang@fazhi.test") && m.Message.Subject == "逾期督办：合法性审查");
        Assert.DoesNotContain(mails, m => m.Message.Subject!.StartsWith("新待办", StringComparison.Ordinal)); // assignment is in-app only
    }
}
