using System.Collections.Frozen;

namespace Workflows.Engine.Calendar;

/// <summary>
/// The working-day calendar of the State Council's holiday notices: a working day is a Monday to
/// Friday that is not a statutory holiday, or a make-up working day (调休上班).
/// </summary>
/// <remarks>
/// For a year without data every Monday to Friday counts, which is only a guess;
/// <see cref="HasDataFor"/> says so and <see cref="DeadlineCalculator"/> turns it into a warning on
/// every deadline that reaches such a year. Immutable and therefore safe to share between threads;
/// when the data changes, build a new calendar (<see cref="WithYear"/>) and swap the reference.
/// </remarks>
public sealed class StatutoryCalendar : IWorkingDayCalendar
{
    private readonly FrozenSet<DateOnly> _holidays;
    private readonly FrozenSet<DateOnly> _makeUpWorkingDays;
    private readonly FrozenSet<int> _years;

    public StatutoryCalendar(HolidayCalendarData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        Data = data;
        _holidays = data.Years.Values.SelectMany(y => y.Holidays).ToFrozenSet();
        _makeUpWorkingDays = data.Years.Values.SelectMany(y => y.MakeUpWorkingDays).ToFrozenSet();
        _years = data.Years.Keys.ToFrozenSet();
    }

    /// <summary>A calendar over the holiday data shipped with the product.</summary>
    public static StatutoryCalendar CreateBuiltIn() => new(HolidayCalendarData.LoadBuiltIn());

    public HolidayCalendarData Data { get; }

    /// <summary>A new calendar with <paramref name="year"/> added or replaced; this one is unchanged.</summary>
    public StatutoryCalendar WithYear(HolidayYear year) => new(Data.WithYear(year));

    public bool HasDataFor(int year) => _years.Contains(year);

    public DayKind Classify(DateOnly day)
    {
        if (_holidays.Contains(day))
        {
            return DayKind.StatutoryHoliday;
        }

        if (_makeUpWorkingDays.Contains(day))
        {
            return DayKind.MakeUpWorkingDay;
        }

        return HolidayYear.IsWeekend(day) ? DayKind.RestDay : DayKind.WorkingDay;
    }

    public bool IsWorkingDay(DateOnly day) => Classify(day) is DayKind.WorkingDay or DayKind.MakeUpWorkingDay;

    /// <summary>
    /// The <paramref name="workingDays"/>-th working day after <paramref name="start"/>; the start
    /// day is not counted, so it does not matter whether it is a working day. Zero returns
    /// <paramref name="start"/>. A negative count goes backwards: -n is the n-th working day before
    /// <paramref name="start"/> (for reminders ahead of a due date).
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        LegalPeriod.CheckAmount(Math.Abs((long)workingDays), nameof(workingDays));
        int step = Math.Sign(workingDays);
        int remaining = Math.Abs(workingDays);
        var day = start;
        while (remaining > 0)
        {
            day = day.AddDays(step);
            if (IsWorkingDay(day))
            {
                remaining--;
            }
        }

        return day;
    }
}
