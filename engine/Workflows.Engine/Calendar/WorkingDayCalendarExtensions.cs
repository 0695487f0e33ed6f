namespace Workflows.Engine.Calendar;

/// <summary>Day arithmetic that follows from <see cref="IWorkingDayCalendar.IsWorkingDay"/> alone.</summary>
public static class WorkingDayCalendarExtensions
{
    /// <summary>
    /// The working days after <paramref name="after"/> up to and including
    /// <paramref name="upToAndIncluding"/>: the same counting as a period, so
    /// <c>WorkingDaysBetween(a, AddWorkingDays(a, n)) == n</c> for n ≥ 0. When
    /// <paramref name="upToAndIncluding"/> is earlier the result is the negated count of the
    /// reversed range, which reads as "so many working days overdue".
    /// </summary>
    public static int WorkingDaysBetween(this IWorkingDayCalendar calendar, DateOnly after, DateOnly upToAndIncluding)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (upToAndIncluding < after)
        {
            return -calendar.WorkingDaysBetween(upToAndIncluding, after);
        }

        int count = 0;
        for (var day = after.AddDays(1); day <= upToAndIncluding; day = day.AddDays(1))
        {
            if (calendar.IsWorkingDay(day))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary><paramref name="day"/> itself when it is a working day, else the next working day.</summary>
    public static DateOnly NextWorkingDayOnOrAfter(this IWorkingDayCalendar calendar, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        // No real notice has a month without a working day; a calendar that does is broken data,
        // and looping on it forever would hang the step that asked.
        for (int i = 0; i < 366; i++, day = day.AddDays(1))
        {
            if (calendar.IsWorkingDay(day))
            {
                return day;
            }
        }

        throw new InvalidOperationException($"The calendar has no working day in the year from {HolidayYear.Iso(day.AddDays(-366))}.");
    }

    /// <summary>
    /// The last day of a period of <paramref name="days"/> calendar days (日) after
    /// <paramref name="start"/>, the start day not counted. With <paramref name="rollOver"/> a last
    /// day that is a statutory holiday or a rest day moves to the next working day (Civil Code
    /// art. 203). For the roll-over detail and warnings use <see cref="DeadlineCalculator"/>.
    /// </summary>
    public static DateOnly AddCalendarDays(this IWorkingDayCalendar calendar, DateOnly start, int days, bool rollOver = true)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        LegalPeriod.CheckAmount(days, nameof(days));
        var last = start.AddDays(days);
        return rollOver ? calendar.NextWorkingDayOnOrAfter(last) : last;
    }

    /// <summary>The years in <paramref name="from"/>..<paramref name="to"/> (inclusive) that have no holiday data.</summary>
    public static IReadOnlyList<int> YearsWithoutData(this IWorkingDayCalendar calendar, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (to < from)
        {
            (from, to) = (to, from);
        }

        return Enumerable.Range(from.Year, to.Year - from.Year + 1).Where(y => !calendar.HasDataFor(y)).ToList();
    }
}
