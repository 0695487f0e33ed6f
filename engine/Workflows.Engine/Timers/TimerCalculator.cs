using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.TimeZones;
using Workflows.Engine.Bpmn.Model;
using Workflows.Engine.Calendar;
using Workflows.Engine.Timers.Expressions;

namespace Workflows.Engine.Timers;

/// <summary>
/// When a user task is due and when a timer event fires. All local-time reasoning (dates,
/// working days, month ends, cron hours) happens in the configured IANA zone, Asia/Shanghai by
/// default, using NodaTime's TZDB. Results are instants returned with offset zero, so stored
/// values order correctly even as text.
/// </summary>
/// <remarks>
/// Expressions containing <c>${...}</c> are resolved by the caller before they reach this class.
/// </remarks>
public sealed class TimerCalculator
{
    /// <summary>The last second of a working day: a period of n working days ends at the end of day n.</summary>
    private static readonly LocalTime EndOfDay = new(23, 59, 59);

    private readonly IWorkingDayCalendar _calendar;
    private readonly DateTimeZone _zone;
    private readonly ILogger _logger;

    public TimerCalculator(IWorkingDayCalendar calendar, IOptions<WorkflowEngineOptions> options, ILogger<TimerCalculator>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(options);
        var zoneId = options.Value.TimeZone;
        _zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId)
            ?? throw new InvalidOperationException($"'{zoneId}' ({WorkflowEngineOptions.Section}:TimeZone) is not an IANA time zone, e.g. Asia/Shanghai.");
        _calendar = calendar;
        _logger = logger ?? NullLogger<TimerCalculator>.Instance;
    }

    /// <summary>
    /// The due instant of a <c>fz:due</c> rule counted from <paramref name="from"/>: an ISO-8601
    /// duration is calendar time (<c>P30D</c>, <c>PT2H</c>, <c>P1M</c>); <c>&lt;n&gt;WD</c> is the
    /// end (23:59:59 local) of the n-th working day after the local date of <paramref name="from"/>,
    /// which itself is not counted; <c>0WD</c> is the end of today.
    /// </summary>
    /// <exception cref="FormatException">The rule is neither form.</exception>
    public DateTimeOffset DueFrom(string rule, DateTimeOffset from)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var start = Instant.FromDateTimeOffset(from);
        return DueRule.Parse(rule) switch
        {
            DueRule.WorkingDays { Count: var days } => EndOfWorkingDays(start, days),
            DueRule.CalendarTime { Duration: var duration } => ToOffset(duration.AddTo(start, _zone)
                ?? throw new FormatException($"'{rule.Trim()}' from {from:O} lies beyond the supported calendar range.")),
            _ => throw new UnreachableException(),
        };
    }

    /// <summary>
    /// The first firing of a timer created at <paramref name="now"/>. Duration: <see cref="DueFrom"/>
    /// (so <c>3WD</c> works on timers too). Date: the given instant, even if it has passed (the
    /// timer then fires at once). Cycle: for <c>R[n]/period</c> one period after now; for
    /// <c>R[n]/start/period</c> the first occurrence at or after now, earlier ones being skipped and
    /// counted against n; for cron the first matching time at or after now.
    /// </summary>
    /// <returns>Null only for a cycle with no firing left (all of <c>Rn</c> already past, or a cron
    /// whose year field has ended).</returns>
    /// <exception cref="FormatException">The expression is invalid for its kind.</exception>
    public TimerOccurrence? First(TimerKind kind, string expression, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(expression);
        switch (kind)
        {
            case TimerKind.Duration:
                return new TimerOccurrence(DueFrom(expression, now), 0);
            case TimerKind.Date:
                return new TimerOccurrence(ToOffset(IsoDateTime.Parse(expression, _zone)), 0);
            case TimerKind.Cycle:
                var cycle = TimerCycle.Parse(expression, _zone);
                if (cycle.FirstAtOrAfter(Instant.FromDateTimeOffset(now)) is not { } first)
                {
                    return null;
                }

                var (due, skipped) = first;
                int? remaining = cycle.Repetitions is { } total ? total - skipped - 1 : null;
                return remaining < 0 ? null : new TimerOccurrence(ToOffset(due), remaining);
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown timer kind.");
        }
    }

    /// <summary>
    /// The firing after a cycle fired at <paramref name="previousDue"/>: strictly later, one step
    /// of the schedule (missed firings are not skipped here). Null when
    /// <paramref name="remainingRepetitions"/> is 0, the schedule has ended, or the timer is not a cycle.
    /// </summary>
    /// <param name="remainingRepetitions">As stored with the firing that just happened; null for unbounded.</param>
    public TimerOccurrence? Next(TimerKind kind, string expression, DateTimeOffset previousDue, int? remainingRepetitions)
    {
        ArgumentNullException.ThrowIfNull(expression);
        if (kind != TimerKind.Cycle || remainingRepetitions <= 0)
        {
            return null;
        }

        var next = TimerCycle.Parse(expression, _zone).NextAfter(Instant.FromDateTimeOffset(previousDue));
        return next is { } due ? new TimerOccurrence(ToOffset(due), remainingRepetitions - 1) : null;
    }

    /// <summary>Null when the timer expression is valid for its kind, else a message naming the problem.</summary>
    public string? Validate(TimerKind kind, string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        try
        {
            switch (kind)
            {
                case TimerKind.Duration:
                    return ValidateDue(expression);
                case TimerKind.Date:
                    IsoDateTime.Parse(expression, _zone);
                    return null;
                case TimerKind.Cycle:
                    return NeverFires(TimerCycle.Parse(expression, _zone), expression);
                default:
                    return $"Unknown timer kind {kind}.";
            }
        }
        catch (FormatException e)
        {
            return e.Message;
        }
    }

    /// <summary>Null when the <c>fz:due</c> rule is valid, else a message naming the problem.</summary>
    public string? ValidateDue(string rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        try
        {
            DueRule.Parse(rule);
            return null;
        }
        catch (FormatException e)
        {
            return e.Message;
        }
    }

    private DateTimeOffset EndOfWorkingDays(Instant start, int days)
    {
        var today = start.InZone(_zone).Date;
        var last = days == 0
            ? today
            : LocalDate.FromDateOnly(_calendar.AddWorkingDays(today.ToDateOnly(), days));

        // RULES.md: a year without holiday data must not silently count weekdays only.
        for (var year = today.Year; year <= last.Year; year++)
        {
            if (!_calendar.HasDataFor(year))
            {
                _logger.LogWarning(
                    "Deadline of {Days} working days from {Start} ends {Due}, but the working-day calendar has no holiday data for {Year}; only weekends were excluded.",
                    days, today, last, year);
            }
        }

        return ToOffset(last.At(EndOfDay).InZone(_zone, Resolvers.LenientResolver).ToInstant());
    }

    /// <summary>
    /// A cron expression can be well formed and still never match (<c>0 0 9 30 2 ?</c>, 30 February).
    /// Checked from a fixed point, not the clock, so the answer does not change with the day.
    /// </summary>
    private static string? NeverFires(TimerCycle cycle, string expression) =>
        cycle is CronCycle && cycle.FirstAtOrAfter(Instant.FromUtc(2000, 1, 1, 0, 0)) is null
            ? $"'{expression.Trim()}' never fires."
            : null;

    private static DateTimeOffset ToOffset(Instant instant) => instant.ToDateTimeOffset();
}

/// <summary>A timer firing.</summary>
/// <param name="DueAt">When it fires.</param>
/// <param name="RemainingRepetitions">Firings left after this one: 0 for one-shot timers and the
/// last firing of <c>Rn</c>; null for an unbounded cycle.</param>
public sealed record TimerOccurrence(DateTimeOffset DueAt, int? RemainingRepetitions);
