using Workflows.Engine.Bpmn.Model;
using Workflows.Engine.Timers;
using static Workflows.Engine.Tests.Timers.TimerTestData;

namespace Workflows.Engine.Tests.Timers;

public sealed class FirstAndNextTests
{
    private static readonly DateTimeOffset Now = At("2026-03-02T10:00:00+08:00"); // a Monday

    private readonly TimerCalculator _calculator = Calculator();

    [Theory]
    [InlineData("PT30M", "2026-03-02T10:30:00+08:00")]
    [InlineData("P1D", "2026-03-03T10:00:00+08:00")]
    [InlineData("3WD", "2026-03-05T23:59:59+08:00")]
    public void First_AddsDuration_ForDurationTimer(string expression, string expected)
    {
        Assert.Equal(new TimerOccurrence(At(expected), 0), _calculator.First(TimerKind.Duration, expression, Now));
    }

    [Theory]
    [InlineData("2026-10-13T09:00:00+08:00", "2026-10-13T01:00:00Z")]
    [InlineData("2026-10-13T09:00:00Z", "2026-10-13T09:00:00Z")]
    [InlineData("2026-10-13T09:00:00.250+08:00", "2026-10-13T01:00:00.25Z")]
    [InlineData("2026-10-13T09:00+08:00", "2026-10-13T01:00:00Z")]
    [InlineData("2026-10-13T09:00:00", "2026-10-13T01:00:00Z")]
    [InlineData("2026-10-13T09:00", "2026-10-13T01:00:00Z")]
    [InlineData("2026-10-13", "2026-10-12T16:00:00Z")]
    [InlineData(" 2026-10-13T09:00:00 ", "2026-10-13T01:00:00Z")]
    public void First_ReadsDateInConfiguredZone_WhenDateHasNoOffset(string expression, string expected)
    {
        Assert.Equal(new TimerOccurrence(At(expected), 0), _calculator.First(TimerKind.Date, expression, Now));
    }

    [Theory]
    [InlineData("2026-01-15T09:00:00", "2026-01-15T08:00:00Z")]
    [InlineData("2026-07-01T09:00:00", "2026-07-01T07:00:00Z")]
    [InlineData("2026-03-29T02:30:00", "2026-03-29T01:30:00Z")]
    public void First_AppliesDst_ForLocalDateInBerlin(string expression, string expected)
    {
        // 02:30 on 29 March does not exist in Berlin; it is read as 03:30 CEST.
        Assert.Equal(At(expected), Calculator(Berlin).First(TimerKind.Date, expression, Now)!.DueAt);
    }

    [Fact]
    public void First_ReturnsPastDate_SoTimerFiresAtOnce()
    {
        Assert.Equal(At("2026-01-01T00:00:00+08:00"), _calculator.First(TimerKind.Date, "2026-01-01T00:00:00+08:00", Now)!.DueAt);
    }

    [Fact]
    public void Next_ReturnsNull_ForOneShotTimers()
    {
        Assert.Null(_calculator.Next(TimerKind.Duration, "PT1H", Now, 0));
        Assert.Null(_calculator.Next(TimerKind.Date, "2026-10-13", Now, null));
    }

    [Fact]
    public void FirstAndNext_RepeatForever_ForUnboundedInterval()
    {
        var first = _calculator.First(TimerKind.Cycle, "R/PT1H", Now);
        Assert.Equal(new TimerOccurrence(Now.AddHours(1), null), first);

        var second = _calculator.Next(TimerKind.Cycle, "R/PT1H", first!.DueAt, first.RemainingRepetitions);
        Assert.Equal(new TimerOccurrence(Now.AddHours(2), null), second);
    }

    [Fact]
    public void FirstAndNext_FireExactlyRTimes_ForBoundedInterval()
    {
        var firings = Chain("R5/PT10M", Now);

        Assert.Equal(Enumerable.Range(1, 5).Select(i => Now.AddMinutes(10 * i)), firings.Select(f => f.DueAt));
        Assert.Equal([4, 3, 2, 1, 0], firings.Select(f => f.RemainingRepetitions));
    }

