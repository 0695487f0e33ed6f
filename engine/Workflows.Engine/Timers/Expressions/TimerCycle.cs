using NodaTime;

namespace Workflows.Engine.Timers.Expressions;

/// <summary>
/// A <c>timeCycle</c>: an ISO-8601 repeating interval (<c>R5/PT10M</c>,
/// <c>R3/2026-01-01T09:00:00+08:00/P1D</c>) or a cron expression (<c>0 0 9 ? * MON-FRI</c>).
/// </summary>
internal abstract class TimerCycle
{
    /// <summary>Total firings the expression allows; null when unbounded.</summary>
    public abstract int? Repetitions { get; }

    /// <summary>
    /// The first firing at or after <paramref name="now"/>, and how many firings of the
    /// schedule lie before it (they count against <see cref="Repetitions"/>). Null when the
    /// schedule has no firing left.
    /// </summary>
    public abstract (Instant Due, int Skipped)? FirstAtOrAfter(Instant now);

    /// <summary>The firing strictly after <paramref name="previous"/>; null when there is none.</summary>
    public abstract Instant? NextAfter(Instant previous);

    /// <exception cref="FormatException">Neither form, or an invalid one.</exception>
    public static TimerCycle Parse(string expression, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var text = expression.Trim();
        if (text.Length == 0)
        {
            throw new FormatException("The timer cycle is empty; write e.g. R/PT1H, R5/PT10M, R3/2026-01-01T09:00:00+08:00/P1D or a cron expression such as 0 0 9 * * ?.");
        }

        if (text[0] is ('R' or 'r') && (text.Length == 1 || text[1] == '/' || char.IsAsciiDigit(text[1]) || text[1] == '-'))
        {
            return RepeatingIntervalCycle.Parse(text, zone);
        }

        return CronCycle.Parse(text, zone);
    }
}
