using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Activities.Notifications;
using Workflows.Activities.Notifications.Inbox;
using Workflows.Engine.Runtime;
using Workflows.Engine.Scheduling;
using Workflows.Procedures.Digests;
using Workflows.Procedures.Tests.Support;
using static Workflows.Procedures.Tests.Support.ProceduresHost;

namespace Workflows.Procedures.Tests.Digests;

/// <summary>季度到期事项提示 on the first working day of Q2 2026 (Wed 04-01), with tasks due before, in and after the quarter.</summary>
public sealed class QuarterlyDigestTests : IAsyncLifetime
{
    private const string Title = "季度到期事项提示：2026年第二季度";
    private ProceduresHost _host = null!;

    /// <summary>Task names are not expressions, so each sample task gets its own little process.</summary>
    private static string Process(string key, string taskName) => $$"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:fz="urn:fazhi:bpmn:1.0" id="{{key}}-defs" targetNamespace="urn:test">
          <bpmn:process id="{{key}}" name="到期事项样例" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="step" />
            <bpmn:userTask id="step" name="{{taskName}}" fz:assignee="${assignee}" fz:candidateGroups="${groups}" fz:due="${dueDate}" />
            <bpmn:sequenceFlow id="f2" sourceRef="step" targetRef="end" />
            <bpmn:endEvent id="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    public async Task InitializeAsync()
    {
        _host = await StartAsync(Local(2026, 3, 20, 10));
        await StartSampleAsync("county-drc", "报送材料", "digest:A", "2026-03-25", groups: "county-drc:owner");
        await StartSampleAsync("county-drc", "征求意见", "digest:B", "2026-05-15", groups: "county-drc:owner");
        await StartSampleAsync("county-drc", "三季度事项", "digest:C", "2026-08-01", groups: "county-drc:owner");
        var done = await StartSampleAsync("county-drc", "已办结事项", "digest:D", "2026-06-30", groups: "county-drc:owner");
        await StartSampleAsync("county-gov", "常务会议审议", "digest:E", "2026-06-30", assignee: "gov-owner");
        await StartSampleAsync("legal-office", "督察检查", "digest:F", "2026-04-20", groups: "supervisor");
        await StartSampleAsync(null, "镇级事项", "digest:G", "2026-04-10", assignee: "town-owner");
        var task = await _host.QueryAsync(db => db.Tasks.AsNoTracking().SingleAsync(t => t.InstanceId == done.Id));
        await _host.Runtime.CompleteTaskAsync(task.Id, new TaskCompletion(), new WorkflowActor("drc-owner", new HashSet<string> { "owner" }, "county-drc"));
        await _host.DrainOutboxAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<Engine.Instances.WorkflowInstance> StartSampleAsync(string? unit, string taskName, string businessKey, string dueDate, string? groups = null, string? assignee = null)
    {
        var key = "digest-" + businessKey[^1..].ToLowerInvariant();
        await _host.Runtime.SaveDefinitionAsync(Process(key, taskName), publish: true, new WorkflowActor("admin", new HashSet<string> { "admin" }));
        return await _host.Runtime.StartAsync(
            new StartInstance(key, businessKey, new JsonObject { ["dueDate"] = dueDate, ["groups"] = groups, ["assignee"] = assignee }),
            new WorkflowActor("starter", new HashSet<string>(), unit));
    }

    private async Task<List<InboxItem>> DigestsAsync(string user) =>
        [.. (await _host.Inbox.ListAsync(user)).Where(i => i.Kind == NotificationKind.Digest)];

    [Fact]
    public async Task Digest_GoesOutOnTheFirstWorkingDayOfTheQuarter_PerUnitAndPerPerson()
    {
        await _host.AdvanceToAsync(Local(2026, 4, 1, 8, 59));
        Assert.Empty(await DigestsAsync("drc-supervisor"));

        await _host.AdvanceToAsync(Local(2026, 4, 1, 10));

        // The unit's supervisor: the unit's own instances only (A overdue, B due; C is Q3, D is done, F is another unit's).
        var supervisor = await DigestsAsync("drc-supervisor");
        Assert.Equal(2, supervisor.Count); // the unit's digest, and a personal one for F (candidate role "supervisor")
        var unitDigest = Assert.Single(supervisor, i => i.Body.Contains("征求意见", StringComparison.Ordinal));
        Assert.Equal(Title, unitDigest.Title);
        Assert.Contains("陈静，您好：", unitDigest.Body, StringComparison.Ordinal);
        Assert.Contains("2026年第二季度到期事项（1项）：\n· 征求意见（digest:B），办理期限：2026年5月15日", unitDigest.Body, StringComparison.Ordinal);
        Assert.Contains("已逾期事项（1项）：\n· 报送材料（digest:A），办理期限：2026年3月25日", unitDigest.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("三季度事项", unitDigest.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("已办结事项", unitDigest.Body, StringComparison.Ordinal);
        var personal = Assert.Single(supervisor, i => i != unitDigest);
        Assert.Contains("到期事项（1项）：\n· 督察检查（digest:F），办理期限：2026年4月20日", personal.Body, StringComparison.Ordinal);
        Assert.Contains("已逾期事项（0项）：\n无", personal.Body, StringComparison.Ordinal);

        // Both holders of the group county-drc:owner get their own.
        foreach (var user in new[] { "drc-owner", "drc-clerk" })
        {
            var mine = Assert.Single(await DigestsAsync(user));
            Assert.Contains("· 征求意见（digest:B）", mine.Body, StringComparison.Ordinal);
            Assert.Contains("· 报送材料（digest:A）", mine.Body, StringComparison.Ordinal);
            Assert.Equal("/tasks", mine.Link);
        }
        var government = await DigestsAsync("gov-supervisor");
        Assert.Contains(government, i => i.Body.Contains("· 常务会议审议（digest:E），办理期限：2026年6月30日", StringComparison.Ordinal));
        Assert.Contains("· 常务会议审议（digest:E）", Assert.Single(await DigestsAsync("gov-owner")).Body, StringComparison.Ordinal);
        Assert.Contains("· 镇级事项（digest:G）", Assert.Single(await DigestsAsync("town-owner")).Body, StringComparison.Ordinal);
        Assert.Equal(2, (await DigestsAsync("legal-supervisor")).Count(i => i.Body.Contains("· 督察检查（digest:F）", StringComparison.Ordinal)));
        Assert.Empty(await DigestsAsync("legal-owner"));
    }

    [Fact]
    public async Task Digest_RunTwice_ReachesEachRecipientOnce()
    {
        await _host.AdvanceToAsync(Local(2026, 4, 1, 10));
        var job = _host.Services.GetServices<IRecurringJob>().Single(j => j.Key == QuarterlyDigestJob.JobKey);
        var queued = await _host.QueryAsync(db => db.Outbox.CountAsync(m => m.Type == NotificationOutbox.MessageType));

        await job.RunAsync(Local(2026, 4, 1, 9), CancellationToken.None);
        await job.RunAsync(Local(2026, 4, 1, 9), CancellationToken.None);
        await _host.DrainOutboxAsync();

        Assert.Equal(queued, await _host.QueryAsync(db => db.Outbox.CountAsync(m => m.Type == NotificationOutbox.MessageType)));
        var perRecipient = await _host.NotificationsAsync(db => db.InboxItems.AsNoTracking()
            .Where(i => i.Kind == NotificationKind.Digest).GroupBy(i => i.Recipient).Select(g => new { g.Key, Count = g.Count() }).ToListAsync());
        Assert.Equal(
            ["drc-clerk", "drc-owner", "drc-supervisor", "gov-owner", "gov-supervisor", "legal-supervisor", "town-owner"],
            perRecipient.Select(r => r.Key).Order(StringComparer.Ordinal));
        Assert.All(perRecipient, r => Assert.Equal(r.Key is "drc-supervisor" or "gov-supervisor" or "legal-supervisor" ? 2 : 1, r.Count));
        // Assignment notices are in-app only, so the digest is drc-owner's one email: one .eml in the pickup folder.
        var email = Assert.Single(await _host.NotificationsAsync(db => db.EmailDeliveries.AsNoTracking().Where(d => d.Recipient == "drc-owner@fazhi.test").ToListAsync()));
        Assert.Single(Directory.GetFiles(_host.PickupFolder, "*.eml"), f => File.ReadAllText(f).Contains(email.MessageId, StringComparison.Ordinal));
    }
}
