using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Workflows.Engine.Calendar;

/// <summary>How a period is counted.</summary>
public enum PeriodUnit
{
    /// <summary>工作日: working days under the statutory calendar.</summary>
    WorkingDays,

    /// <summary>日: calendar days, with roll-over when the last day is not a working day.</summary>
    CalendarDays,
}

/// <summary>What the law asks of a period.</summary>
public enum PeriodKind
{
    /// <summary>"…日内": the step is due by the end of the period; reminders before, escalation after.</summary>
    Maximum,

    /// <summary>"不少于…日": the step may not close before the period has run in full.</summary>
    Minimum,
}

/// <summary>
/// A period as a regulation states it, e.g. "不少于30日" (at least 30 calendar days) or
/// "7个工作日内" (within 7 working days). The start day is never counted.
/// </summary>
public sealed record LegalPeriod
{
    /// <summary>About a century: no statutory period comes near it, so anything larger is a unit mistake.</summary>
    public const int MaxAmount = 36_600;

    public LegalPeriod(int amount, PeriodUnit unit, PeriodKind kind = PeriodKind.Maximum)
    {
        CheckAmount(amount, nameof(amount));
        if (!Enum.IsDefined(unit))
        {
            throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown period unit.");
        }

        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown period kind.");
        }

        Amount = amount;
        Unit = unit;
        Kind = kind;
    }

    public int Amount { get; }

    public PeriodUnit Unit { get; }

    public PeriodKind Kind { get; }

    public static LegalPeriod WorkingDays(int amount, PeriodKind kind = PeriodKind.Maximum) => new(amount, PeriodUnit.WorkingDays, kind);

    public static LegalPeriod CalendarDays(int amount, PeriodKind kind = PeriodKind.Maximum) => new(amount, PeriodUnit.CalendarDays, kind);

    /// <summary>
    /// Reads the duration notation of <c>fz:due</c> and timer events: <c>7WD</c> is 7 working days;
    /// <c>30D</c> and the ISO-8601 <c>P30D</c> are 30 calendar days. Case-insensitive. Hours and
    /// months are refused: a legal period in this product is whole days.
    /// </summary>
    /// <exception cref="FormatException">The text is none of these forms.</exception>
    public static LegalPeriod Parse(string text, PeriodKind kind = PeriodKind.Maximum) =>
        TryParse(text, kind, out var period)
            ? period
            : throw new FormatException($"\"{text}\" is not a legal period; expected e.g. \"7WD\" (working days), \"30D\" or \"P30D\" (calendar days).");

    public static bool TryParse(string? text, PeriodKind kind, [NotNullWhen(true)] out LegalPeriod? period)
    {
        period = null;
        var span = text.AsSpan().Trim();
        PeriodUnit unit;
        if (span.EndsWith("WD", StringComparison.OrdinalIgnoreCase))
        {
            unit = PeriodUnit.WorkingDays;
            span = span[..^2];
        }
        else if (span.EndsWith("D", StringComparison.OrdinalIgnoreCase))
        {
            unit = PeriodUnit.CalendarDays;
            span = span[..^1];
            if (span.StartsWith("P", StringComparison.OrdinalIgnoreCase))
            {
                span = span[1..];
            }
        }
        else
        {
            return false;
        }

        if (!int.TryParse(span, NumberStyles.None, CultureInfo.InvariantCulture, out int amount) || amount > MaxAmount)
        {
            return false;
        }

        period = new LegalPeriod(amount, unit, kind);
        return true;
    }

    /// <summary>The notation <see cref="Parse"/> reads: <c>7WD</c> or <c>30D</c>.</summary>
    public override string ToString() =>
        Amount.ToString(CultureInfo.InvariantCulture) + (Unit == PeriodUnit.WorkingDays ? "WD" : "D");

    /// <summary>The period as the regulation words it, for notices and the audit trail.</summary>
    public string ToChineseText()
    {
        string days = Unit == PeriodUnit.WorkingDays ? $"{Amount}个工作日" : $"{Amount}日";
        return Kind == PeriodKind.Minimum ? $"不少于{days}" : $"{days}内";
    }

    internal static void CheckAmount(long amount, string paramName)
    {
        if (amount is < 0 or > MaxAmount)
        {
            throw new ArgumentOutOfRangeException(paramName, amount, $"A period must be 0..{MaxAmount} days.");
        }
    }
}
