using Microsoft.Extensions.Time.Testing;
using Workflows.Engine.Calendar;
using static Workflows.Engine.Tests.Calendar.Days;

namespace Workflows.Engine.Tests.Calendar;

public class CalendarClockTests
{
    [Theory]
    // Shanghai is UTC+8 all year: 16:00 UTC is midnight there.
    [InlineData("2026-09-30T15:59:59Z", "2026-09-30")]
    [InlineData("2026-09-30T16:00:00Z", "2026-10-01")]
    public void Today_IsTheDateInShanghai_NotInUtc(string utcNow, string expected)
    {
        var clock = new CalendarClock(new FakeTimeProvider(DateTimeOffset.Parse(utcNow, System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(D(expected), clock.Today());
        Assert.Equal("Asia/Shanghai", clock.TimeZoneId);
    }

    [Fact]
    public void Today_FollowsTheConfiguredZone()
    {
        var clock = new CalendarClock(new FakeTimeProvider(new DateTimeOffset(2026, 9, 30, 16, 0, 0, TimeSpan.Zero)), "Etc/UTC");

        Assert.Equal(D("2026-09-30"), clock.Today());
    }

    [Fact]
    public void EndOf_IsMidnightAfterTheLastDay_InShanghai()
    {
        var clock = new CalendarClock(new FakeTimeProvider());

        // The review window of the worked example closes at the end of 2026-10-13, i.e. 10-14 00:00 +08:00.
        Assert.Equal(new DateTimeOffset(2026, 10, 13, 16, 0, 0, TimeSpan.Zero), clock.EndOf(D("2026-10-13")));
        Assert.Equal(TimeSpan.FromHours(8), clock.StartOf(D("2026-10-13")).Offset);
    }

    [Fact]
    public void Constructor_Throws_ForUnknownZone() =>
        Assert.Throws<ArgumentException>(() => new CalendarClock(new FakeTimeProvider(), "China Standard Time"));
}
