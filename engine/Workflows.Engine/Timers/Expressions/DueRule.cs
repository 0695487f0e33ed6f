using System.Globalization;
using System.Text.RegularExpressions;

namespace Workflows.Engine.Timers.Expressions;

/// <summary>
/// The time a user task is given (<c>fz:due</c>) or a duration timer waits: either calendar
/// time as an ISO-8601 duration or <c>&lt;n&gt;WD</c>, n working days by the holiday calendar.
/// </summary>
internal abstract partial record DueRule
{
    /// <exception cref="FormatException">Neither form.</exception>
    public static DueRule Parse(string rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var text = rule.Trim();
        if (text.Length == 0)
        {
            throw new FormatException("The due rule is empty; write an ISO-8601 duration such as P30D or a number of working days such as 7WD.");
        }

        var workingDays = WorkingDaysShape().Match(text);
        if (workingDays.Success)
        {
            if (!int.TryParse(workingDays.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var days) || days > MaxWorkingDays)
            {
                throw new FormatException($"'{text}' asks for more than {MaxWorkingDays} working days.");
            }

            return new WorkingDays(days);
        }

        if (IsoDuration.LooksLikeDuration(text))
        {
            return new CalendarTime(IsoDuration.Parse(text));
        }

        throw new FormatException(
            $"'{text}' is neither an ISO-8601 duration (e.g. P30D, PT2H, P1M) nor a number of working days (e.g. 7WD).");
    }

    /// <summary>About ten years of working days: anything longer is a typing error, not a legal period.</summary>
    private const int MaxWorkingDays = 2500;

    [GeneratedRegex(@"^(\d+)\s*WD$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WorkingDaysShape();

    public sealed record CalendarTime(IsoDuration Duration) : DueRule;

    public sealed record WorkingDays(int Count) : DueRule;
}
