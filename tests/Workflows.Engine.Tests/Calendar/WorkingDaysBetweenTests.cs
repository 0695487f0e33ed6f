using Workflows.Engine.Calendar;
using static Workflows.Engine.Tests.Calendar.Days;

namespace Workflows.Engine.Tests.Calendar;

public class WorkingDaysBetweenTests
{
    private readonly StatutoryCalendar _calendar = StatutoryCalendar.CreateBuiltIn();

    [Theory]
    // Spring Festival 2025, after Fri 01-24 up to Mon 02-10: Sun 01-26 make-up, Mon 01-27,
    // 01-28..02-04 holiday, 02-05, 02-06, 02-07, Sat 02-08 make-up, Mon 02-10.
    [InlineData("2025-01-24", "2025-02-10", 7)]
    // Spring Festival 2026, after Fri 02-13 up to Mon 03-02: Sat 02-14 make-up, 02-15..23 holiday,
    // 02-24..27 (4 days), Sat 02-28 make-up, Mon 03-02.
    [InlineData("2026-02-13", "2026-03-02", 7)]
    // Mid-Autumn + National Day 2025, after Fri 09-26 up to Sun 10-12: Sun 09-28 make-up, 09-29, 09-30,
    // 10-01..08 holiday, 10-09, 10-10, Sat 10-11 make-up; Sun 10-12 is a rest day.
    [InlineData("2025-09-26", "2025-10-12", 6)]
    // Nothing but the holiday block.
    [InlineData("2025-09-30", "2025-10-08", 0)]
    // Dragon Boat 2026, after Mon 06-15 up to Fri 06-26: 06-16..18 (3), 06-19..21 holiday, 06-22..26 (5).
    [InlineData("2026-06-15", "2026-06-26", 8)]
    // Year boundary: 2026-01-01..03 holiday, Sun 01-04 make-up, Mon 01-05.
    [InlineData("2025-12-31", "2026-01-05", 2)]
    public void WorkingDaysBetween_CountsDaysAfterStartUpToAndIncludingEnd(string after, string upTo, int expected) =>
        Assert.Equal(expected, _calendar.WorkingDaysBetween(D(after), D(upTo)));

    [Fact]
    public void WorkingDaysBetween_SameDay_IsZero() =>
        Assert.Equal(0, _calendar.WorkingDaysBetween(D("2026-03-03"), D("2026-03-03")));

    [Fact]
    public void WorkingDaysBetween_Reversed_IsNegated() =>
        Assert.Equal(-7, _calendar.WorkingDaysBetween(D("2025-02-10"), D("2025-01-24")));

    [Theory]
    // 2025 starts on a Wednesday: 52 weeks + 1 day = 261 weekdays. Holidays on weekdays: 01-01 (1),
    // 01-28..31 + 02-03, 02-04 (6), 04-04 (1), 05-01, 05-02, 05-05 (3), 06-02 (1), 10-01..03 + 10-06..08 (6)
    // = 18. Plus 5 make-up days: 261 - 18 + 5 = 248.
    [InlineData("2024-12-31", "2025-12-31", 248)]
    // 2026 starts on a Thursday: 261 weekdays. Holidays on weekdays: 01-01, 01-02 (2), 02-16..20 + 02-23 (6),
    // 04-06 (1), 05-01, 05-04, 05-05 (3), 06-19 (1), 09-25 (1), 10-01, 10-02, 10-05..07 (5) = 19.
    // Plus 6 make-up days: 261 - 19 + 6 = 248.
    [InlineData("2025-12-31", "2026-12-31", 248)]
    public void WorkingDaysBetween_WholeYear_MatchesTheNotice(string after, string upTo, int expected) =>
        Assert.Equal(expected, _calendar.WorkingDaysBetween(D(after), D(upTo)));

    [Fact]
    public void CountWorkingDays_WarnsForYearWithoutData()
    {
        var calculator = new DeadlineCalculator(_calendar);

        // Weekdays assumed in 2027: Fri 01-01, then Mon 01-04..Fri 01-08.
        var count = calculator.CountWorkingDays(D("2026-12-31"), D("2027-01-08"));

        Assert.Equal(6, count.Days);
        var warning = Assert.Single(count.Warnings);
        Assert.Equal(CalendarWarning.NoHolidayDataCode, warning.Code);
        Assert.Equal(2027, warning.Year);
    }

    [Fact]
    public void CountWorkingDays_NoWarning_WhenOnlyTheUncountedStartIsInYearWithoutData()
    {
        var calculator = new DeadlineCalculator(_calendar);

        // After Tue 2024-12-31: 2025-01-01 holiday, Thu 01-02, Fri 01-03. 2024 itself is never looked at.
        var count = calculator.CountWorkingDays(D("2024-12-31"), D("2025-01-03"));

        Assert.Equal(2, count.Days);
        Assert.Empty(count.Warnings);
    }

    // Cross-checks the two ways of counting against each other on every day of the data; the
    // hand-checked cases above pin the values, this one catches an off-by-one in either direction.
    [Fact]
    public void WorkingDaysBetween_InvertsAddWorkingDays_OnEveryStartIn2025And2026()
    {
        var calculator = new DeadlineCalculator(_calendar);
        for (var start = D("2025-01-01"); start <= D("2026-11-30"); start = start.AddDays(1))
        {
            for (int n = 0; n <= 20; n++)
            {
                var end = _calendar.AddWorkingDays(start, n);
                Assert.Equal(n, _calendar.WorkingDaysBetween(start, end));
                Assert.True(n == 0 || _calendar.IsWorkingDay(end), $"{start}+{n} ended on {end}, not a working day");
                Assert.Equal(end, calculator.Compute(start, LegalPeriod.WorkingDays(n)).Due);
            }
        }
    }
}
