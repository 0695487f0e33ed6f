using System.Globalization;

namespace Workflows.Procedures.Duties;

/// <summary>How often a duty falls due; each period starts on the first working day of its first month.</summary>
public enum DutyFrequency
{
    /// <summary>Once a year, from January.</summary>
    Yearly,

    /// <summary>Twice a year, from January and July.</summary>
    HalfYearly,

    /// <summary>Four times a year, from January, April, July and October.</summary>
    Quarterly,
}

/// <summary>
/// One period of a recurring duty: a year, a half-year or a quarter. <see cref="Id"/> is stable
/// and persisted in business keys (<c>2027</c>, <c>2027-H1</c>, <c>2027-Q3</c>).
/// </summary>
public readonly record struct DutyPeriod
{
    public DutyPeriod(int year, DutyFrequency frequency, int index)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1900);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9998);
        ArgumentOutOfRangeException.ThrowIfLessThan(index, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index, PerYear(frequency));
        Year = year;
        Frequency = frequency;
        Index = index;
    }

    public int Year { get; }
    public DutyFrequency Frequency { get; }

    /// <summary>1-based: the half (1-2) or quarter (1-4); always 1 for a year.</summary>
    public int Index { get; }

    public static int PerYear(DutyFrequency frequency) => frequency switch
    {
        DutyFrequency.Yearly => 1,
        DutyFrequency.HalfYearly => 2,
        DutyFrequency.Quarterly => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(frequency), frequency, null),
    };

    private int Months => 12 / PerYear(Frequency);

    public DateOnly FirstDay => new(Year, ((Index - 1) * Months) + 1, 1);

    public DateOnly LastDay => FirstDay.AddMonths(Months).AddDays(-1);

    public string Id => Frequency switch
    {
        DutyFrequency.HalfYearly => string.Create(CultureInfo.InvariantCulture, $"{Year}-H{Index}"),
        DutyFrequency.Quarterly => string.Create(CultureInfo.InvariantCulture, $"{Year}-Q{Index}"),
        _ => Year.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>How people name the period: 2027年, 2027年上半年, 2027年第三季度.</summary>
    public string DisplayName => Frequency switch
    {
        DutyFrequency.HalfYearly => string.Create(CultureInfo.InvariantCulture, $"{Year}年{(Index == 1 ? "上半年" : "下半年")}"),
        DutyFrequency.Quarterly => string.Create(CultureInfo.InvariantCulture, $"{Year}年第{"一二三四"[Index - 1]}季度"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Year}年"),
    };

    public static DutyPeriod Containing(DateOnly day, DutyFrequency frequency) =>
        new(day.Year, frequency, ((day.Month - 1) / (12 / PerYear(frequency))) + 1);

    public static IEnumerable<DutyPeriod> InYear(int year, DutyFrequency frequency) =>
        Enumerable.Range(1, PerYear(frequency)).Select(i => new DutyPeriod(year, frequency, i));

    public DutyPeriod Next() => Index < PerYear(Frequency) ? new(Year, Frequency, Index + 1) : new(Year + 1, Frequency, 1);

    public override string ToString() => Id;
}
