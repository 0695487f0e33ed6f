using Microsoft.Extensions.Logging;
using Workflows.Engine.Timers;
using static Workflows.Engine.Tests.Timers.TimerTestData;

namespace Workflows.Engine.Tests.Timers;

public sealed class DueFromTests
{
    private readonly TimerCalculator _calculator = Calculator();

    [Theory]
    [InlineData("P30D", "2026-01-20T10:00:00+08:00", "2026-02-19T10:00:00+08:00")]
    [InlineData("PT2H", "2026-01-20T23:30:00+08:00", "2026-01-21T01:30:00+08:00")]
    [InlineData("P1DT12H", "2026-01-20T10:00:00+08:00", "2026-01-21T22:00:00+08:00")]
    [InlineData("P2W", "2026-01-20T10:00:00+08:00", "2026-02-03T10:00:00+08:00")]
    [InlineData("PT90M", "2026-01-20T10:00:00+08:00", "2026-01-20T11:30:00+08:00")]
    [InlineData("PT1.5S", "2026-01-20T10:00:00+08:00", "2026-01-20T10:00:01.5+08:00")]
    [InlineData("p1y", "2026-01-20T10:00:00+08:00", "2027-01-20T10:00:00+08:00")]
    [InlineData("P0D", "2026-01-20T10:00:00+08:00", "2026-01-20T10:00:00+08:00")]
    public void DueFrom_AddsCalendarTime_ForIsoDuration(string rule, string from, string expected)
    {
        Assert.Equal(At(expected), _calculator.DueFrom(rule, At(from)));
    }

    [Theory]
    [InlineData("2026-01-31T09:00:00+08:00", "2026-02-28T09:00:00+08:00")]
    [InlineData("2028-01-31T09:00:00+08:00", "2028-02-29T09:00:00+08:00")]
    [InlineData("2026-03-31T09:00:00+08:00", "2026-04-30T09:00:00+08:00")]
    public void DueFrom_EndsAtMonthEnd_WhenOneMonthFromLongerMonth(string from, string expected)
    {
        Assert.Equal(At(expected), _calculator.DueFrom("P1M", At(from)));
    }

    [Fact]
    public void DueFrom_UsesLocalDateOfConfiguredZone_ForMonths()
    {
        // 20:00Z on 31 January is already 1 February in Beijing, so one month later is 1 March,
        // not the end of February a UTC calculation would give.
        Assert.Equal(At("2026-03-01T04:00:00+08:00"), _calculator.DueFrom("P1M", At("2026-01-31T20:00:00Z")));
    }

    [Fact]
    public void DueFrom_ReturnsUtcOffset_ForStorage()
    {
        Assert.Equal(TimeSpan.Zero, _calculator.DueFrom("P1D", At("2026-01-20T10:00:00+08:00")).Offset);
    }

    [Fact]
    public void DueFrom_KeepsWallClockForDays_AndElapsedTimeForHours_AcrossDstChange()
    {
        var berlin = Calculator(Berlin);
        var from = At("2026-03-28T12:00:00+01:00"); // clocks go forward on the night of 29 March

        Assert.Equal(At("2026-03-29T12:00:00+02:00"), berlin.DueFrom("P1D", from));
        Assert.Equal(At("2026-03-29T13:00:00+02:00"), berlin.DueFrom("PT24H", from));
    }

    [Fact]
    public void DueFrom_ClosesReviewAtEndOfDay_ForRulesWorkedExampleAcrossNationalDay()
    {
        // RULES.md: handed in Mon 2026-09-28 with 7 working days; the make-up Saturday 10-10
        // counts; the window closes at the end of 2026-10-13.
        Assert.Equal(At("2026-10-13T23:59:59+08:00"), _calculator.DueFrom("7WD", At("2026-09-28T15:20:00+08:00")));
    }

    [Theory]
    [InlineData("3WD")]
    [InlineData("3wd")]
    [InlineData(" 3 WD ")]
    public void DueFrom_CountsWorkingDaysAcrossWeekend(string rule)
    {
        // Friday → Mon (1), Tue (2), Wed (3).
        Assert.Equal(At("2026-03-11T23:59:59+08:00"), _calculator.DueFrom(rule, At("2026-03-06T10:00:00+08:00")));
    }

