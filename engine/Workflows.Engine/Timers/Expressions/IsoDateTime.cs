using NodaTime;
using NodaTime.Text;
using NodaTime.TimeZones;

namespace Workflows.Engine.Timers.Expressions;

/// <summary>
/// An ISO-8601 point in time as <c>timeDate</c> and repeating-interval starts write it: with an
/// offset (<c>2026-01-01T09:00:00+08:00</c>, <c>...Z</c>) it is exact; without one
/// (<c>2026-01-01T09:00:00</c>, <c>2026-01-01</c>) it is local time in the configured zone, a date
/// alone meaning its first moment (00:00).
/// </summary>
internal static class IsoDateTime
{
    private static readonly IPattern<OffsetDateTime>[] OffsetPatterns =
    [
        OffsetDateTimePattern.ExtendedIso,
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mmo<G>"),
    ];

    private static readonly IPattern<LocalDateTime>[] LocalPatterns =
    [
        LocalDateTimePattern.ExtendedIso,
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm"),
    ];

    /// <exception cref="FormatException">Not one of the accepted ISO-8601 forms.</exception>
    public static Instant Parse(string text, DateTimeZone zone)
    {
        var trimmed = text.Trim();
        foreach (var pattern in OffsetPatterns)
        {
            if (pattern.Parse(trimmed) is { Success: true } offset)
            {
                return offset.Value.ToInstant();
            }
        }

        foreach (var pattern in LocalPatterns)
        {
            if (pattern.Parse(trimmed) is { Success: true } local)
            {
                return local.Value.InZone(zone, Resolvers.LenientResolver).ToInstant();
            }
        }

        if (LocalDatePattern.Iso.Parse(trimmed) is { Success: true } date)
        {
            return zone.AtStartOfDay(date.Value).ToInstant();
        }

        throw new FormatException(
            $"'{trimmed}' is not an ISO-8601 date-time; write e.g. 2026-10-13T09:00:00+08:00, 2026-10-13T09:00:00 (local time) or 2026-10-13.");
    }
}
