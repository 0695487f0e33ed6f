using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Text;
using NodaTime.TimeZones;

namespace Workflows.Engine.Timers.Expressions;

/// <summary>
/// An ISO-8601 duration (<c>P30D</c>, <c>PT2H</c>, <c>P1M</c>, <c>P1DT12H</c>, <c>P2W</c>) applied
/// in a time zone. The date part (years, months, weeks, days) moves the local calendar date, so
/// <c>P1D</c> is "same wall-clock time tomorrow" even across a DST change and <c>P1M</c> from
/// 31 January is the end of February; the time part (hours and smaller) is elapsed time, so
/// <c>PT24H</c> is always 24 real hours. This is the split java.time and NodaTime make between
/// periods and durations.
/// </summary>
internal sealed partial class IsoDuration
{
    private readonly Period _datePart;
    private readonly Duration _timePart;

    private IsoDuration(Period period)
    {
        _datePart = new PeriodBuilder { Years = period.Years, Months = period.Months, Weeks = period.Weeks, Days = period.Days }.Build();
        _timePart = new PeriodBuilder
        {
            Hours = period.Hours,
            Minutes = period.Minutes,
            Seconds = period.Seconds,
            Milliseconds = period.Milliseconds,
            Ticks = period.Ticks,
            Nanoseconds = period.Nanoseconds,
        }.Build().ToDuration();
        IsZero = _datePart.Equals(Period.Zero) && _timePart == Duration.Zero;
    }

    public bool IsZero { get; }

    /// <summary>True when only hours and smaller are present: the length is then the same everywhere.</summary>
    public bool IsExact => _datePart.Equals(Period.Zero);

    public static bool LooksLikeDuration(string text) => text.Length > 0 && (text[0] is 'P' or 'p');

    /// <exception cref="FormatException">Not an ISO-8601 duration with non-negative whole components.</exception>
    public static IsoDuration Parse(string text)
    {
        var trimmed = text.Trim();

        // NodaTime accepts things ISO does not ("P1DT", negative parts); the shape check keeps
        // the accepted language small and the messages about the designer's text.
        var upper = trimmed.ToUpperInvariant();
        if (!Shape().IsMatch(upper))
        {
            throw new FormatException(
                $"'{trimmed}' is not an ISO-8601 duration; write e.g. P30D (30 days), PT2H (2 hours), P1M (1 month), P1DT12H or P2W.");
        }

        var parsed = PeriodPattern.NormalizingIso.Parse(upper.Replace(',', '.'));
        if (!parsed.Success)
        {
            throw new FormatException($"'{trimmed}' is not a valid ISO-8601 duration: {parsed.Exception.Message}");
        }

        return new IsoDuration(parsed.Value);
    }

    /// <summary>
    /// An elapsed-time length, e.g. the span between the start and end of an interval; kept in
    /// nanoseconds, never normalised into days, so it stays elapsed time.
    /// </summary>
    public static IsoDuration Exact(Duration length) => new(Period.FromNanoseconds(length.ToInt64Nanoseconds()));

    /// <summary>The instant <paramref name="times"/> applications of this duration after <paramref name="start"/>.</summary>
    /// <returns>Null when the result lies outside the representable range.</returns>
    public Instant? AddTo(Instant start, DateTimeZone zone, long times = 1)
    {
        try
        {
            var instant = start;
            if (!IsExact)
            {
                var scaled = new PeriodBuilder
                {
                    Years = checked((int)(_datePart.Years * times)),
                    Months = checked((int)(_datePart.Months * times)),
                    Weeks = checked((int)(_datePart.Weeks * times)),
                    Days = checked((int)(_datePart.Days * times)),
                }.Build();
                var local = start.InZone(zone).LocalDateTime.Plus(scaled);
                instant = local.InZone(zone, Resolvers.LenientResolver).ToInstant();
            }

            return instant.Plus(_timePart * times);
        }
        catch (Exception e) when (e is OverflowException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    // P, then Y M W D in order, then optionally T with H M S (only seconds may be fractional).
    [GeneratedRegex(@"^P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+([.,]\d{1,9})?S)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
