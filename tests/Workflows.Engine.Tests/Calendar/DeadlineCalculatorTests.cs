using Workflows.Engine.Calendar;
using static Workflows.Engine.Tests.Calendar.Days;

namespace Workflows.Engine.Tests.Calendar;

public class DeadlineCalculatorTests
{
    private readonly DeadlineCalculator _calculator = new(StatutoryCalendar.CreateBuiltIn());

    [Fact]
    public void Compute_LegalityReviewWorkedExample_ClosesAtEndOf20261013()
    {
        // RULES.md: handed in Mon 2026-09-28, at least 7 working days reserved for the reviewer.
        var deadline = _calculator.Compute(D("2026-09-28"), LegalPeriod.WorkingDays(7, PeriodKind.Minimum));

        Assert.Equal(D("2026-10-13"), deadline.Due);
        Assert.False(deadline.RolledOver);
        Assert.Empty(deadline.Warnings);
        Assert.False(deadline.MayCloseOn(D("2026-10-13")));
        Assert.True(deadline.MayCloseOn(D("2026-10-14")));
    }

    [Fact]
    public void Compute_PublicCommentWorkedExample_RollsOverSpringFestivalTo20260224()
    {
        // RULES.md: opened 2026-01-20 for 30 days. Day 11 is 01-31, day 30 is 02-19, inside
        // Spring Festival (02-15..23), so the period ends on Tue 02-24.
        var deadline = _calculator.Compute(D("2026-01-20"), LegalPeriod.CalendarDays(30, PeriodKind.Minimum));

        Assert.Equal(D("2026-02-24"), deadline.Due);
        Assert.Equal(D("2026-02-19"), deadline.RolledOverFrom);
        Assert.Empty(deadline.Warnings);
    }

    [Fact]
    public void Compute_CalendarDays_NoRollOver_WhenSettingIsOff()
    {
        var strict = new DeadlineCalculator(StatutoryCalendar.CreateBuiltIn(), new DeadlineOptions { RollOverCalendarDays = false });

        var deadline = strict.Compute(D("2026-01-20"), LegalPeriod.CalendarDays(30));

        Assert.Equal(D("2026-02-19"), deadline.Due);
        Assert.Null(deadline.RolledOverFrom);
    }

    [Theory]
    // Wed 2025-03-05 + 10 = Sat 03-15, a plain weekend: Monday 03-17.
    [InlineData("2025-03-05", 10, "2025-03-17", "2025-03-15")]
    // 2025-09-01 + 30 = 10-01, National Day; 10-02..08 also holiday: Thu 10-09.
    [InlineData("2025-09-01", 30, "2025-10-09", "2025-10-01")]
    // 2025-03-25 + 10 = Fri 04-04, Qingming; 04-05, 04-06 holiday: Mon 04-07.
    [InlineData("2025-03-25", 10, "2025-04-07", "2025-04-04")]
    // 2026-06-06 + 14 = Sat 06-20, Dragon Boat; 06-21 holiday: Mon 06-22.
    [InlineData("2026-06-06", 14, "2026-06-22", "2026-06-20")]
    // Start inside Spring Festival 2026: 02-17 + 3 = 02-20, holiday through 02-23: Tue 02-24.
    [InlineData("2026-02-17", 3, "2026-02-24", "2026-02-20")]
    // Across the year boundary: 2025-12-22 + 10 = 2026-01-01; 01-02, 01-03 holiday; Sun 01-04 is a make-up day.
    [InlineData("2025-12-22", 10, "2026-01-04", "2026-01-01")]
    public void Compute_CalendarDays_RollsOverToNextWorkingDay(string start, int days, string expectedDue, string lastCountedDay)
    {
        var deadline = _calculator.Compute(D(start), LegalPeriod.CalendarDays(days));

        Assert.Equal(D(expectedDue), deadline.Due);
        Assert.Equal(D(lastCountedDay), deadline.RolledOverFrom);
        Assert.Empty(deadline.Warnings);
    }

    [Theory]
    // 2026-09-10 + 30: 09-30 is day 20, Sat 10-10 is day 30 and a make-up day, so no roll-over.
    [InlineData("2026-09-10", 30, "2026-10-10")]
    // 2025-01-16 + 10 = Sun 01-26, a make-up day.
    [InlineData("2025-01-16", 10, "2025-01-26")]
    // Plain working day: Mon 2026-03-02 + 7 = Mon 03-09.
    [InlineData("2026-03-02", 7, "2026-03-09")]
    public void Compute_CalendarDays_DoesNotRollOver_WhenLastDayIsWorkingDay(string start, int days, string expectedDue)
    {
        var deadline = _calculator.Compute(D(start), LegalPeriod.CalendarDays(days));

        Assert.Equal(D(expectedDue), deadline.Due);
        Assert.False(deadline.RolledOver);
    }

