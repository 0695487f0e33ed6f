using Workflows.Engine.Calendar;
using static Workflows.Engine.Tests.Calendar.Days;

namespace Workflows.Engine.Tests.Calendar;

public class StatutoryCalendarTests
{
    private readonly StatutoryCalendar _calendar = StatutoryCalendar.CreateBuiltIn();

    [Theory]
    [InlineData("2025-01-26")] // Sunday before Spring Festival 2025
    [InlineData("2025-02-08")] // Saturday after it
    [InlineData("2025-04-27")] // Sunday before May Day 2025
    [InlineData("2025-09-28")] // Sunday before National Day 2025
    [InlineData("2025-10-11")] // Saturday after it
    [InlineData("2026-01-04")] // Sunday after New Year 2026
    [InlineData("2026-02-14")] // Saturday before Spring Festival 2026
    [InlineData("2026-02-28")] // Saturday after it
    [InlineData("2026-05-09")] // Saturday after May Day 2026
    [InlineData("2026-09-20")] // Sunday before Mid-Autumn 2026
    [InlineData("2026-10-10")] // Saturday after National Day 2026
    public void IsWorkingDay_True_WhenWeekendIsMakeUpWorkingDay(string day)
    {
        Assert.True(_calendar.IsWorkingDay(D(day)));
        Assert.Equal(DayKind.MakeUpWorkingDay, _calendar.Classify(D(day)));
    }

    [Theory]
    [InlineData("2025-01-01")] // Wednesday, New Year
    [InlineData("2025-10-08")] // Wednesday, last day of the 8-day National Day block
    [InlineData("2026-01-02")] // Friday, New Year block
    [InlineData("2026-02-23")] // Monday, last day of Spring Festival 2026
    [InlineData("2026-06-19")] // Friday, Dragon Boat
    [InlineData("2026-02-21")] // Saturday inside the Spring Festival block: a holiday, not a rest day
    public void IsWorkingDay_False_WhenStatutoryHoliday(string day)
    {
        Assert.False(_calendar.IsWorkingDay(D(day)));
        Assert.Equal(DayKind.StatutoryHoliday, _calendar.Classify(D(day)));
    }

    [Theory]
    [InlineData("2025-03-08", DayKind.RestDay)]    // plain Saturday
    [InlineData("2026-03-15", DayKind.RestDay)]    // plain Sunday
    [InlineData("2025-03-10", DayKind.WorkingDay)] // plain Monday
    [InlineData("2026-10-09", DayKind.WorkingDay)] // Friday between National Day and its make-up Saturday
    public void Classify_PlainDays(string day, DayKind expected) =>
        Assert.Equal(expected, _calendar.Classify(D(day)));

    [Theory]
    // RULES.md worked example: 09-29 (1), 09-30 (2), 10-01..07 holiday, 10-08 (3), 10-09 (4),
    // Sat 10-10 make-up (5), Sun 10-11 rest, 10-12 (6), 10-13 (7).
    [InlineData(1, "2026-09-29")]
    [InlineData(2, "2026-09-30")]
    [InlineData(3, "2026-10-08")]
    [InlineData(5, "2026-10-10")]
    [InlineData(6, "2026-10-12")]
    [InlineData(7, "2026-10-13")]
    public void AddWorkingDays_SkipsNationalDayAndCountsMakeUpSaturday(int workingDays, string expected) =>
        Assert.Equal(D(expected), _calendar.AddWorkingDays(D("2026-09-28"), workingDays));

    [Theory]
    // From Fri 2025-01-24: Sat 01-25 rest, Sun 01-26 make-up (1), Mon 01-27 (2), 01-28..02-04 holiday,
    // Wed 02-05 (3), 02-06 (4), 02-07 (5), Sat 02-08 make-up (6), Sun 02-09 rest, Mon 02-10 (7).
    [InlineData(1, "2025-01-26")]
    [InlineData(2, "2025-01-27")]
    [InlineData(3, "2025-02-05")]
    [InlineData(6, "2025-02-08")]
    [InlineData(7, "2025-02-10")]
    public void AddWorkingDays_SpringFestival2025_CountsBothMakeUpDays(int workingDays, string expected) =>
        Assert.Equal(D(expected), _calendar.AddWorkingDays(D("2025-01-24"), workingDays));

    [Theory]
    // Start inside National Day 2025: 10-04..10-08 still holiday, Thu 10-09 (1), Fri 10-10 (2),
    // Sat 10-11 make-up (3), Sun 10-12 rest, Mon 10-13 (4).
    [InlineData(1, "2025-10-09")]
    [InlineData(3, "2025-10-11")]
    [InlineData(4, "2025-10-13")]
    public void AddWorkingDays_StartInsideHoliday_CountsFromFirstWorkingDayAfterIt(int workingDays, string expected) =>
        Assert.Equal(D(expected), _calendar.AddWorkingDays(D("2025-10-03"), workingDays));

