using Workflows.Engine.Bpmn.Model;
using Workflows.Engine.Timers;
using static Workflows.Engine.Tests.Timers.TimerTestData;

namespace Workflows.Engine.Tests.Timers;

public sealed class CronTests
{
    private readonly TimerCalculator _calculator = Calculator();

    [Fact]
    public void First_FiresAtNineBeijingTime_WhichIsOneUtc()
    {
        var first = _calculator.First(TimerKind.Cycle, "0 0 9 * * ?", At("2026-03-02T00:00:00Z"));
        Assert.Equal(new TimerOccurrence(At("2026-03-02T01:00:00Z"), null), first);
    }

    [Fact]
    public void Next_FiresNextDay_AfterDailyCronFired()
    {
        var next = _calculator.Next(TimerKind.Cycle, "0 0 9 * * ?", At("2026-03-02T01:00:00Z"), null);
        Assert.Equal(new TimerOccurrence(At("2026-03-03T01:00:00Z"), null), next);
    }

    [Fact]
    public void First_FiresNow_WhenNowMatchesExactly()
    {
        Assert.Equal(At("2026-03-02T09:00:00+08:00"), _calculator.First(TimerKind.Cycle, "0 0 9 * * ?", At("2026-03-02T09:00:00+08:00"))!.DueAt);
    }

    [Theory]
    [InlineData("0 0 9 ? * MON-FRI", "2026-03-06T10:00:00+08:00", "2026-03-09T09:00:00+08:00")] // Fri → Mon
    [InlineData("0 0 9 ? * 2", "2026-03-07T10:00:00+08:00", "2026-03-09T09:00:00+08:00")] // Quartz 2 = Monday
    [InlineData("0 0 9 ? * 1", "2026-03-07T10:00:00+08:00", "2026-03-08T09:00:00+08:00")] // Quartz 1 = Sunday
    [InlineData("0 0 9 ? * 2-6", "2026-03-07T10:00:00+08:00", "2026-03-09T09:00:00+08:00")] // Mon-Fri
    [InlineData("0 0 9 ? * 6#1", "2026-03-07T10:00:00+08:00", "2026-04-03T09:00:00+08:00")] // first Friday
    [InlineData("0 0 9 ? * 6L", "2026-03-02T10:00:00+08:00", "2026-03-27T09:00:00+08:00")] // last Friday
    [InlineData("0 0 9 ? * L", "2026-03-02T10:00:00+08:00", "2026-03-07T09:00:00+08:00")] // Quartz L = Saturday
    [InlineData("0 30 17 L * ?", "2026-02-02T10:00:00+08:00", "2026-02-28T17:30:00+08:00")] // last day of month
    [InlineData("0 0/15 9-10 * * ?", "2026-03-02T09:50:00+08:00", "2026-03-02T10:00:00+08:00")]
    [InlineData("0 0 9 1 1,4,7,10 ?", "2026-03-02T10:00:00+08:00", "2026-04-01T09:00:00+08:00")] // quarterly
    public void First_ReadsQuartzFields_InBeijingTime(string cron, string now, string expected)
    {
        Assert.Equal(At(expected), _calculator.First(TimerKind.Cycle, cron, At(now))!.DueAt);
    }

    [Theory]
    [InlineData("0 9 * * 1", "2026-03-07T10:00:00+08:00", "2026-03-09T09:00:00+08:00")] // Unix 1 = Monday
    [InlineData("0 9 * * 0", "2026-03-07T10:00:00+08:00", "2026-03-08T09:00:00+08:00")] // Unix 0 = Sunday
    [InlineData("*/20 * * * *", "2026-03-07T10:05:00+08:00", "2026-03-07T10:20:00+08:00")]
    public void First_ReadsUnixFields_WhenCronHasFiveFields(string cron, string now, string expected)
    {
        Assert.Equal(At(expected), _calculator.First(TimerKind.Cycle, cron, At(now))!.DueAt);
    }

    [Fact]
    public void First_HonoursYearField_WhenCronHasSevenFields()
    {
        Assert.Equal(At("2027-01-01T09:00:00+08:00"), _calculator.First(TimerKind.Cycle, "0 0 9 1 1 ? 2027", At("2026-03-02T10:00:00+08:00"))!.DueAt);
    }

    [Fact]
    public void Next_SkipsYearsOutsideStep_WhenYearFieldHasStep()
    {
        var next = _calculator.Next(TimerKind.Cycle, "0 0 9 1 1 ? 2026/2", At("2026-01-01T09:00:00+08:00"), null);
        Assert.Equal(At("2028-01-01T09:00:00+08:00"), next!.DueAt);
    }

    [Fact]
    public void FirstAndNext_ReturnNull_WhenYearFieldHasEnded()
    {
        Assert.Null(_calculator.First(TimerKind.Cycle, "0 0 9 * * ? 2025", At("2026-03-02T10:00:00+08:00")));
        Assert.Null(_calculator.Next(TimerKind.Cycle, "0 0 9 31 12 ? 2026", At("2026-12-31T09:00:00+08:00"), null));
    }

    [Fact]
    public void First_FiresAtNineLocal_InBerlinWinterAndSummer()
    {
        var berlin = Calculator(Berlin);
        Assert.Equal(At("2026-01-15T08:00:00Z"), berlin.First(TimerKind.Cycle, "0 0 9 * * ?", At("2026-01-15T00:00:00Z"))!.DueAt);
        Assert.Equal(At("2026-07-15T07:00:00Z"), berlin.First(TimerKind.Cycle, "0 0 9 * * ?", At("2026-07-15T00:00:00Z"))!.DueAt);
    }

    [Fact]
    public void First_FiresWhenClocksJump_WhenTimeIsSkippedBySpringForward()
    {
        var due = Calculator(Berlin).First(TimerKind.Cycle, "0 30 2 * * ?", At("2026-03-28T12:00:00+01:00"))!.DueAt;
        Assert.Equal(At("2026-03-29T03:00:00+02:00"), due);
    }

    [Fact]
    public void FirstAndNext_FireOnce_WhenTimeRepeatsAtFallBack()
    {
        var berlin = Calculator(Berlin);
        var first = berlin.First(TimerKind.Cycle, "0 30 2 * * ?", At("2026-10-24T12:00:00+02:00"))!;
        var next = berlin.Next(TimerKind.Cycle, "0 30 2 * * ?", first.DueAt, null)!;

        Assert.Equal(At("2026-10-25T02:30:00+02:00"), first.DueAt);
        Assert.Equal(At("2026-10-26T02:30:00+01:00"), next.DueAt);
    }

    [Fact]
    public void Next_AlwaysMovesForward_ThroughFallBackNight()
    {
        var berlin = Calculator(Berlin);
        var due = At("2026-10-24T23:00:00Z"); // 01:00 CEST, before the repeated hour
        for (var i = 0; i < 20; i++)
        {
            var next = berlin.Next(TimerKind.Cycle, "0 0/15 * * * ?", due, null)!.DueAt;
            Assert.True(next > due, $"{next:O} should be after {due:O}");
            Assert.True(next - due <= TimeSpan.FromMinutes(75), $"gap from {due:O} to {next:O}");
            due = next;
        }
    }
}
