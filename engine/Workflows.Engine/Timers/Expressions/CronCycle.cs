using System.Globalization;
using Cronos;
using NodaTime;
using NodaTime.TimeZones;

namespace Workflows.Engine.Timers.Expressions;

/// <summary>
/// A cron <c>timeCycle</c>, evaluated on the wall clock of the configured zone, so
/// <c>0 0 9 * * ?</c> fires at 09:00 Beijing time. Six or seven fields are Quartz style (seconds
/// first, optional year last, day-of-week 1 = Sunday … 7 = Saturday, as Camunda and Quartz read
/// them); five fields are Unix style (minutes first, day-of-week 0 or 7 = Sunday).
/// </summary>
/// <remarks>
/// Cronos only sees local wall-clock times (as if they were UTC) and NodaTime maps them to
/// instants, so the rules come from the same TZDB as every other date in the product. A time
/// that a DST change skips fires when the clocks jump (02:30 on the spring-forward night fires
/// at 03:00); in the repeated hour of a fall-back night a time fires once, on the first pass.
/// </remarks>
internal sealed class CronCycle : TimerCycle
{
    private static readonly ZoneLocalMappingResolver WallClock =
        Resolvers.CreateMappingResolver(Resolvers.ReturnEarlier, Resolvers.ReturnStartOfIntervalAfter);

    // Bounds the walk past instants a DST fall-back maps behind the previous firing.
    private const int MaxSteps = 1000;

    private readonly CronExpression _cron;
    private readonly CronYearField _years;
    private readonly DateTimeZone _zone;

    private CronCycle(CronExpression cron, CronYearField years, DateTimeZone zone)
    {
        _cron = cron;
        _years = years;
        _zone = zone;
    }

    public override int? Repetitions => null;

    public static new CronCycle Parse(string text, DateTimeZone zone)
    {
        var fields = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        try
        {
            return fields.Length switch
            {
                5 => new CronCycle(CronExpression.Parse(text, CronFormat.Standard), CronYearField.Any, zone),
                6 => new CronCycle(CronExpression.Parse(QuartzToCronos(fields, text), CronFormat.IncludeSeconds), CronYearField.Any, zone),
                7 => new CronCycle(CronExpression.Parse(QuartzToCronos(fields[..6], text), CronFormat.IncludeSeconds), CronYearField.Parse(fields[6], text), zone),
                _ => throw new FormatException(
                    $"'{text}' is neither an ISO-8601 repeating interval (R/PT1H, R5/PT10M, R3/2026-01-01T09:00:00+08:00/P1D) nor a cron expression of 5 fields (Unix) or 6–7 fields (Quartz, seconds first, e.g. 0 0 9 * * ?)."),
            };
        }
        catch (CronFormatException e)
        {
            throw new FormatException($"'{text}' is not a valid cron expression: {e.Message}", e);
        }
    }

    public override (Instant Due, int Skipped)? FirstAtOrAfter(Instant now) =>
        Next(now, inclusive: true) is { } due ? (due, 0) : null;

    public override Instant? NextAfter(Instant previous) => Next(previous, inclusive: false);

    private Instant? Next(Instant from, bool inclusive)
    {
        var cursor = DateTime.SpecifyKind(from.InZone(_zone).LocalDateTime.ToDateTimeUnspecified(), DateTimeKind.Utc);
        var cursorInclusive = inclusive;
        for (var step = 0; step < MaxSteps; step++)
        {
            if (_cron.GetNextOccurrence(cursor, cursorInclusive) is not { } wallClock)
            {
                return null;
            }

            if (!_years.Allows(wallClock.Year))
            {
                if (_years.NextAllowed(wallClock.Year + 1) is not { } year)
                {
                    return null;
                }

                cursor = new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc);
                cursorInclusive = true;
                continue;
            }

            var due = LocalDateTime.FromDateTime(wallClock).InZone(_zone, WallClock).ToInstant();
            if (due > from || (inclusive && due == from))
            {
                return due;
            }

            cursor = wallClock;
            cursorInclusive = false;
        }

        return null;
    }

    /// <summary>
    /// Quartz numbers days of the week 1 (SUN) to 7 (SAT), Cronos 0 (SUN) to 6 (SAT); names,
    /// steps and the n in <c>#n</c> mean the same in both. A lone <c>L</c> is Quartz for Saturday.
    /// </summary>
    private static string QuartzToCronos(string[] fields, string text)
    {
        var days = fields[5].Split(',').Select(element => QuartzDayElement(element, text));
        return string.Join(' ', fields[..5].Append(string.Join(',', days)));
    }

    private static string QuartzDayElement(string element, string text)
    {
        if (element.Equals("L", StringComparison.OrdinalIgnoreCase))
        {
            return "6";
        }

        var slash = element.IndexOf('/');
        var (range, step) = slash < 0 ? (element, "") : (element[..slash], element[slash..]);
        var hash = range.IndexOf('#');
        var (days, nth) = hash < 0 ? (range, "") : (range[..hash], range[hash..]);
        var last = days.EndsWith('L') || days.EndsWith('l') ? days[^1..] : "";
        days = days[..^last.Length];

        var translated = string.Join('-', days.Split('-').Select(day => QuartzDay(day, text)));
        return translated + last + nth + step;
    }

    private static string QuartzDay(string day, string text)
    {
        if (day.Length == 0 || !day.All(char.IsAsciiDigit))
        {
            return day; // *, ?, or a name such as MON
        }

        var number = int.Parse(day, CultureInfo.InvariantCulture);
        if (number is < 1 or > 7)
        {
            throw new FormatException(
                $"'{text}': in a Quartz cron expression the day of the week is 1 (SUN) to 7 (SAT), or a name such as MON-FRI; {day} is out of range.");
        }

        return (number - 1).ToString(CultureInfo.InvariantCulture);
    }
}
