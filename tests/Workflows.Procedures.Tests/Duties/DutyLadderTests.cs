using Microsoft.EntityFrameworkCore;
using Workflows.Activities.Notifications;
using Workflows.Engine.Runtime.Execution;
using Workflows.Engine.Tasks;
using Workflows.Procedures.Duties;
using static Workflows.Procedures.Tests.Support.ProceduresHost;

namespace Workflows.Procedures.Tests.Duties;

/// <summary>The shipped ladder of a duty instance, driven by the simulated clock into the real inbox.</summary>
public sealed class DutyLadderTests
{
    private const string Catalogue = "公布上一年度规范性文件目录";

    [Fact]
    public async Task CatalogueDuty_RemindsTheUnit_EscalatesToItsSupervisor_AndTellsTheLegalOffice()
    {
        await using var host = await StartAsync(Local(2025, 12, 20, 12));
        await host.AdvanceToAsync(Local(2026, 1, 5, 12));
        var instance = (await host.DutyInstancesAsync(BuiltInDuties.NormativeCatalogue)).Single(i => i.UnitCode == "county-drc");
        var step = Assert.Single(await host.OpenTasksAsync(instance.Id));

        // Due Tue 2026-03-31. 5WD before: 03-24; 0WD: 03-31; escalate 1WD after: 04-01;
        // notify 5WD after: 04-01, 04-02, 04-03, (Qingming 04-04..04-06), 04-07, 04-08.
        await host.AdvanceToAsync(Local(2026, 3, 24, 12));
        var owners = await host.Inbox.ListAsync("drc-owner");
        Assert.Contains(owners, i => i.Kind == NotificationKind.Reminder && i.Title == $"办理提醒：{Catalogue}（距办理期限还有5个工作日）" && i.InstanceId == instance.Id);
        Assert.Contains(await host.Inbox.ListAsync("drc-clerk"), i => i.Title.StartsWith("办理提醒：" + Catalogue, StringComparison.Ordinal));
        Assert.DoesNotContain(await host.Inbox.ListAsync("drc-supervisor"), i => i.Title.Contains(Catalogue, StringComparison.Ordinal));

        await host.AdvanceToAsync(Local(2026, 3, 31, 12));
        Assert.Contains(await host.Inbox.ListAsync("drc-owner"), i => i.Title == $"今日到期：{Catalogue}" && i.InstanceId == instance.Id);

        await host.AdvanceToAsync(Local(2026, 4, 1, 12));
        var escalated = Assert.Single(await host.Inbox.ListAsync("drc-supervisor"), i => i.Title == $"逾期督办：{Catalogue}");
        Assert.Equal((NotificationKind.Escalation, instance.Id), (escalated.Kind, escalated.InstanceId));
        var supervision = await host.QueryAsync(db => db.Tasks.AsNoTracking().SingleAsync(t => t.InstanceId == instance.Id && t.Kind == HumanTaskKind.Escalation));
        Assert.Equal(($"督办：{Catalogue}", "county-drc:supervisor", step.Id), (supervision.Name, supervision.CandidateGroups, supervision.ParentTaskId));
        Assert.DoesNotContain(await host.Inbox.ListAsync("legal-supervisor"), i => i.InstanceId == instance.Id);

        await host.AdvanceToAsync(Local(2026, 4, 8, 12));
        var told = Assert.Single(await host.Inbox.ListAsync("legal-supervisor"), i => i.InstanceId == instance.Id);
        Assert.Equal((NotificationKind.Overdue, $"逾期督办：{Catalogue}"), (told.Kind, told.Title));

        var history = await host.HistoryAsync(instance.Id);
        Assert.Equal(
            [Local(2026, 3, 24, 9), Local(2026, 3, 31, 9), Local(2026, 4, 1, 9), Local(2026, 4, 8, 9)],
            history.Where(e => e.Kind is JournalKinds.TaskReminded or JournalKinds.TaskEscalated).Select(e => e.At));
        Assert.Equal("legal-office:supervisor", (string?)history.Last(e => e.Kind == JournalKinds.TaskReminded).Data!["to"]);
        Assert.Contains(Directory.GetFiles(host.PickupFolder, "*.eml"), f => File.ReadAllText(f).Contains("drc-supervisor@fazhi.test", StringComparison.Ordinal));
    }
}
