using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Workflows.Engine.Calendar;
using Workflows.Engine.Timers;

namespace Workflows.Engine.Tasks;

/// <summary>A computed instant with the warnings it rests on (e.g. a year without holiday data).</summary>
public sealed record TaskDeadline(DateTimeOffset At, IReadOnlyList<string> Warnings);

/// <summary>
/// A task's statutory times: its due date (<c>fz:due</c>), its earliest completion (<c>fz:minimum</c>)
/// and when each rung of its ladder fires — all through the one working-day calendar.
/// </summary>
/// <remarks>
/// Rules: a fixed last day <c>2027-03-31</c>; <c>7WD</c> working days and <c>30D</c> legal calendar days (rolled past rest days and
/// holidays) end at the end of their last day; an ISO-8601 duration (<c>P15D</c>, <c>PT2H</c>) is
/// exact calendar time. Clock stops add the paused working or calendar days, or for ISO durations
/// the paused time.
/// </remarks>
public sealed partial class TaskDeadlines(IWorkingDayCalendar calendar, TimerCalculator timers, TimeProvider time, IOptions<WorkflowEngineOptions> options, IOptions<DeadlineOptions> deadlineOptions)
{
    private readonly CalendarClock _clock = new(time, options.Value.TimeZone);

    public CalendarClock Clock => _clock;

    public TaskDeadline Due(string rule, DateTimeOffset from, IReadOnlyCollection<TaskClockStop> stops, DateTimeOffset now) =>
        Compute(rule, PeriodKind.Maximum, from, stops, now);

    /// <summary>The instant from which a step with a minimum period may close.</summary>
    public TaskDeadline EarliestCompletion(string rule, DateTimeOffset from) =>
        Compute(rule, PeriodKind.Minimum, from, [], from);

    /// <summary>Null when valid, else why not.</summary>
    public string? Validate(string rule) =>
        LegalRule().IsMatch(rule.Trim()) || IsDate(rule, out _) ? null : timers.ValidateDue(rule);

    /// <summary>A fixed last day such as <c>2027-03-31</c> (a duty's statutory date).</summary>
    private static bool IsDate(string rule, out DateOnly day) =>
        DateOnly.TryParseExact(rule.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out day);

    private TaskDeadline Compute(string rule, PeriodKind kind, DateTimeOffset from, IReadOnlyCollection<TaskClockStop> stops, DateTimeOffset now)
    {
        var text = rule.Trim();
        if (IsDate(text, out var lastDay))
        {
            // A fixed date is moved neither by roll-over nor by clock stops: the law names the day.
            var end = _clock.EndOf(lastDay);
            return new TaskDeadline((kind == PeriodKind.Maximum ? end.AddSeconds(-1) : end).ToUniversalTime(),
                calendar.HasDataFor(lastDay.Year) ? [] : [CalendarWarning.NoHolidayData(lastDay.Year).Message]);
        }
        if (LegalRule().IsMatch(text))
        {
            var period = LegalPeriod.Parse(text.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant(), kind);
            var clockStops = stops.Select(s => new ClockStop(
                _clock.DateOf(s.PausedAt), s.ResumedAt is { } r ? _clock.DateOf(r) : null, s.PausedBy, s.Reason, s.ResumedAt is null ? null : s.ResumedBy ?? s.PausedBy)).ToList();
            var deadline = new DeadlineCalculator(calendar, deadlineOptions.Value).Compute(_clock.DateOf(from), period, clockStops, _clock.DateOf(now));
            var end = _clock.EndOf(deadline.Due);
            // A maximum period is due in its last second; a minimum period may close once its last day is over.
            var at = kind == PeriodKind.Maximum ? end.AddSeconds(-1) : end;
            return new TaskDeadline(at.ToUniversalTime(), [.. deadline.Warnings.Select(w => w.Message)]);
        }
        var paused = stops.Aggregate(TimeSpan.Zero, (sum, s) => sum + ((s.ResumedAt ?? now) - s.PausedAt));
        return new TaskDeadline(timers.DueFrom(text, from) + paused, []);
    }

    /// <summary>When each rung fires for a task due at <paramref name="dueAt"/>; rungs already past are left out.</summary>
    public IReadOnlyList<(int Index, DateTimeOffset At)> LadderTimes(IReadOnlyList<LadderRung> ladder, DateTimeOffset dueAt, DateTimeOffset now)
    {
        var dueDate = _clock.DateOf(dueAt);
        var lastWorkingDay = calendar.IsWorkingDay(dueDate) ? dueDate : calendar.AddWorkingDays(dueDate, -1);
        var result = new List<(int, DateTimeOffset)>();
        for (var i = 0; i < ladder.Count; i++)
        {
            var rung = ladder[i];
            var day = rung.BeforeDue
                ? calendar.AddWorkingDays(lastWorkingDay, -rung.WorkingDays)
                : calendar.AddWorkingDays(dueDate, Math.Max(1, rung.WorkingDays));
            var at = (_clock.StartOf(day) + options.Value.ReminderTime.ToTimeSpan()).ToUniversalTime();
            if (at > now)
            {
                result.Add((i, at));
            }
        }
        return result;
    }

    [GeneratedRegex(@"^\d+\s*(WD|D)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LegalRule();
}
