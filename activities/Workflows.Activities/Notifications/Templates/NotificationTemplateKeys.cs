namespace Workflows.Activities.Notifications.Templates;

/// <summary>
/// Template keys for <see cref="NotificationRequest.Template"/>, persisted in queued messages.
/// Data fields the templates read: <c>taskName</c>, <c>businessKey</c>, <c>dueAt</c> (an
/// ISO-8601 instant, shown as a local date), <c>daysLeft</c>, <c>daysOverdue</c>, <c>assignee</c>;
/// the digest reads <c>year</c>, <c>quarter</c> (1-4) and the lists <c>due</c> and <c>overdue</c>
/// of <c>{taskName, businessKey, dueAt}</c>; the generic one reads <c>title</c> and <c>body</c>.
/// </summary>
public static class NotificationTemplateKeys
{
    /// <summary>新待办: a task was assigned to the recipient.</summary>
    public const string TaskAssigned = "task-assigned";

    /// <summary>办理提醒: the deadline is <c>daysLeft</c> working days away.</summary>
    public const string TaskReminder = "task-reminder";

    /// <summary>今日到期: the deadline is today.</summary>
    public const string TaskDueToday = "task-due-today";

    /// <summary>逾期督办: the task is overdue (to the assignee, or escalated to a supervisor).</summary>
    public const string TaskOverdue = "task-overdue";

    /// <summary>季度到期事项提示: the quarterly digest.</summary>
    public const string QuarterlyDigest = "quarterly-digest";

    /// <summary>Any title and body, with the greeting and footer of the others.</summary>
    public const string Generic = "generic";

    public static IReadOnlyList<string> All { get; } = [TaskAssigned, TaskReminder, TaskDueToday, TaskOverdue, QuarterlyDigest, Generic];

    /// <summary>The resource name prefix: <c>task-due-today</c> → <c>TaskDueToday</c>.</summary>
    internal static string ResourcePrefix(string key) =>
        string.Concat(key.Split('-', StringSplitOptions.RemoveEmptyEntries).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
}
