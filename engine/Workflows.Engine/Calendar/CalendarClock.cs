using NodaTime;

namespace Workflows.Engine.Calendar;

/// <summary>
/// Turns instants from a <see cref="TimeProvider"/> into the calendar dates that periods are
/// counted in, in one IANA time zone (Asia/Shanghai unless a deployment says otherwise). The
/// zone rules come from NodaTime's own tz database, so the answer does not depend on the host OS.
/// </summary>
public sealed class CalendarClock
{
    public const string DefaultTimeZone = "Asia/Shanghai";

    private readonly TimeProvider _time;
    private readonly DateTimeZone _zone;

    /// <exception cref="ArgumentException"><paramref name="timeZoneId"/> is not an IANA zone id.</exception>
    public CalendarClock(TimeProvider time, string timeZoneId = DefaultTimeZone)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentException.ThrowIfNullOrWhiteSpace(timeZoneId);
        _time = time;
        _zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(timeZoneId)
            ?? throw new ArgumentException($"\"{timeZoneId}\" is not an IANA time zone id (e.g. {DefaultTimeZone}).", nameof(timeZoneId));
    }

    public string TimeZoneId => _zone.Id;

    public DateOnly Today() => DateOf(_time.GetUtcNow());

    public DateOnly DateOf(DateTimeOffset instant) =>
        Instant.FromDateTimeOffset(instant).InZone(_zone).Date.ToDateOnly();

    /// <summary>The first instant of <paramref name="day"/> in the zone.</summary>
    public DateTimeOffset StartOf(DateOnly day) =>
        _zone.AtStartOfDay(LocalDate.FromDateOnly(day)).ToDateTimeOffset();

    /// <summary>
    /// The instant a period whose last day is <paramref name="day"/> has elapsed: the start of the
    /// next day. Exclusive, so a timer set to it fires only once the whole last day is over.
    /// </summary>
    public DateTimeOffset EndOf(DateOnly day) => StartOf(day.AddDays(1));
}
