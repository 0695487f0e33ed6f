using Workflows.Engine.Calendar;
using static Workflows.Engine.Tests.Calendar.Days;

namespace Workflows.Engine.Tests.Calendar;

// Rule under test: paused days are [PausedOn, ResumedOn); counting skips them.
// Baseline without stops: Mon 2026-03-02 + 7 working days = 03-03 (1), 03-04 (2), 03-05 (3),
// Fri 03-06 (4), Mon 03-09 (5), 03-10 (6), Wed 03-11 (7).
public class ClockStopTests
{
    private static readonly LegalPeriod SevenWorkingDays = LegalPeriod.WorkingDays(7);
    private readonly DeadlineCalculator _calculator = new(StatutoryCalendar.CreateBuiltIn());

    private static ClockStop Stop(string pausedOn, string? resumedOn) =>
        new(D(pausedOn), resumedOn is null ? null : D(resumedOn), "legal-office", "补正材料 (supplementary materials)");

    [Fact]
    public void Compute_StopWithinPeriod_ExtendsByPausedWorkingDays()
    {
        // Paused Wed 03-04 and Thu 03-05: 03-03 (1), 03-06 (2), 03-09..13 (3..7).
        var deadline = _calculator.Compute(D("2026-03-02"), SevenWorkingDays, [Stop("2026-03-04", "2026-03-06")]);

        Assert.Equal(D("2026-03-13"), deadline.Due);
        Assert.Equal(2, deadline.PausedDays);
        Assert.False(deadline.ClockStopped);
    }

    [Fact]
    public void Compute_StopSpanningNationalDay_PausesOnlyItsWorkingDays()
    {
        // Worked-example review with a stop [09-30, 10-09): paused working days are 09-30 and 10-08;
        // 10-01..07 are holidays and were never counted. 09-29 (1), 10-09 (2), Sat 10-10 make-up (3),
        // 10-12 (4), 10-13 (5), 10-14 (6), Thu 10-15 (7).
        var deadline = _calculator.Compute(D("2026-09-28"), SevenWorkingDays, [Stop("2026-09-30", "2026-10-09")]);

        Assert.Equal(D("2026-10-15"), deadline.Due);
        Assert.Equal(2, deadline.PausedDays);
    }

    [Fact]
    public void Compute_StopSpanningSpringFestival2026_CountsPausedMakeUpSaturday()
    {
        // Mon 2026-02-09 + 5 working days, stop [02-12, 02-26): paused working days 02-12, 02-13,
        // Sat 02-14 (make-up), 02-24, 02-25. Counted: 02-10 (1), 02-11 (2), 02-26 (3), 02-27 (4),
        // Sat 02-28 make-up (5).
        var deadline = _calculator.Compute(D("2026-02-09"), LegalPeriod.WorkingDays(5), [Stop("2026-02-12", "2026-02-26")]);

        Assert.Equal(D("2026-02-28"), deadline.Due);
        Assert.Equal(5, deadline.PausedDays);
    }

    [Fact]
    public void Compute_StopAfterPeriodRanOut_DoesNotReviveIt()
    {
        var deadline = _calculator.Compute(D("2026-03-02"), SevenWorkingDays, [Stop("2026-03-12", "2026-03-20")]);

        Assert.Equal(D("2026-03-11"), deadline.Due);
        Assert.Equal(0, deadline.PausedDays);
    }

    [Fact]
    public void Compute_StopEndingOnStartDay_HasNoEffect()
    {
        // [02-25, 03-02) ends before the first counted day, 03-03.
        var deadline = _calculator.Compute(D("2026-03-02"), SevenWorkingDays, [Stop("2026-02-25", "2026-03-02")]);

        Assert.Equal(D("2026-03-11"), deadline.Due);
    }

    [Fact]
    public void Compute_StopResumedOnSameDay_PausesNothing()
    {
        var deadline = _calculator.Compute(D("2026-03-02"), SevenWorkingDays, [Stop("2026-03-04", "2026-03-04")]);

        Assert.Equal(D("2026-03-11"), deadline.Due);
        Assert.Equal(0, deadline.PausedDays);
    }

