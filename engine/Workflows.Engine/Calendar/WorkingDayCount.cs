namespace Workflows.Engine.Calendar;

/// <summary>
/// The working days after <paramref name="After"/> up to and including
/// <paramref name="UpToAndIncluding"/>; negative when the second date is the earlier one.
/// </summary>
public sealed record WorkingDayCount(
    DateOnly After,
    DateOnly UpToAndIncluding,
    int Days,
    IReadOnlyList<CalendarWarning> Warnings);
