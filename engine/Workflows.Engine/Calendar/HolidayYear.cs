using System.Collections.Frozen;

namespace Workflows.Engine.Calendar;

/// <summary>
/// One year of the State Council's holiday notice (国务院办公厅关于部分节假日安排的通知): the days off
/// (法定节假日, including the weekend days folded into a holiday block) and the make-up working days
/// (调休上班) that move a weekend day into the working week.
/// </summary>
public sealed class HolidayYear
{
    public const int MinYear = 1949;
    public const int MaxYear = 9998;

    /// <exception cref="HolidayDataException">The dates contradict each other or the year.</exception>
    public HolidayYear(int year, IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> makeUpWorkingDays)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        ArgumentNullException.ThrowIfNull(makeUpWorkingDays);
        var holidayList = holidays.ToList();
        var makeUpList = makeUpWorkingDays.ToList();
        var errors = Validate(year, holidayList, makeUpList);
        if (errors.Count > 0)
        {
            throw new HolidayDataException(errors);
        }

        Year = year;
        Holidays = holidayList.ToFrozenSet();
        MakeUpWorkingDays = makeUpList.ToFrozenSet();
    }

    public int Year { get; }

    public IReadOnlySet<DateOnly> Holidays { get; }

    public IReadOnlySet<DateOnly> MakeUpWorkingDays { get; }

    /// <summary>
    /// Every reason the dates cannot be one year's notice, each naming the date at fault. Used by
    /// the constructor and by the JSON loader, which gathers the problems of all years before failing.
    /// </summary>
    internal static List<string> Validate(int year, IReadOnlyList<DateOnly> holidays, IReadOnlyList<DateOnly> makeUpWorkingDays)
    {
        var errors = new List<string>();
        if (year is < MinYear or > MaxYear)
        {
            errors.Add($"year {year} is outside {MinYear}..{MaxYear}.");
            return errors;
        }

        CheckList(year, holidays, "holiday", errors);
        CheckList(year, makeUpWorkingDays, "make-up working day", errors);

        foreach (var day in makeUpWorkingDays.Distinct().Where(holidays.Contains).Order())
        {
            errors.Add($"{Iso(day)} is listed both as a holiday and as a make-up working day in {year}.");
        }

        // A make-up day on a weekday would change nothing; in a notice it can only be a typo for
        // another date, and guessing which one is not ours to do.
        foreach (var day in makeUpWorkingDays.Distinct().Where(d => !IsWeekend(d)).Order())
        {
            errors.Add($"{Iso(day)} is a {day.DayOfWeek}, already a working day; a make-up working day (调休上班) must be a Saturday or Sunday.");
        }

        return errors;
    }

    internal static bool IsWeekend(DateOnly day) => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    internal static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static void CheckList(int year, IReadOnlyList<DateOnly> days, string what, List<string> errors)
    {
        foreach (var day in days.Where(d => d.Year != year).Distinct().Order())
        {
            errors.Add($"{what} {Iso(day)} is listed under {year} but belongs to {day.Year}.");
        }

        foreach (var group in days.GroupBy(d => d).Where(g => g.Count() > 1).OrderBy(g => g.Key))
        {
            errors.Add($"{what} {Iso(group.Key)} is listed {group.Count()} times in {year}.");
        }
    }
}