    [Fact]
    public void Compute_WorkingDaysInto2027_AssumesWeekdaysAndWarns()
    {
        // Mon 2026-12-28: 12-29 (1), 12-30 (2), 12-31 (3), Fri 2027-01-01 assumed working (4),
        // Mon 01-04 (5), 01-05 (6), Wed 01-06 (7).
        var deadline = _calculator.Compute(D("2026-12-28"), LegalPeriod.WorkingDays(7));

        Assert.Equal(D("2027-01-06"), deadline.Due);
        var warning = Assert.Single(deadline.Warnings);
        Assert.Equal(CalendarWarning.NoHolidayDataCode, warning.Code);
        Assert.Equal(2027, warning.Year);
        Assert.Contains("2027 has no statutory holiday data", warning.Message);
    }

    [Fact]
    public void Compute_CalendarDaysInto2027_RollsOverAssumedWeekendAndWarns()
    {
        // 2026-12-20 + 14 = Sun 2027-01-03; without data only the weekend is known: Mon 01-04.
        var deadline = _calculator.Compute(D("2026-12-20"), LegalPeriod.CalendarDays(14));

        Assert.Equal(D("2027-01-04"), deadline.Due);
        Assert.Equal(D("2027-01-03"), deadline.RolledOverFrom);
        Assert.Equal(2027, Assert.Single(deadline.Warnings).Year);
    }

    [Fact]
    public void Compute_NoWarning_WhenPeriodStaysInYearsWithData()
    {
        // Tue 2026-12-01 + 5 working days = Tue 12-08 (12-05, 12-06 weekend).
        var deadline = _calculator.Compute(D("2026-12-01"), LegalPeriod.WorkingDays(5));

        Assert.Equal(D("2026-12-08"), deadline.Due);
        Assert.False(deadline.HasWarnings);
    }

    [Fact]
    public void Compute_NoWarning_WhenOnlyTheUncountedStartDayIsInYearWithoutData()
    {
        // Tue 2024-12-31: 2025-01-01 holiday, Thu 01-02 (1), Fri 01-03 (2).
        var deadline = _calculator.Compute(D("2024-12-31"), LegalPeriod.WorkingDays(2));

        Assert.Equal(D("2025-01-03"), deadline.Due);
        Assert.Empty(deadline.Warnings);
    }

    [Fact]
    public void Compute_WarnsOncePerYear_WhenPeriodSpansSeveralYearsWithoutData()
    {
        // 400 calendar days from 2026-12-01 reach 2028; 2027 and 2028 both lack data.
        var deadline = _calculator.Compute(D("2026-12-01"), LegalPeriod.CalendarDays(400));

        Assert.Equal([2027, 2028], deadline.Warnings.Select(w => w.Year));
    }

    [Fact]
    public void Compute_ZeroWorkingDays_EndsOnStartDayEvenOnHoliday()
    {
        var deadline = _calculator.Compute(D("2026-02-16"), LegalPeriod.WorkingDays(0));

        Assert.Equal(D("2026-02-16"), deadline.Due);
        Assert.False(deadline.RolledOver);
    }

    [Fact]
    public void Compute_ZeroCalendarDays_RollsOverFromHolidayStartDay()
    {
        // The last day of a zero period is the start day; Mon 2026-02-16 is in Spring Festival.
        var deadline = _calculator.Compute(D("2026-02-16"), LegalPeriod.CalendarDays(0));

        Assert.Equal(D("2026-02-24"), deadline.Due);
        Assert.Equal(D("2026-02-16"), deadline.RolledOverFrom);
    }

    [Fact]
    public void Compute_ZeroCalendarDays_OnWorkingDay_IsThatDay()
    {
        var deadline = _calculator.Compute(D("2026-03-02"), LegalPeriod.CalendarDays(0));

        Assert.Equal(D("2026-03-02"), deadline.Due);
        Assert.False(deadline.RolledOver);
    }

    [Fact]
    public void Compute_ZeroPeriodInYearWithoutData_Warns() =>
        Assert.Equal(2027, Assert.Single(_calculator.Compute(D("2027-03-01"), LegalPeriod.WorkingDays(0)).Warnings).Year);

    [Fact]
    public void AddCalendarDays_Extension_MatchesRollOverRule()
    {
        var calendar = StatutoryCalendar.CreateBuiltIn();

        Assert.Equal(D("2026-02-24"), calendar.AddCalendarDays(D("2026-01-20"), 30));
        Assert.Equal(D("2026-02-19"), calendar.AddCalendarDays(D("2026-01-20"), 30, rollOver: false));
    }
}
