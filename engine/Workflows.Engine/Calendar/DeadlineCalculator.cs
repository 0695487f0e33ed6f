namespace Workflows.Engine.Calendar;

/// <summary>
/// Applies legal periods to dates through a working-day calendar, and says when a result rests on
/// a guess. Stateless apart from its calendar and settings; safe to share between threads.
/// </summary>
/// <remarks>
/// Counting: the start day is never counted; the period ends on the day its last unit is counted.
/// Working-day periods count only working days. Calendar-day periods count every day and then,
/// when <see cref="DeadlineOptions.RollOverCalendarDays"/> is on, move a last day that is not a
/// working day to the next working day. A zero period ends on the start day (rolled over if that
/// is not a working day and the unit is calendar days).
/// <para>
/// Clock stops: a day counts towards the period only if it is a day of the period's unit and no
/// stop pauses it (see <see cref="ClockStop"/>: paused days are [PausedOn, ResumedOn)). Counting
/// simply skips paused days, so a stop lying within the period extends the due date by exactly its
/// paused working days (or calendar days), overlapping stops are not counted twice, and a stop that
/// begins after the period has run out cannot revive it.
/// </para>
/// <para>
/// Warnings: every year without holiday data between the first day the computation looks at (the
/// day after the start, or the start day for a zero period) and the due date gives one warning.
/// </para>
/// </remarks>
public sealed class DeadlineCalculator
{
    private readonly IWorkingDayCalendar _calendar;
    private readonly bool _rollOverCalendarDays;

    public DeadlineCalculator(IWorkingDayCalendar calendar, DeadlineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        _calendar = calendar;
        _rollOverCalendarDays = (options ?? new DeadlineOptions()).RollOverCalendarDays;
    }

    public IWorkingDayCalendar Calendar => _calendar;

    public Deadline Compute(DateOnly start, LegalPeriod period) => Compute(start, period, [], today: null);

    /// <summary>The deadline of <paramref name="period"/> from <paramref name="start"/>, not counting days paused by <paramref name="clockStops"/>.</summary>
    /// <param name="today">Needed only when a stop is still open: it is taken as paused through this day.</param>
    public Deadline Compute(DateOnly start, LegalPeriod period, IReadOnlyCollection<ClockStop> clockStops, DateOnly? today = null)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(clockStops);
        var openStops = clockStops.Where(s => s.IsOpen).ToList();
        if (openStops.Count > 0 && today is null)
        {
            throw new ArgumentException(
                $"The clock stop of {HolidayYear.Iso(openStops[0].PausedOn)} has not resumed; pass today so the provisional due date can be computed.",
                nameof(today));
        }

        var asOf = today ?? DateOnly.MinValue;
        var day = start;
        int remaining = period.Amount;
        int pausedDays = 0;
        while (remaining > 0)
        {
            day = day.AddDays(1);
            if (period.Unit == PeriodUnit.WorkingDays && !_calendar.IsWorkingDay(day))
            {
                continue;
            }

            if (clockStops.Any(s => s.Pauses(day, asOf)))
            {
                pausedDays++;
            }
            else
            {
                remaining--;
            }
        }

        var due = day;
        DateOnly? rolledOverFrom = null;
        if (period.Unit == PeriodUnit.CalendarDays && _rollOverCalendarDays)
        {
            due = _calendar.NextWorkingDayOnOrAfter(day);
            rolledOverFrom = due == day ? null : day;
        }

        var firstLookedAt = period.Amount == 0 ? start : start.AddDays(1);
        var warnings = _calendar.YearsWithoutData(firstLookedAt, due)
            .Select(CalendarWarning.NoHolidayData)
            .Concat(openStops.Select(s => CalendarWarning.ClockStopped(s, asOf)))
            .ToList();

        return new Deadline(start, period, due, rolledOverFrom, pausedDays, openStops.Count > 0, warnings);
    }

    /// <summary>
    /// <see cref="WorkingDayCalendarExtensions.WorkingDaysBetween"/> with the warnings for years
    /// without data among the days counted.
    /// </summary>
    public WorkingDayCount CountWorkingDays(DateOnly after, DateOnly upToAndIncluding)
    {
        int days = _calendar.WorkingDaysBetween(after, upToAndIncluding);
        var (low, high) = after <= upToAndIncluding ? (after, upToAndIncluding) : (upToAndIncluding, after);
        var warnings = low == high
            ? []
            : _calendar.YearsWithoutData(low.AddDays(1), high).Select(CalendarWarning.NoHolidayData).ToList();
        return new WorkingDayCount(after, upToAndIncluding, days, warnings);
    }
}