    [Fact]
    public void Compute_BackToBackStops_EqualOneStop()
    {
        var split = _calculator.Compute(D("2026-03-02"), SevenWorkingDays, [Stop("2026-03-04", "2026-03-05"), Stop("2026-03-05", "2026-03-06")]);

        Assert.Equal(D("2026-03-13"), split.Due);
        Assert.Equal(2, split.PausedDays);
    }

    [Fact]
    public void Compute_OverlappingStops_DoNotCountADayTwice()
    {
        // [03-04, 03-06) and [03-05, 03-07) pause 03-04, 03-05, 03-06 (Sat 03-07 is not a working day).
        // 03-03 (1), 03-09..13 (2..6), Mon 03-16 (7).
        var deadline = _calculator.Compute(D("2026-03-02"), SevenWorkingDays, [Stop("2026-03-04", "2026-03-06"), Stop("2026-03-05", "2026-03-07")]);

        Assert.Equal(D("2026-03-16"), deadline.Due);
        Assert.Equal(3, deadline.PausedDays);
    }

    [Fact]
    public void Compute_OpenStop_IsPausedThroughTodayAndFlaggedProvisional()
    {
        // Stopped since Wed 03-04, still stopped on Thu 03-05: paused 03-04, 03-05 -> as the closed case, 03-13.
        var deadline = _calculator.Compute(D("2026-03-02"), SevenWorkingDays, [Stop("2026-03-04", null)], today: D("2026-03-05"));

        Assert.Equal(D("2026-03-13"), deadline.Due);
        Assert.True(deadline.ClockStopped);
        Assert.Contains(deadline.Warnings, w => w.Code == CalendarWarning.ClockStoppedCode);
    }

    [Fact]
    public void Compute_OpenStop_MovesDueLaterEachPausedWorkingDay()
    {
        // One more paused day (Fri 03-06): 03-03 (1), 03-09..13 (2..6), Mon 03-16 (7).
        var deadline = _calculator.Compute(D("2026-03-02"), SevenWorkingDays, [Stop("2026-03-04", null)], today: D("2026-03-06"));

        Assert.Equal(D("2026-03-16"), deadline.Due);
        Assert.Equal(3, deadline.PausedDays);
    }

    [Fact]
    public void Compute_OpenStopWithoutToday_Throws() =>
        Assert.Throws<ArgumentException>(() => _calculator.Compute(D("2026-03-02"), SevenWorkingDays, [Stop("2026-03-04", null)]));

    [Fact]
    public void Compute_CalendarDayPeriodWithStop_PausesCalendarDaysThenRollsOver()
    {
        // Public comment from 2026-01-20, 30 days, stopped [01-25, 01-27): 2 days paused, so the 30th
        // counted day is 02-21 (Sat, Spring Festival) and the period rolls to Tue 02-24.
        var deadline = _calculator.Compute(D("2026-01-20"), LegalPeriod.CalendarDays(30), [Stop("2026-01-25", "2026-01-27")]);

        Assert.Equal(D("2026-02-24"), deadline.Due);
        Assert.Equal(D("2026-02-21"), deadline.RolledOverFrom);
        Assert.Equal(2, deadline.PausedDays);
    }

    [Fact]
    public void ClockStop_Throws_WhenResumedBeforePaused() =>
        Assert.Throws<ArgumentException>(() => Stop("2026-03-04", "2026-03-03"));

    [Theory]
    [InlineData("", "reason")]
    [InlineData("legal-office", " ")]
    public void ClockStop_Throws_WhenWhoOrWhyIsMissing(string pausedBy, string reason) =>
        Assert.ThrowsAny<ArgumentException>(() => new ClockStop(D("2026-03-04"), null, pausedBy, reason));

    [Fact]
    public void Resume_RecordsWhoAndWhen_AndRefusesASecondResume()
    {
        var resumed = Stop("2026-03-04", null).Resume(D("2026-03-06"), "owner");

        Assert.Equal(D("2026-03-06"), resumed.ResumedOn);
        Assert.Equal("owner", resumed.ResumedBy);
        Assert.Equal("legal-office", resumed.PausedBy);
        Assert.Throws<InvalidOperationException>(() => resumed.Resume(D("2026-03-07"), "owner"));
    }
}
