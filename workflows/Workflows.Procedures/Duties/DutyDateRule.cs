using System.Globalization;

namespace Workflows.Procedures.Duties;

/// <summary>
/// A statutory date of a duty, written in configuration relative to its period: <c>end</c> (the
/// period's last day), <c>03-31</c> (that day in the period's year; yearly duties), or one
/// <c>MM-dd</c> per period (<c>06-30,12-31</c> for a half-yearly duty).
/// </summary>
public sealed class DutyDateRule
{
    private readonly IReadOnlyList<(int Month, int Day)>? _dates;

    private DutyDateRule(string text, DutyFrequency frequency, IReadOnlyList<(int Month, int Day)>? dates)
    {
        Text = text;
        Frequency = frequency;
        _dates = dates;
    }

    public string Text { get; }
    public DutyFrequency Frequency { get; }

    /// <exception cref="FormatException">The text is not a rule for this frequency; the message says why.</exception>
    public static DutyDateRule Parse(string? text, DutyFrequency frequency)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Equals("end", StringComparison.OrdinalIgnoreCase))
        {
            return new DutyDateRule("end", frequency, null);
        }
        var parts = trimmed.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var perYear = DutyPeriod.PerYear(frequency);
        if (parts.Length != perYear)
        {
            throw new FormatException(perYear == 1
                ? $"'{trimmed}' is not a date rule: write end or a month and day such as 03-31."
                : $"'{trimmed}' is not a date rule for {perYear} periods a year: write end, or {perYear} dates MM-dd separated by commas (one per period).");
        }
        var dates = new List<(int, int)>(perYear);
        for (var i = 0; i < parts.Length; i++)
        {
            // 02-29 is refused: a duty must fall due every year.
            if (!DateOnly.TryParseExact("2026-" + parts[i], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                throw new FormatException($"'{parts[i]}' is not a month and day such as 03-31.");
            }
            var period = new DutyPeriod(2026, frequency, i + 1);
            if (day < period.FirstDay)
            {
                throw new FormatException($"'{parts[i]}' falls before period {i + 1} begins ({period.FirstDay:MM-dd}); a duty cannot be due before it starts.");
            }
            dates.Add((day.Month, day.Day));
        }
        return new DutyDateRule(string.Join(',', parts), frequency, dates);
    }

    public DateOnly For(DutyPeriod period)
    {
        if (period.Frequency != Frequency)
        {
            throw new ArgumentException($"The rule '{Text}' is for {Frequency} periods, not {period.Frequency}.", nameof(period));
        }
        if (_dates is null)
        {
            return period.LastDay;
        }
        var (month, day) = _dates[period.Index - 1];
        return new DateOnly(period.Year, month, day);
    }

    public override string ToString() => Text;
}
