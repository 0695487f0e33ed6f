using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Workflows.Engine;
using Workflows.Engine.Calendar;

namespace Workflows.Procedures.Duties;

/// <summary>When a period's work starts: its first working day at the start time, and whether that day is only a guess.</summary>
public sealed record PeriodStart(DutyPeriod Period, DateOnly Day, DateTimeOffset At, IReadOnlyList<CalendarWarning> Warnings);

/// <summary>
/// The scheduler's calendar for duties and digests: every period starts on its first working day
/// (by the statutory calendar, so a make-up Sunday such as 2026-01-04 counts and a National Day
/// week does not) at <see cref="DutiesOptions.StartTime"/> in the engine's time zone.
/// </summary>
/// <remarks>
/// A year without holiday data falls back to Monday-Friday, which is only a guess: the start then
/// carries a warning, and <see cref="Next"/> logs it every time it is asked, so the missing notice
/// shows up in the log at each start of the host and at each firing until an admin enters it.
/// </remarks>
public sealed class DutySchedule(
    IWorkingDayCalendar calendar,
    TimeProvider time,
    IOptions<WorkflowEngineOptions> engineOptions,
    IOptions<DutiesOptions> dutiesOptions,
    ILogger<DutySchedule> logger)
{
    private readonly CalendarClock _clock = new(time, engineOptions.Value.TimeZone);

    public CalendarClock Clock => _clock;

    public PeriodStart StartOf(DutyPeriod period)
    {
        var day = calendar.NextWorkingDayOnOrAfter(period.FirstDay);
        var at = (_clock.StartOf(day) + dutiesOptions.Value.StartTime.ToTimeSpan()).ToUniversalTime();
        IReadOnlyList<CalendarWarning> warnings = calendar.HasDataFor(day.Year) ? [] : [CalendarWarning.NoHolidayData(day.Year)];
        return new PeriodStart(period, day, at, warnings);
    }

    /// <summary>The first period start strictly after <paramref name="after"/>.</summary>
    public PeriodStart Next(DutyFrequency frequency, DateTimeOffset after, string? forJob = null)
    {
        var period = DutyPeriod.Containing(_clock.DateOf(after), frequency);
        var start = StartOf(period);
        // At most two steps: the current period's start may still be ahead (early January), else the next one.
        while (start.At <= after)
        {
            period = period.Next();
            start = StartOf(period);
        }
        foreach (var warning in start.Warnings)
        {
            logger.LogWarning("{Job}: the period {Period} starts on {Day}, computed without holiday data ({Code}): {Message}",
                forJob ?? frequency.ToString(), period.Id, start.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), warning.Code, warning.Message);
        }
        return start;
    }

    /// <summary>The period an occurrence starts; occurrences always fall in their period's first month.</summary>
    public DutyPeriod PeriodOf(DutyFrequency frequency, DateTimeOffset occurrence) =>
        DutyPeriod.Containing(_clock.DateOf(occurrence), frequency);
}
