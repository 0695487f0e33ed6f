using System.Globalization;

namespace Workflows.Engine.Timers.Expressions;

/// <summary>
/// Quartz's optional seventh cron field, which Cronos does not know: <c>*</c>, <c>?</c>, a year,
/// a range, a list, or a step (<c>2026/2</c>, <c>*/2</c>), within Quartz's 1970–2199.
/// </summary>
internal sealed class CronYearField
{
    private const int First = 1970;
    private const int Last = 2199;

    private readonly bool[]? _allowed;

    private CronYearField(bool[]? allowed) => _allowed = allowed;

    public static CronYearField Any { get; } = new(null);

    public static CronYearField Parse(string field, string text)
    {
        if (field is "*" or "?")
        {
            return Any;
        }

        var allowed = new bool[Last - First + 1];
        foreach (var element in field.Split(','))
        {
            var slash = element.IndexOf('/');
            var range = slash < 0 ? element : element[..slash];
            var step = slash < 0 ? 1 : Number(element[(slash + 1)..], text, isStep: true);
            var (from, to) = range == "*"
                ? (First, Last)
                : range.IndexOf('-') is var dash and > 0
                    ? (Number(range[..dash], text), Number(range[(dash + 1)..], text))
                    : (Number(range, text), slash < 0 ? Number(range, text) : Last);
            if (to < from)
            {
                throw new FormatException($"'{text}': the year range {range} ends before it starts.");
            }

            for (var year = from; year <= to; year += step)
            {
                allowed[year - First] = true;
            }
        }

        return new CronYearField(allowed);
    }

    public bool Allows(int year) =>
        _allowed is null || (year is >= First and <= Last && _allowed[year - First]);

    public int? NextAllowed(int year)
    {
        for (var candidate = Math.Max(year, First); candidate <= Last; candidate++)
        {
            if (Allows(candidate))
            {
                return candidate;
            }
        }

        return _allowed is null ? year : null;
    }

    private static int Number(string value, string text, bool isStep = false)
    {
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || (isStep ? number < 1 : number is < First or > Last))
        {
            throw new FormatException(isStep
                ? $"'{text}': the year step '{value}' must be a whole number of at least 1."
                : $"'{text}': the year '{value}' must be a whole number from {First} to {Last}.");
        }

        return number;
    }
}
