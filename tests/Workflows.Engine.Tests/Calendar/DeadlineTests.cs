using Workflows.Engine.Calendar;
using static Workflows.Engine.Tests.Calendar.Days;

namespace Workflows.Engine.Tests.Calendar;

public class DeadlineTests
{
    private static Deadline Make(PeriodKind kind) =>
        new(D("2026-09-28"), LegalPeriod.WorkingDays(7, kind), D("2026-10-13"), null, 0, false, []);

    [Fact]
    public void MaximumPeriod_IsOverdue_OnlyAfterDueDay()
    {
        var deadline = Make(PeriodKind.Maximum);

        Assert.False(deadline.IsOverdueOn(D("2026-10-13")));
        Assert.True(deadline.IsOverdueOn(D("2026-10-14")));
        Assert.True(deadline.MayCloseOn(D("2026-09-29")));
    }

    [Fact]
    public void MinimumPeriod_MayNotClose_UntilDueDayHasEnded()
    {
        var deadline = Make(PeriodKind.Minimum);

        Assert.False(deadline.MayCloseOn(D("2026-09-29")));
        Assert.False(deadline.MayCloseOn(D("2026-10-13")));
        Assert.True(deadline.MayCloseOn(D("2026-10-14")));
        Assert.False(deadline.IsOverdueOn(D("2026-12-31")));
        Assert.True(deadline.HasElapsed(D("2026-10-14")));
    }

    [Fact]
    public void Explain_StatesTheRuleForEachKind()
    {
        Assert.Equal("due by the end of 2026-10-13 (7WD from 2026-09-28)", Make(PeriodKind.Maximum).Explain());
        Assert.Equal("may not close before the end of 2026-10-13 (7WD from 2026-09-28)", Make(PeriodKind.Minimum).Explain());
    }

    [Fact]
    public void Explain_MentionsRollOver()
    {
        var deadline = new Deadline(D("2026-01-20"), LegalPeriod.CalendarDays(30, PeriodKind.Minimum), D("2026-02-24"), D("2026-02-19"), 0, false, []);

        Assert.Equal("may not close before the end of 2026-02-24 (30D from 2026-01-20, moved from 2026-02-19, not a working day)", deadline.Explain());
    }
}
