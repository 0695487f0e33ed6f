using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workflows.Host.Tests.Infrastructure;
using Workflows.Host.Tests.Notifications;

namespace Workflows.Host.Tests.Tasks;

/// <summary>
/// Issue 3's ladder end to end: a legality review handed in on Monday 28 September 2026 with 7
/// working days (due at the end of 13 October, across National Day), a reminder 3 working days
/// before, another on the due day, escalation to the supervisors one working day after. Driven by
/// the simulated clock; the mail goes through the outbox and Hangfire to a real SMTP server.
/// </summary>
public sealed class TaskLadderEndToEndTests(SmtpNotificationHostFactory host) : IClassFixture<SmtpNotificationHostFactory>
{
    private const string Key = "laddered-review";
    private static readonly TimeSpan Beijing = ClockedHostFactory.Beijing;

    private static readonly string Bpmn = HostApi.SingleTask(Key, """name="合法性审查" fz:candidateGroups="reviewer" fz:due="7WD" """, """
        <bpmn:extensionElements>
          <fz:ladder>
            <fz:remind before="3WD" />
            <fz:remind before="0WD" />
            <fz:escalate after="1WD" to="supervisor" />
          </fz:ladder>
        </bpmn:extensionElements>
        """);

    [Fact]
    public async Task Ladder_RemindsByEmail_ThenEscalatesToTheSupervisor_AndJournalsEachRung()
    {
        await HostApi.PublishAsync(host, Bpmn);
        var instanceId = await HostApi.StartAsync(host, Key, businessKey: "县发改〔2026〕15号", variables: new { title = "关于城市燃气特许经营的决定" });
        var step = await HostApi.OpenTaskAsync(host, instanceId);
        var stepId = step.GetProperty("id").GetGuid();
        Assert.Equal(new DateTimeOffset(2026, 10, 13, 23, 59, 59, Beijing), HostApi.InBeijing(step.GetProperty("dueAt")));

        // 3 working days before the due day, counted back over the make-up Saturday: Friday 9 October, 09:00.
        using var owner = await host.ClientForAsync("owner");
        await HostApi.AdvanceAsync(host, new DateTimeOffset(2026, 10, 9, 8, 59, 0, Beijing));
        Assert.DoesNotContain(await HostApi.HistoryAsync(owner, instanceId), e => e.GetProperty("kind").GetString() == "TaskReminded");
        await HostApi.AdvanceAsync(host, new DateTimeOffset(2026, 10, 9, 9, 30, 0, Beijing));
        var reminder = await WaitForMailAsync("reviewer@fazhi.local", "办理提醒：合法性审查");
        Assert.Contains("3个工作日", reminder.Message.Subject);
        Assert.Contains(SmtpNotificationHostFactory.PublicBaseUrl, reminder.Message.TextBody);
        using var supervisor = await host.ClientForAsync("supervisor");
        Assert.DoesNotContain(await MineAsync(supervisor), t => t.GetProperty("kind").GetString() == "Escalation");

        // Overdue: Wednesday 14 October, 09:00, the escalation opens a supervision task (督办) and tells the supervisor.
        await HostApi.AdvanceAsync(host, new DateTimeOffset(2026, 10, 14, 9, 30, 0, Beijing));
        var escalation = Assert.Single(await MineAsync(supervisor), t => t.GetProperty("kind").GetString() == "Escalation");
        Assert.Equal(stepId, escalation.GetProperty("parentTaskId").GetGuid());
        Assert.Equal(instanceId, escalation.GetProperty("instanceId").GetGuid());
        Assert.Equal("督办：合法性审查", escalation.GetProperty("name").GetString());
        var escalationId = escalation.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync($"/api/tasks/{escalationId}")).StatusCode);
        await WaitForMailAsync("supervisor@fazhi.local", "逾期督办：合法性审查");

        var history = await HostApi.HistoryAsync(owner, instanceId);
        var reminded = history.Where(e => e.GetProperty("kind").GetString() == "TaskReminded").Select(e => e.GetProperty("data")).ToList();
        Assert.Equal(["reminder", "due-today"], reminded.Select(d => d.GetProperty("kind").GetString()));
        Assert.All(reminded, d => Assert.Equal(stepId.ToString(), d.GetProperty("taskId").GetString()));
        var escalated = Assert.Single(history, e => e.GetProperty("kind").GetString() == "TaskEscalated").GetProperty("data");
        Assert.Equal(escalationId.ToString(), escalated.GetProperty("escalationTaskId").GetString());
        Assert.Equal("supervisor", escalated.GetProperty("to").GetString());
        Assert.Equal(new DateTimeOffset(2026, 10, 14, 9, 0, 0, Beijing),
            HostApi.InBeijing(Assert.Single(history, e => e.GetProperty("kind").GetString() == "TaskEscalated").GetProperty("at")));

        // Completing the overdue step ends its supervision.
        using var reviewer = await host.ClientForAsync("reviewer");
        Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsJsonAsync($"/api/tasks/{stepId}/complete", new { outcome = "approve" })).StatusCode);
        Assert.DoesNotContain(await MineAsync(supervisor), t => t.GetProperty("id").GetGuid() == escalationId);
        Assert.True((await owner.GetFromJsonAsync<JsonElement>($"/api/instances/{instanceId}/history/verify")).GetProperty("valid").GetBoolean());
    }

    private IReadOnlyList<ReceivedMail> Mails(string to, string subjectStart) =>
        [.. host.Smtp.Received().Where(m => m.EnvelopeTo.Contains(to) && (m.Message.Subject ?? "").StartsWith(subjectStart, StringComparison.Ordinal))];

    private async Task<ReceivedMail> WaitForMailAsync(string to, string subjectStart)
    {
        await NotifyFlow.WaitUntilAsync(() => Mails(to, subjectStart).Count > 0, $"the mail '{subjectStart}…' to {to}");
        return Mails(to, subjectStart)[0];
    }

    private static async Task<List<JsonElement>> MineAsync(HttpClient client) =>
        [.. (await client.GetFromJsonAsync<JsonElement>("/api/tasks?mine=true")).EnumerateArray()];
}
