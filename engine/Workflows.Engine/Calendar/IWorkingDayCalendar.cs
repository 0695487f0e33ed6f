namespace Workflows.Engine.Calendar;

/// <summary>
/// The one place that knows which days are working days. Every deadline in the product is
/// computed through it.
/// </summary>
public interface IWorkingDayCalendar
{
    bool IsWorkingDay(DateOnly day);

    /// <summary>
    /// The day on which <paramref name="workingDays"/> working days after <paramref name="start"/>
    /// end; the start day itself is not counted. Zero returns <paramref name="start"/>; a negative
    /// count goes backwards (-n is the n-th working day before <paramref name="start"/>).
    /// </summary>
    DateOnly AddWorkingDays(DateOnly start, int workingDays);

    /// <summary>False when the calendar has no data for the year (weekdays are then only a guess).</summary>
    bool HasDataFor(int year);
}