    [Fact]
    public void DueFrom_SkipsHolidays_ForWorkingDaysAcrossSpringFestival()
    {
        // Thu 02-12 (1), Fri 02-13 (2), then weekend and the 02-15..02-23 break, Tue 02-24 (3).
        Assert.Equal(At("2026-02-24T23:59:59+08:00"), _calculator.DueFrom("3WD", At("2026-02-11T09:00:00+08:00")));
    }

    [Fact]
    public void DueFrom_CountsFromLocalDate_WhenUtcDateDiffers()
    {
        // 20:00Z Thursday is 04:00 Friday in Beijing: one working day later is Monday.
        Assert.Equal(At("2026-03-09T23:59:59+08:00"), _calculator.DueFrom("1WD", At("2026-03-05T20:00:00Z")));
    }

    [Theory]
    [InlineData("2026-03-06T10:00:00+08:00", "2026-03-06T23:59:59+08:00")]
    [InlineData("2026-10-03T10:00:00+08:00", "2026-10-03T23:59:59+08:00")]
    public void DueFrom_ReturnsEndOfToday_ForZeroWorkingDays(string from, string expected)
    {
        Assert.Equal(At(expected), _calculator.DueFrom("0WD", At(from)));
    }

    [Fact]
    public void DueFrom_EndsWorkingDayAtLocalEndOfDay_InOtherZone()
    {
        Assert.Equal(At("2026-03-09T23:59:59+01:00"), Calculator(Berlin).DueFrom("1WD", At("2026-03-06T10:00:00+01:00")));
    }

    [Fact]
    public void DueFrom_WarnsLoudly_WhenWorkingDaysRunIntoYearWithoutHolidayData()
    {
        var logger = new RecordingLogger<TimerCalculator>();
        var calculator = Calculator(logger: logger);

        calculator.DueFrom("10WD", At("2026-12-28T09:00:00+08:00"));

        var warning = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("2027", warning.Message);
    }

    [Fact]
    public void DueFrom_DoesNotWarn_WhenCalendarHasData()
    {
        var logger = new RecordingLogger<TimerCalculator>();
        Calculator(logger: logger).DueFrom("10WD", At("2026-03-02T09:00:00+08:00"));
        Assert.Empty(logger.Entries);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("abc", "'abc' is neither an ISO-8601 duration")]
    [InlineData("7 days", "'7 days' is neither")]
    [InlineData("WD", "'WD' is neither")]
    [InlineData("3.5WD", "'3.5WD' is neither")]
    [InlineData("-3WD", "'-3WD' is neither")]
    [InlineData("99999WD", "more than 2500 working days")]
    [InlineData("P", "'P' is not an ISO-8601 duration")]
    [InlineData("PT", "'PT' is not an ISO-8601 duration")]
    [InlineData("P3X", "'P3X' is not an ISO-8601 duration")]
    [InlineData("P-1D", "'P-1D' is not an ISO-8601 duration")]
    [InlineData("P1DT", "'P1DT' is not an ISO-8601 duration")]
    [InlineData("PT0.5H", "'PT0.5H' is not an ISO-8601 duration")]
    [InlineData("P1D2M", "'P1D2M' is not an ISO-8601 duration")]
    public void DueFrom_ThrowsFormatException_WithClearMessage_WhenRuleIsInvalid(string rule, string expectedMessagePart)
    {
        var error = Assert.Throws<FormatException>(() => _calculator.DueFrom(rule, At("2026-03-02T09:00:00+08:00")));
        Assert.Contains(expectedMessagePart, error.Message);
        Assert.Equal(error.Message, _calculator.ValidateDue(rule));
    }

    [Theory]
    [InlineData("P30D")]
    [InlineData("PT2H")]
    [InlineData("7WD")]
    [InlineData("0wd")]
    public void ValidateDue_ReturnsNull_WhenRuleIsValid(string rule)
    {
        Assert.Null(_calculator.ValidateDue(rule));
    }

    [Fact]
    public void Constructor_Throws_WhenTimeZoneIsUnknown()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Calculator("Mars/Olympus_Mons"));
        Assert.Contains("Mars/Olympus_Mons", error.Message);
    }
}
