namespace Workflows.Engine.Calendar;

/// <summary>
/// A period applied to a start date: when it ends, how that was reached, and what may be wrong
/// with it. Produced by <see cref="DeadlineCalculator"/>.
/// </summary>
/// <param name="Start">The day of the triggering event; not counted.</param>
/// <param name="Due">
/// The last day of the period. A maximum period ("…日内") is due by the end of this day; a minimum
/// period ("不少于…日") may not close before this day has ended.
/// </param>
/// <param name="RolledOverFrom">The last counted day when it was a holiday or rest day and the period was extended to <paramref name="Due"/>.</param>
/// <param name="PausedDays">Days of the period's unit that fell inside clock stops and were therefore not counted.</param>
/// <param name="ClockStopped">A clock stop is still open, so <paramref name="Due"/> is provisional.</param>
/// <param name="Warnings">Never empty when <paramref name="Due"/> rests on a guess.</param>
public sealed record Deadline(
    DateOnly Start,
    LegalPeriod Period,
    DateOnly Due,
    DateOnly? RolledOverFrom,
    int PausedDays,
    bool ClockStopped,
    IReadOnlyList<CalendarWarning> Warnings)
{
    public PeriodUnit Unit => Period.Unit;

    public PeriodKind Kind => Period.Kind;

    public bool RolledOver => RolledOverFrom is not null;

    public bool HasWarnings => Warnings.Count > 0;

    /// <summary>Whether the period has run in full by <paramref name="today"/>, i.e. <see cref="Due"/> is over.</summary>
    public bool HasElapsed(DateOnly today) => today > Due;

    /// <summary>
    /// Whether the step may close on <paramref name="today"/>: always for a maximum period; for a
    /// minimum period only once it has elapsed.
    /// </summary>
    public bool MayCloseOn(DateOnly today) => Kind == PeriodKind.Maximum || HasElapsed(today);

    /// <summary>Whether a maximum period was missed: <paramref name="today"/> is after the due day. A minimum period cannot be overdue.</summary>
    public bool IsOverdueOn(DateOnly today) => Kind == PeriodKind.Maximum && HasElapsed(today);

    /// <summary>One line for people, e.g. "due by the end of 2026-10-13 (7WD from 2026-09-28)".</summary>
    public string Explain()
    {
        string rule = Kind == PeriodKind.Maximum
            ? $"due by the end of {HolidayYear.Iso(Due)}"
            : $"may not close before the end of {HolidayYear.Iso(Due)}";
        string rolled = RolledOverFrom is { } from ? $", moved from {HolidayYear.Iso(from)}, not a working day" : "";
        string paused = PausedDays > 0 ? $", {PausedDays} day(s) paused" : "";
        string open = ClockStopped ? ", clock stopped: provisional" : "";
        return $"{rule} ({Period} from {HolidayYear.Iso(Start)}{rolled}{paused}{open})";
    }
}
