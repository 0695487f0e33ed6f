using Workflows.Engine.Calendar;
using Workflows.Engine.Runtime;
using Workflows.Host.Components.Shared;

namespace Workflows.Host.Components.Tasks;

/// <summary>Where a task stands against its statutory deadline; the order is the order of urgency on the page.</summary>
public enum DueStatus
{
    Overdue,
    DueSoon,
    OnTime,
}

/// <summary>Classifies deadlines in working days, through the same calendar the engine counts with.</summary>
public sealed class DueClassifier(IWorkingDayCalendar calendar, UiTime time)
{
    /// <summary>"Due soon" is due within this many working days from today.</summary>
    public const int DueSoonWorkingDays = 3;

    public DueStatus Classify(TaskView task)
    {
        // A stopped clock (期限中止) is not running out: the due date moves when it restarts.
        if (task.DueAt is not { } due || task.ClockStopped)
        {
            return DueStatus.OnTime;
        }
        if (due <= time.Now)
        {
            return DueStatus.Overdue;
        }
        return time.LocalDay(due) <= calendar.AddWorkingDays(time.Today, DueSoonWorkingDays) ? DueStatus.DueSoon : DueStatus.OnTime;
    }

    /// <summary>Working days from today to the due day: negative when overdue, null without a deadline.</summary>
    public int? WorkingDaysLeft(TaskView task) =>
        task.DueAt is { } due ? calendar.WorkingDaysBetween(time.Today, time.LocalDay(due)) : null;
}
