using System.Globalization;
using NodaTime;

namespace Workflows.Engine.Timers.Expressions;

/// <summary>
/// ISO-8601 repeating interval, <c>R[n]/[start/]period</c> or <c>R[n]/start/end</c>.
/// Without a start the first firing is one period after the timer is created and each next
/// firing one period after the previous (as Camunda does). With a start, firings are
/// start + k × period, always computed from the start so that <c>P1M</c> from 31 January keeps
/// returning to month ends instead of drifting to the 28th; firings already in the past when the
/// timer is created are skipped and count against n, so <c>R3/</c> with a start two days ago and
/// <c>P1D</c> fires once more.
/// </summary>
internal sealed class RepeatingIntervalCycle : TimerCycle
{
    private readonly DateTimeZone _zone;
    private readonly Instant? _start;
    private readonly IsoDuration _period;

    private RepeatingIntervalCycle(int? repetitions, Instant? start, IsoDuration period, DateTimeZone zone)
    {
        Repetitions = repetitions;
        _start = start;
        _period = period;
        _zone = zone;
    }

    public override int? Repetitions { get; }

    public static new RepeatingIntervalCycle Parse(string text, DateTimeZone zone)
    {
        var parts = text.Split('/');
        if (parts.Length is < 2 or > 3)
        {
            throw new FormatException($"'{text}' is not an ISO-8601 repeating interval; write R/PT1H, R5/PT10M or R3/2026-01-01T09:00:00+08:00/P1D.");
        }

        var repetitions = ParseRepetitions(parts[0], text);
        if (parts.Length == 2)
        {
            return new RepeatingIntervalCycle(repetitions, null, PositivePeriod(parts[1], text), zone);
        }

        if (IsoDuration.LooksLikeDuration(parts[1].Trim()))
        {
            throw new FormatException($"'{text}': a repeating interval that ends at a date (R/period/end) is not supported; give the start instead, e.g. R3/2026-01-01T09:00:00+08:00/P1D.");
        }

        var start = IsoDateTime.Parse(parts[1], zone);
        if (IsoDuration.LooksLikeDuration(parts[2].Trim()))
        {
            return new RepeatingIntervalCycle(repetitions, start, PositivePeriod(parts[2], text), zone);
        }

        // R/start/end: the interval is the exact time between the two.
        var end = IsoDateTime.Parse(parts[2], zone);
        if (end <= start)
        {
            throw new FormatException($"'{text}': the end must be after the start.");
        }

        return new RepeatingIntervalCycle(repetitions, start, IsoDuration.Exact(end - start), zone);
    }

    public override (Instant Due, int Skipped)? FirstAtOrAfter(Instant now)
    {
        if (_start is not { } start)
        {
            return _period.AddTo(now, _zone) is { } due ? (due, 0) : null;
        }

        if (FirstIndexAtOrAfter(start, now, strictlyAfter: false) is not { } k || Exhausted(k))
        {
            return null;
        }

        return (Occurrence(start, k)!.Value, k);
    }

    public override Instant? NextAfter(Instant previous)
    {
        if (_start is not { } start)
        {
            return _period.AddTo(previous, _zone);
        }

        return FirstIndexAtOrAfter(start, previous, strictlyAfter: true) is { } k && !Exhausted(k)
            ? Occurrence(start, k)
            : null;
    }

    private bool Exhausted(int index) => Repetitions is { } n && index >= n;

    private Instant? Occurrence(Instant start, long k) => _period.AddTo(start, _zone, k);

    /// <summary>
    /// Smallest k with occurrence k at (or strictly after) <paramref name="target"/>. Occurrences
    /// grow with k, so an exponential then a binary search finds it in a few dozen steps even
    /// for a per-second cycle that started years ago.
    /// </summary>
    private int? FirstIndexAtOrAfter(Instant start, Instant target, bool strictlyAfter)
    {
        bool Reached(long k) => Occurrence(start, k) is not { } at || (strictlyAfter ? at > target : at >= target);

        if (Reached(0))
        {
            return 0;
        }

        long low = 0, high = 1;
        while (!Reached(high))
        {
            low = high;
            high *= 2;
            if (high > int.MaxValue)
            {
                return null;
            }
        }

        // Invariant: not Reached(low), Reached(high).
        while (high - low > 1)
        {
            var middle = low + ((high - low) / 2);
            if (Reached(middle))
            {
                high = middle;
            }
            else
            {
                low = middle;
            }
        }

        return Occurrence(start, high) is null ? null : (int)high;
    }

    private static int? ParseRepetitions(string part, string text)
    {
        var count = part.Trim();
        if (count.Length == 1)
        {
            return null;
        }

        if (!int.TryParse(count.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
        {
            throw new FormatException($"'{text}': the repetition count must be R (unbounded) or R followed by a whole number of at least 1, e.g. R5.");
        }

        return n;
    }

    private static IsoDuration PositivePeriod(string part, string text)
    {
        var period = IsoDuration.Parse(part);
        if (period.IsZero)
        {
            throw new FormatException($"'{text}': the interval between firings must be longer than zero.");
        }

        return period;
    }
}