    [Fact]
    public void FirstAndNext_StartAtStart_WhenStartIsInFuture()
    {
        var firings = Chain("R3/2026-04-01T09:00:00+08:00/P1D", Now);

        Assert.Equal(
            [At("2026-04-01T09:00:00+08:00"), At("2026-04-02T09:00:00+08:00"), At("2026-04-03T09:00:00+08:00")],
            firings.Select(f => f.DueAt));
    }

    [Fact]
    public void First_SkipsPastOccurrences_AndCountsThemAgainstR()
    {
        // 09:00 on 1 and 2 March are gone at 10:00 on 2 March: one firing of three is left.
        var first = _calculator.First(TimerKind.Cycle, "R3/2026-03-01T09:00:00+08:00/P1D", Now);
        Assert.Equal(new TimerOccurrence(At("2026-03-03T09:00:00+08:00"), 0), first);
        Assert.Null(_calculator.Next(TimerKind.Cycle, "R3/2026-03-01T09:00:00+08:00/P1D", first!.DueAt, first.RemainingRepetitions));
    }

    [Fact]
    public void First_ReturnsNull_WhenAllRepetitionsArePast()
    {
        Assert.Null(_calculator.First(TimerKind.Cycle, "R2/2026-02-01T09:00:00+08:00/P1D", Now));
    }

    [Fact]
    public void First_FiresNow_WhenNowIsExactlyAnOccurrence()
    {
        Assert.Equal(Now, _calculator.First(TimerKind.Cycle, "R/2026-03-01T10:00:00+08:00/P1D", Now)!.DueAt);
    }

    [Fact]
    public void First_FindsNextSecond_ForPerSecondCycleStartedYearsAgo()
    {
        var first = _calculator.First(TimerKind.Cycle, "R/2020-01-01T00:00:00Z/PT1S", At("2026-05-05T10:20:30.5Z"));
        Assert.Equal(new TimerOccurrence(At("2026-05-05T10:20:31Z"), null), first);
    }

    [Fact]
    public void Next_StaysOnMonthEnds_ForMonthlyCycleAnchoredOn31st()
    {
        var firings = Chain("R4/2026-01-31T09:00:00+08:00/P1M", At("2026-01-01T00:00:00+08:00"));

        Assert.Equal(
            [At("2026-01-31T09:00:00+08:00"), At("2026-02-28T09:00:00+08:00"), At("2026-03-31T09:00:00+08:00"), At("2026-04-30T09:00:00+08:00")],
            firings.Select(f => f.DueAt));
    }

    [Fact]
    public void Next_KeepsWallClock_ForDailyCycleAcrossDstInBerlin()
    {
        var berlin = Calculator(Berlin);
        var first = berlin.First(TimerKind.Cycle, "R/P1D", At("2026-03-28T12:00:00+01:00"))!;

        Assert.Equal(At("2026-03-29T12:00:00+02:00"), first.DueAt);
        Assert.Equal(At("2026-03-30T12:00:00+02:00"), berlin.Next(TimerKind.Cycle, "R/P1D", first.DueAt, null)!.DueAt);
    }

    [Fact]
    public void FirstAndNext_UseSpanBetweenStartAndEnd_ForStartEndInterval()
    {
        var firings = Chain("R2/2026-04-01T09:00:00+08:00/2026-04-01T10:30:00+08:00", Now);
        Assert.Equal([At("2026-04-01T09:00:00+08:00"), At("2026-04-01T10:30:00+08:00")], firings.Select(f => f.DueAt));
    }

    [Fact]
    public void Next_ReturnsNull_WhenNoRepetitionRemains()
    {
        Assert.Null(_calculator.Next(TimerKind.Cycle, "R/PT1H", Now, 0));
    }

    private List<TimerOccurrence> Chain(string cycle, DateTimeOffset now)
    {
        var firings = new List<TimerOccurrence>();
        for (var occurrence = _calculator.First(TimerKind.Cycle, cycle, now);
             occurrence is not null;
             occurrence = _calculator.Next(TimerKind.Cycle, cycle, occurrence.DueAt, occurrence.RemainingRepetitions))
        {
            firings.Add(occurrence);
            Assert.True(firings.Count <= 100, "the cycle should have ended");
        }

        return firings;
    }
}
