using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Workflows.Engine;
using Workflows.Engine.Calendar;
using Workflows.Procedures.Duties;
using Workflows.Procedures.Tests.Support;
using static Workflows.Procedures.Tests.Support.ProceduresHost;

namespace Workflows.Procedures.Tests.Duties;

/// <summary>
/// First working days of periods, derived by hand from holidays-cn.json. The non-obvious ones:
/// 2025-01-02 (New Year's Day on a Wednesday), 2025-10-09 (National Day and Mid-Autumn 10-01..10-08),
/// 2026-01-04 (New Year 01-01..01-03, then a make-up working Sunday), 2026-10-08 (National Day
/// 10-01..10-07), and 2027-01-01 (no data for 2027: a Friday, so the weekday fallback guesses it,
/// although New Year's Day is a holiday every year — hence the warning).
/// </summary>
public sealed class DutyScheduleTests
{
    private readonly LogCapture _logs = new();

    private DutySchedule Schedule(TimeOnly? startTime = null)
    {
        var options = new DutiesOptions();
        if (startTime is { } time)
        {
            options.StartTime = time;
        }
        return new DutySchedule(StatutoryCalendar.CreateBuiltIn(), TimeProvider.System, Options.Create(new WorkflowEngineOptions()),
            Options.Create(options), new LoggerFactory([_logs]).CreateLogger<DutySchedule>());
    }

    [Theory]
    [InlineData(2025, 1, "2025-01-02")]
    [InlineData(2025, 2, "2025-04-01")]
    [InlineData(2025, 3, "2025-07-01")]
    [InlineData(2025, 4, "2025-10-09")]
    [InlineData(2026, 1, "2026-01-04")]
    [InlineData(2026, 2, "2026-04-01")]
    [InlineData(2026, 3, "2026-07-01")]
    [InlineData(2026, 4, "2026-10-08")]
    public void StartOf_Quarter_IsItsFirstWorkingDayByTheHolidayData(int year, int quarter, string expected)
    {
        var start = Schedule().StartOf(new DutyPeriod(year, DutyFrequency.Quarterly, quarter));

        Assert.Equal(DateOnly.Parse(expected), start.Day);
        Assert.Equal(DateOnly.Parse(expected).ToDateTime(new TimeOnly(9, 0)), start.At.ToOffset(Beijing).DateTime);
        Assert.Empty(start.Warnings);
    }

    [Fact]
    public void Next_Quarterly_WalksThroughTheYearAndIntoOneWithoutData()
    {
        var schedule = Schedule();
        var after = Local(2025, 12, 20, 12);
        var starts = new List<DateTimeOffset>();
        for (var i = 0; i < 6; i++)
        {
            after = schedule.Next(DutyFrequency.Quarterly, after).At;
            starts.Add(after);
        }

        Assert.Equal(
            [Local(2026, 1, 4, 9), Local(2026, 4, 1, 9), Local(2026, 7, 1, 9), Local(2026, 10, 8, 9), Local(2027, 1, 1, 9), Local(2027, 4, 1, 9)],
            starts);
    }

    [Fact]
    public void Next_IsStrictlyAfter_TheInstantGiven()
    {
        var schedule = Schedule();

        Assert.Equal(Local(2026, 1, 4, 9), schedule.Next(DutyFrequency.Quarterly, Local(2026, 1, 4, 8, 59)).At);
        Assert.Equal(Local(2026, 4, 1, 9), schedule.Next(DutyFrequency.Quarterly, Local(2026, 1, 4, 9)).At);
        // Inside the New Year holiday the quarter has begun but its first working day is still ahead.
        Assert.Equal(Local(2026, 1, 4, 9), schedule.Next(DutyFrequency.Yearly, Local(2026, 1, 2, 10)).At);
    }

    [Fact]
    public void Next_HalfYearly_StartsInJanuaryAndJuly()
    {
        var schedule = Schedule();

        Assert.Equal(Local(2026, 7, 1, 9), schedule.Next(DutyFrequency.HalfYearly, Local(2026, 1, 4, 9)).At);
        Assert.Equal(Local(2027, 1, 1, 9), schedule.Next(DutyFrequency.HalfYearly, Local(2026, 7, 1, 9)).At);
    }

    [Fact]
    public void Next_IntoAYearWithoutData_GuessesWeekdaysAndWarnsEachTime()
    {
        var schedule = Schedule();

        var start = schedule.Next(DutyFrequency.Yearly, Local(2026, 6, 1), "duty:normative-catalogue");
        schedule.Next(DutyFrequency.Yearly, Local(2026, 6, 2), "duty:normative-catalogue");

        Assert.Equal((new DateOnly(2027, 1, 1), Local(2027, 1, 1, 9)), (start.Day, start.At));
        var warning = Assert.Single(start.Warnings);
        Assert.Equal((CalendarWarning.NoHolidayDataCode, 2027), (warning.Code, warning.Year));
        var logged = _logs.Warnings.Where(w => w.Message.Contains("duty:normative-catalogue", StringComparison.Ordinal) && w.Message.Contains("2027", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, logged.Count);
        Assert.Contains(CalendarWarning.NoHolidayDataCode, logged[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Next_WithData_DoesNotWarn()
    {
        Schedule().Next(DutyFrequency.Yearly, Local(2025, 6, 1));

        Assert.Empty(_logs.Warnings);
    }

    [Fact]
    public void StartTime_IsLocalTimeInShanghai()
    {
        var start = Schedule(new TimeOnly(8, 30)).StartOf(new DutyPeriod(2026, DutyFrequency.Yearly, 1));

        Assert.Equal(new DateTimeOffset(2026, 1, 4, 0, 30, 0, TimeSpan.Zero), start.At);
        Assert.Equal(TimeSpan.Zero, start.At.Offset);
    }

    [Fact]
    public void PeriodOf_TheOccurrence_IsThePeriodItStarts()
    {
        var schedule = Schedule();

        Assert.Equal("2026-Q4", schedule.PeriodOf(DutyFrequency.Quarterly, Local(2026, 10, 8, 9)).Id);
        // 2026-01-04 09:00 in Beijing is 01:00 UTC on the same day; late on 31 December UTC would be January in Beijing.
        Assert.Equal("2027", schedule.PeriodOf(DutyFrequency.Yearly, new DateTimeOffset(2026, 12, 31, 17, 0, 0, TimeSpan.Zero)).Id);
    }
}
