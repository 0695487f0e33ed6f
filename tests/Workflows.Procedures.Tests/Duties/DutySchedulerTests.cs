using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Engine.Calendar;
using Workflows.Engine.Instances;
using Workflows.Engine.Runtime.Execution;
using Workflows.Engine.Scheduling;
using Workflows.Engine.Timers;
using Workflows.Procedures.Duties;
using Workflows.Procedures.Tests.Support;
using static Workflows.Procedures.Tests.Support.ProceduresHost;

namespace Workflows.Procedures.Tests.Duties;

/// <summary>Duties started by the scheduler on the simulated clock, across year boundaries.</summary>
public sealed class DutySchedulerTests
{
    private static readonly string[] AllUnits = ["county-drc", "county-gov", "legal-office", "town-chengguan"];

    [Fact]
    public async Task Scheduler_StartsTheCatalogueDutyPerUnit_OnTheMakeUpSundayOf2026()
    {
        await using var host = await StartAsync(Local(2025, 12, 20, 12));

        await host.AdvanceToAsync(Local(2026, 1, 5, 12));

        var instances = await host.DutyInstancesAsync(BuiltInDuties.NormativeCatalogue);
        Assert.Equal(AllUnits.Select(u => $"duty:normative-catalogue:2026:{u}"), instances.Select(i => i.BusinessKey));
        foreach (var instance in instances)
        {
            var unit = instance.BusinessKey!.Split(':')[^1];
            // Sunday 2026-01-04 is the make-up working day after the New Year holiday (01-01..01-03).
            Assert.Equal(Local(2026, 1, 4, 9), instance.StartedAt);
            Assert.Equal((InstanceStatus.Running, unit, "system"), (instance.Status, instance.UnitCode, instance.StartedBy));
            var variables = Variables(instance);
            Assert.Equal((unit, "2026-03-31", "2026", "2026年", 2025), ((string?)variables["unit"], (string?)variables["dueDate"], (string?)variables["period"], (string?)variables["periodName"], (int?)variables["coveredYear"]));
            Assert.Null(variables["calendarWarnings"]);
            // Lists name the case by its title, with the unit and the year, not by its business key.
            Assert.Matches(@"^.*规范性文件目录.*（.+，2026年）$", (string?)variables["title"]);
            Assert.Contains((string)variables["unitName"]!, (string?)variables["title"]);
            var task = Assert.Single(await host.OpenTasksAsync(instance.Id));
            Assert.Equal(("公布上一年度规范性文件目录", unit + ":owner"), (task.Name, task.CandidateGroups));
            Assert.Equal(Local(2026, 3, 31, 23, 59).AddSeconds(59), task.DueAt);
        }
        Assert.Equal("县发展和改革局", (string?)Variables(instances[0])["unitName"]);
        Assert.DoesNotContain(host.Logs.Warnings, w => w.Message.Contains(CalendarWarning.NoHolidayDataCode, StringComparison.Ordinal) && w.Message.Contains("2026", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Scheduler_StartsEveryBuiltInDuty_ForItsResponsibleUnits()
    {
        await using var host = await StartAsync(Local(2025, 12, 20, 12));

        await host.AdvanceToAsync(Local(2026, 1, 5, 12));

        var keys = (await host.QueryAsync(db => db.Instances.AsNoTracking().Select(i => i.BusinessKey!).ToListAsync())).Order(StringComparer.Ordinal);
        Assert.Equal(
        [
            "duty:department-annual-report:2026:county-drc",
            "duty:department-annual-report:2026:legal-office",
            "duty:executive-meeting-report:2026:county-gov",
            "duty:government-annual-report:2026:county-gov",
            "duty:leadership-training:2026:county-gov",
            .. AllUnits.Select(u => $"duty:normative-catalogue:2026:{u}"),
            .. AllUnits.Select(u => $"duty:rule-of-law-lectures:2026:{u}"),
        ], keys);
        var report = Assert.Single(await host.DutyInstancesAsync(BuiltInDuties.GovernmentAnnualReport));
        var submit = Assert.Single(await host.OpenTasksAsync(report.Id));
        Assert.Equal(("向党委、人大常委会报告法治政府建设情况", "county-gov:owner", Local(2026, 3, 31, 23, 59).AddSeconds(59)), (submit.Name, submit.CandidateGroups, submit.DueAt));
        Assert.Equal("2026-04-01", (string?)Variables(report)["publishDueDate"]);
        var department = (await host.DutyInstancesAsync(BuiltInDuties.DepartmentAnnualReport))[0];
        // 2026-03-01 is a Sunday: the date is fixed by the rule, not rolled over.
        Assert.Equal(Local(2026, 3, 1, 23, 59).AddSeconds(59), Assert.Single(await host.OpenTasksAsync(department.Id)).DueAt);
    }

    [Fact]
    public async Task Scheduler_IntoAYearWithoutHolidayData_StartsOnTheWeekdayGuessAndSaysSo()
    {
        await using var host = await StartAsync(Local(2026, 12, 20, 12));

        await host.AdvanceToAsync(Local(2027, 1, 4, 12));

        var instances = await host.DutyInstancesAsync(BuiltInDuties.NormativeCatalogue);
        Assert.Equal(AllUnits.Select(u => $"duty:normative-catalogue:2027:{u}"), instances.Select(i => i.BusinessKey));
        var instance = instances[0];
        // 2027 has no notice yet: Friday 01-01 passes for a working day, though New Year's Day never is one.
        Assert.Equal(Local(2027, 1, 1, 9), instance.StartedAt);
        var warning = Assert.Single(Assert.IsType<JsonArray>(Variables(instance)["calendarWarnings"]));
        Assert.Equal(CalendarWarning.NoHolidayData(2027).Message, (string?)warning);
        var created = Assert.Single(await host.HistoryAsync(instance.Id), e => e.Kind == JournalKinds.TaskCreated);
        Assert.Contains("2027 has no statutory holiday data", created.Data!["warnings"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(Local(2027, 3, 31, 23, 59).AddSeconds(59), Assert.Single(await host.OpenTasksAsync(instance.Id)).DueAt);
        Assert.Contains(host.Logs.Warnings, w => w.Message.Contains("duty:normative-catalogue", StringComparison.Ordinal)
            && w.Message.Contains("2027-01-01", StringComparison.Ordinal) && w.Message.Contains(CalendarWarning.NoHolidayDataCode, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunningTheJobTwice_StartsNothingNew()
    {
        await using var host = await StartAsync(Local(2025, 12, 20, 12));
        await host.AdvanceToAsync(Local(2026, 1, 5, 12));
        var before = await host.QueryAsync(db => db.Instances.CountAsync());

        var job = host.Services.GetServices<IRecurringJob>().Single(j => j.Key == "duty:normative-catalogue");
        await job.RunAsync(Local(2026, 1, 4, 9), CancellationToken.None);
        await Task.WhenAll(job.RunAsync(Local(2026, 1, 4, 9), CancellationToken.None), job.RunAsync(Local(2026, 1, 4, 9), CancellationToken.None));
        await host.DrainOutboxAsync();

        Assert.Equal(before, await host.QueryAsync(db => db.Instances.CountAsync()));
        Assert.Equal(4, (await host.DutyInstancesAsync(BuiltInDuties.NormativeCatalogue)).Count);
        var next = await host.QueryAsync(db => db.Timers.AsNoTracking()
            .Where(t => t.Role == TimerRole.Recurring && t.Status == TimerStatus.Pending && t.ActivityId == "duty:normative-catalogue").ToListAsync());
        Assert.Equal(Local(2027, 1, 1, 9), Assert.Single(next).DueAt);
    }

    [Fact]
    public async Task HalfYearlySetting_YieldsTwoMeetingsAYear()
    {
        var settings = CountyUnits();
        settings["Workflows:Duties:Catalogue:executive-meeting-report:Frequency"] = "HalfYearly";
        await using var host = await StartAsync(Local(2025, 12, 20, 12), settings);

        await host.AdvanceToAsync(Local(2026, 7, 2, 12));

        var meetings = await host.DutyInstancesAsync(BuiltInDuties.ExecutiveMeetingReport);
        Assert.Equal(["duty:executive-meeting-report:2026-H1:county-gov", "duty:executive-meeting-report:2026-H2:county-gov"], meetings.Select(m => m.BusinessKey));
        Assert.Equal([Local(2026, 1, 4, 9), Local(2026, 7, 1, 9)], meetings.Select(m => m.StartedAt));
        Assert.Equal(["2026-06-30", "2026-12-31"], meetings.Select(m => (string?)Variables(m)["dueDate"]));
        Assert.Equal(["2026年上半年", "2026年下半年"], meetings.Select(m => (string?)Variables(m)["periodName"]));
        var next = await host.QueryAsync(db => db.Timers.AsNoTracking()
            .Where(t => t.Role == TimerRole.Recurring && t.Status == TimerStatus.Pending && t.ActivityId == "duty:executive-meeting-report").ToListAsync());
        Assert.Equal(Local(2027, 1, 1, 9), Assert.Single(next).DueAt);
    }

    [Fact]
    public async Task Lectures_AreTwoStepsInARow()
    {
        await using var host = await StartAsync(Local(2025, 12, 20, 12));
        await host.AdvanceToAsync(Local(2026, 1, 5, 12));
        var lectures = (await host.DutyInstancesAsync(BuiltInDuties.RuleOfLawLectures)).Single(i => i.UnitCode == "town-chengguan");
        var first = Assert.Single(await host.OpenTasksAsync(lectures.Id));
        Assert.Equal("举办第一期法治专题讲座", first.Name);

        var townOwner = new Engine.Runtime.WorkflowActor("town-owner", new HashSet<string> { "owner" }, "town-chengguan");
        // A lecture is recorded with its date, lecturer and topic (fz:form); closing it with a comment alone is
        // refused, and so is one dated in the future: the step records a lecture held, not one planned.
        var bare = await Assert.ThrowsAsync<Engine.Runtime.WorkflowValidationException>(() =>
            host.Runtime.CompleteTaskAsync(first.Id, new Engine.Runtime.TaskCompletion(Comment: "2026-03-12 行政诉讼法专题"), townOwner));
        Assert.Equal(["variables.firstLectureDate", "variables.firstLecturer", "variables.firstTopic"], bare.Errors.Select(e => e.Target));
        var planned = await Assert.ThrowsAsync<Engine.Runtime.WorkflowValidationException>(() => host.Runtime.CompleteTaskAsync(first.Id,
            new Engine.Runtime.TaskCompletion(Variables: new JsonObject { ["firstLectureDate"] = "2026-03-12", ["firstLecturer"] = "县司法局副局长", ["firstTopic"] = "行政诉讼法专题" }), townOwner));
        Assert.Equal(("variables.firstLectureDate", "「讲座日期」不能晚于今天（2026-01-05）。"), (Assert.Single(planned.Errors).Target, planned.Errors[0].Message));
        await host.Runtime.CompleteTaskAsync(first.Id, new Engine.Runtime.TaskCompletion(Variables: new JsonObject
        {
            ["firstLectureDate"] = "2026-01-05",
            ["firstLecturer"] = "县司法局副局长",
            ["firstTopic"] = "行政诉讼法专题",
            ["firstAttendance"] = 23,
        }), townOwner);

        var second = Assert.Single(await host.OpenTasksAsync(lectures.Id));
        Assert.Equal(("举办第二期法治专题讲座", Local(2026, 12, 31, 23, 59).AddSeconds(59)), (second.Name, second.DueAt));
        var recorded = Variables(Assert.Single(await host.DutyInstancesAsync(BuiltInDuties.RuleOfLawLectures), i => i.Id == lectures.Id));
        Assert.Equal(("2026-01-05", "行政诉讼法专题", 23), ((string?)recorded["firstLectureDate"], (string?)recorded["firstTopic"], (int?)recorded["firstAttendance"]));
    }
}