    [Theory]
    // Fri 2025-09-26: Sat 09-27 rest, Sun 09-28 make-up (1), 09-29 (2), 09-30 (3), 10-01..08 holiday, Thu 10-09 (4).
    [InlineData("2025-09-26", 1, "2025-09-28")]
    [InlineData("2025-09-26", 4, "2025-10-09")]
    // Fri 2025-04-25: Sat 04-26 rest, Sun 04-27 make-up (1), 04-28..30 (2..4), 05-01..05 holiday, Tue 05-06 (5).
    [InlineData("2025-04-25", 1, "2025-04-27")]
    [InlineData("2025-04-25", 5, "2025-05-06")]
    // Fri 2026-02-13: Sat 02-14 make-up (1), 02-15..23 holiday, Tue 02-24 (2).
    [InlineData("2026-02-13", 1, "2026-02-14")]
    [InlineData("2026-02-13", 2, "2026-02-24")]
    // Fri 2026-02-27: Sat 02-28 make-up (1), Sun 03-01 rest, Mon 03-02 (2).
    [InlineData("2026-02-27", 1, "2026-02-28")]
    [InlineData("2026-02-27", 2, "2026-03-02")]
    // Thu 2026-04-30: 05-01..05 holiday, Wed 05-06 (1), 05-07 (2), Fri 05-08 (3), Sat 05-09 make-up (4), Mon 05-11 (5).
    [InlineData("2026-04-30", 1, "2026-05-06")]
    [InlineData("2026-04-30", 4, "2026-05-09")]
    [InlineData("2026-04-30", 5, "2026-05-11")]
    // Fri 2026-09-18: Sat 09-19 rest, Sun 09-20 make-up (1), 09-21..24 (2..5), 09-25..27 holiday, Mon 09-28 (6).
    [InlineData("2026-09-18", 1, "2026-09-20")]
    [InlineData("2026-09-18", 6, "2026-09-28")]
    // Thu 2026-06-18: Dragon Boat 06-19..21, Mon 06-22 (1).
    [InlineData("2026-06-18", 1, "2026-06-22")]
    public void AddWorkingDays_AroundMakeUpWeekendsAndHolidays(string start, int workingDays, string expected) =>
        Assert.Equal(D(expected), _calendar.AddWorkingDays(D(start), workingDays));

    [Fact]
    public void AddWorkingDays_CrossesYearBoundary2025To2026_IntoMakeUpSunday()
    {
        // Wed 2025-12-31: 2026-01-01..03 holiday, Sun 01-04 make-up (1), Mon 01-05 (2).
        Assert.Equal(D("2026-01-04"), _calendar.AddWorkingDays(D("2025-12-31"), 1));
        Assert.Equal(D("2026-01-05"), _calendar.AddWorkingDays(D("2025-12-31"), 2));
    }

    [Fact]
    public void AddWorkingDays_Zero_ReturnsStartEvenOnHoliday() =>
        Assert.Equal(D("2026-02-16"), _calendar.AddWorkingDays(D("2026-02-16"), 0));

    [Theory]
    // Backwards from Thu 2026-10-08: 10-07..10-01 holiday, Wed 09-30 (1), Tue 09-29 (2).
    [InlineData("2026-10-08", -1, "2026-09-30")]
    [InlineData("2026-10-08", -2, "2026-09-29")]
    // Backwards from Wed 2025-02-05: 02-04..01-28 holiday, Mon 01-27 (1), Sun 01-26 make-up (2).
    [InlineData("2025-02-05", -1, "2025-01-27")]
    [InlineData("2025-02-05", -2, "2025-01-26")]
    public void AddWorkingDays_Negative_CountsBackwardsSkippingHolidays(string start, int workingDays, string expected) =>
        Assert.Equal(D(expected), _calendar.AddWorkingDays(D(start), workingDays));

    [Fact]
    public void AddWorkingDays_YearWithoutData_FallsBackToWeekdays()
    {
        Assert.True(_calendar.HasDataFor(2026));
        Assert.False(_calendar.HasDataFor(2027));
        // Fri 2027-01-01 will surely be New Year's Day, but without data it can only be a weekday.
        Assert.Equal(D("2027-01-01"), _calendar.AddWorkingDays(D("2026-12-31"), 1));
        Assert.Equal(DayKind.RestDay, _calendar.Classify(D("2027-01-02")));
    }

    [Fact]
    public void AddWorkingDays_Throws_WhenAmountIsAbsurd() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => _calendar.AddWorkingDays(D("2026-01-05"), LegalPeriod.MaxAmount + 1));

    [Fact]
    public void WithYear_ReturnsNewCalendar_AndLeavesOriginalUnchanged()
    {
        // A made-up year for the test, not a real notice.
        var year2027 = new HolidayYear(2027, [D("2027-01-01")], [D("2027-01-09")]);

        var updated = _calendar.WithYear(year2027);

        Assert.True(updated.HasDataFor(2027));
        Assert.False(updated.IsWorkingDay(D("2027-01-01")));
        Assert.True(updated.IsWorkingDay(D("2027-01-09")));
        Assert.False(_calendar.HasDataFor(2027));
        Assert.True(_calendar.IsWorkingDay(D("2027-01-01")));
        Assert.True(updated.HasDataFor(2025)); // the other years are kept
    }

    [Fact]
    public void WithYear_ReplacesAnExistingYear()
    {
        var emptied = _calendar.WithYear(new HolidayYear(2026, [], []));

        Assert.True(emptied.IsWorkingDay(D("2026-10-01"))); // Thursday, no longer a holiday
        Assert.False(emptied.IsWorkingDay(D("2026-10-10"))); // Saturday, no longer a make-up day
        Assert.False(_calendar.IsWorkingDay(D("2026-10-01")));
    }
}
