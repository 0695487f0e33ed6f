namespace Workflows.Engine.Calendar;

/// <summary>
/// Something a person must know about a computed date, because the date may be wrong or may move.
/// <see cref="Code"/> is stable for programs (health checks, UI badges); the message is for people.
/// </summary>
public sealed record CalendarWarning(string Code, string Message, int? Year = null)
{
    public const string NoHolidayDataCode = "calendar.no-holiday-data";
    public const string ClockStoppedCode = "calendar.clock-stopped";

    public static CalendarWarning NoHolidayData(int year) => new(
        NoHolidayDataCode,
        $"{year} has no statutory holiday data; weekdays were assumed (Monday to Friday working, no holidays, no make-up days). "
        + $"Enter the State Council's holiday notice for {year} (节假日安排通知) to make this date reliable.",
        year);

    public static CalendarWarning ClockStopped(ClockStop stop, DateOnly today) => new(
        ClockStoppedCode,
        $"The clock has been stopped since {HolidayYear.Iso(stop.PausedOn)} ({stop.Reason}, by {stop.PausedBy}); "
        + $"the due date assumes it resumes on {HolidayYear.Iso(today.AddDays(1))} and moves later for every further paused day.");
}
