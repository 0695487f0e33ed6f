using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Workflows.Activities.Notifications;
using Workflows.Activities.Notifications.Email;
using Workflows.Activities.Notifications.Recipients;
using Workflows.Activities.Notifications.Templates;

namespace Workflows.Engine.Tests.Notifications;

public sealed class TemplateTests
{
    private static readonly NotificationRecipient Li = new("reviewer", "李明", "liming@fazhi.test");

    private static NotificationRenderer Renderer(string culture = "zh-CN") => new(
        Options(new NotificationOptions { Culture = culture }),
        Options(new EmailOptions { PublicBaseUrl = "https://fazhi.example.gov.cn" }),
        Options(new WorkflowEngineOptions()));

    private static RenderedNotification Render(string template, JsonObject data, string culture = "zh-CN", Guid? taskId = null) =>
        Renderer(culture).Render(new NotificationRequest { Recipients = ["reviewer"], Template = template, Data = data, TaskId = taskId }, Li);

    [Fact]
    public void TaskAssigned_RendersTitleBodyAndTaskLink()
    {
        var taskId = Guid.Parse("0195f0a0-0000-7000-8000-000000000001");
        var result = Render(NotificationTemplateKeys.TaskAssigned,
            new() { ["taskName"] = "合法性审查", ["businessKey"] = "2026-决策-007", ["dueAt"] = "2026-03-13T09:00:00+08:00" }, taskId: taskId);

        Assert.Equal("新待办：合法性审查", result.Title);
        Assert.Equal("""
            李明，您好：

            您有一项新的待办事项：合法性审查
            事项：2026-决策-007
            办理期限：2026年3月13日

            请及时登录平台办理。
            """.ReplaceLineEndings("\n"), result.Body);
        Assert.Equal($"/tasks/{taskId}", result.Link);
        Assert.Equal($"https://fazhi.example.gov.cn/tasks/{taskId}", Renderer().AbsoluteLink(result.Link));
    }

    [Fact]
    public void Reminder_SaysHowManyWorkingDaysAreLeft()
    {
        var result = Render(NotificationTemplateKeys.TaskReminder, new() { ["taskName"] = "公平竞争审查", ["daysLeft"] = 3, ["dueAt"] = "2026-09-30T08:00:00Z" });

        Assert.Equal("办理提醒：公平竞争审查（距办理期限还有3个工作日）", result.Title);
        Assert.Contains("距办理期限还有3个工作日", result.Body);
        Assert.Contains("办理期限：2026年9月30日", result.Body);
    }

    [Fact]
    public void DueDate_IsTheLocalDateInShanghai()
    {
        // 16:30 UTC on 30 April is already 1 May (劳动节) in Beijing.
        var result = Render(NotificationTemplateKeys.TaskDueToday, new() { ["taskName"] = "备案审查", ["dueAt"] = "2026-04-30T16:30:00Z" });

        Assert.Equal("今日到期：备案审查", result.Title);
        Assert.Contains("今日（2026年5月1日）到期", result.Body);
    }

    [Fact]
    public void Body_LineWithMissingValue_IsLeftOut()
    {
        var result = Render(NotificationTemplateKeys.TaskOverdue, new() { ["taskName"] = "集体讨论决定" });

        Assert.Equal("逾期督办：集体讨论决定", result.Title);
        Assert.DoesNotContain("承办人", result.Body);
        Assert.DoesNotContain("办理期限：", result.Body);
        Assert.DoesNotContain("{", result.Body);
        Assert.Contains("已超过办理期限，现予督办", result.Body);
    }

    [Fact]
    public void QuarterlyDigest_ListsDueAndOverdueItems()
    {
        var result = Render(NotificationTemplateKeys.QuarterlyDigest, new()
        {
            ["year"] = 2026,
            ["quarter"] = 2,
            ["due"] = new JsonArray(
                new JsonObject { ["taskName"] = "规范性文件清理", ["businessKey"] = "司法局", ["dueAt"] = "2026-06-30T01:00:00Z" },
                new JsonObject { ["taskName"] = "法治政府建设年度报告", ["dueAt"] = "2026-04-01T01:00:00Z" }),
            ["overdue"] = new JsonArray(),
        });

        Assert.Equal("季度到期事项提示：2026年第二季度", result.Title);
        Assert.Contains("2026年第二季度到期事项（2项）：", result.Body);
        Assert.Contains("· 规范性文件清理（司法局），办理期限：2026年6月30日", result.Body);
        Assert.Contains("· 法治政府建设年度报告，办理期限：2026年4月1日", result.Body);
        Assert.Contains("已逾期事项（0项）：\n无", result.Body);
    }

    [Fact]
    public void Generic_WrapsTitleAndBodyWithTheGreeting()
    {
        var result = Render(NotificationTemplateKeys.Generic, new() { ["title"] = "系统维护通知", ["body"] = "今晚22时起系统维护。" });

        Assert.Equal(("系统维护通知", "李明，您好：\n\n今晚22时起系统维护。"), (result.Title, result.Body));
    }

    [Fact]
    public void OtherCulture_UsesItsResources_AndFallsBackToChinese()
    {
        var reminder = Render(NotificationTemplateKeys.TaskReminder, new() { ["taskName"] = "Review", ["daysLeft"] = 2, ["dueAt"] = "2026-03-13T01:00:00Z" }, "en");
        var generic = Render(NotificationTemplateKeys.Generic, new() { ["title"] = "Maintenance", ["body"] = "Tonight." }, "en");

        Assert.Equal("Reminder: Review is due in 2 working days", reminder.Title);
        Assert.Contains("Due: 13 March 2026", reminder.Body);
        Assert.Equal("Maintenance", generic.Title);
    }

    [Fact]
    public void ExplicitTitleAndBody_AreUsedAsGiven()
    {
        var result = Renderer().Render(new NotificationRequest { Recipients = ["x"], Title = "会议通知", Link = "https://example.org/a" }, Li);

        Assert.Equal(new RenderedNotification("会议通知", "会议通知", "https://example.org/a"), result);
    }

    [Fact]
    public void UnknownTemplate_Throws() =>
        Assert.Throws<InvalidOperationException>(() => Render("no-such-template", []));

    private static IOptionsMonitor<T> Options<T>(T value) => new Fixed<T>(value);

    private sealed class Fixed<T>(T value) : IOptionsMonitor<T>
    {
        public T CurrentValue => value;
        public T Get(string? name) => value;
        public IDisposable? OnChange(Action<T, string?> listener) => null;
    }
}
