using Workflows.Procedures.Duties;

namespace Workflows.Procedures.Tests.Duties;

public sealed class DutyPeriodTests
{
    [Theory]
    [InlineData(DutyFrequency.Yearly, "2027-08-15", "2027", "2027年", "2027-01-01", "2027-12-31")]
    [InlineData(DutyFrequency.HalfYearly, "2027-06-30", "2027-H1", "2027年上半年", "2027-01-01", "2027-06-30")]
    [InlineData(DutyFrequency.HalfYearly, "2027-07-01", "2027-H2", "2027年下半年", "2027-07-01", "2027-12-31")]
    [InlineData(DutyFrequency.Quarterly, "2026-02-28", "2026-Q1", "2026年第一季度", "2026-01-01", "2026-03-31")]
    [InlineData(DutyFrequency.Quarterly, "2026-10-08", "2026-Q4", "2026年第四季度", "2026-10-01", "2026-12-31")]
    public void Containing_NamesThePeriodAndItsDays(DutyFrequency frequency, string day, string id, string name, string first, string last)
    {
        var period = DutyPeriod.Containing(DateOnly.Parse(day), frequency);

        Assert.Equal((id, name, DateOnly.Parse(first), DateOnly.Parse(last)), (period.Id, period.DisplayName, period.FirstDay, period.LastDay));
    }

    [Fact]
    public void Next_CrossesTheYear_AfterTheLastPeriod()
    {
        Assert.Equal("2027-Q1", new DutyPeriod(2026, DutyFrequency.Quarterly, 4).Next().Id);
        Assert.Equal("2026-H2", new DutyPeriod(2026, DutyFrequency.HalfYearly, 1).Next().Id);
        Assert.Equal("2027", new DutyPeriod(2026, DutyFrequency.Yearly, 1).Next().Id);
    }

    [Theory]
    [InlineData("03-31", DutyFrequency.Yearly, 2027, 1, "2027-03-31")]
    [InlineData("end", DutyFrequency.Yearly, 2027, 1, "2027-12-31")]
    [InlineData("END", DutyFrequency.HalfYearly, 2026, 1, "2026-06-30")]
    [InlineData("end", DutyFrequency.Quarterly, 2026, 1, "2026-03-31")]
    [InlineData("06-30, 12-31", DutyFrequency.HalfYearly, 2026, 2, "2026-12-31")]
    [InlineData("01-31,04-30,07-31,10-31", DutyFrequency.Quarterly, 2026, 3, "2026-07-31")]
    public void DateRule_ResolvesWithinThePeriodsYear(string rule, DutyFrequency frequency, int year, int index, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected), DutyDateRule.Parse(rule, frequency).For(new DutyPeriod(year, frequency, index)));
    }

    [Theory]
    [InlineData("03-31", DutyFrequency.HalfYearly, "one per period")]
    [InlineData("02-29", DutyFrequency.Yearly, "not a month and day")]
    [InlineData("2027-03-31", DutyFrequency.Yearly, "not a month and day")]
    [InlineData("06-30,03-31", DutyFrequency.HalfYearly, "before period 2 begins")]
    [InlineData("", DutyFrequency.Yearly, "write end or a month and day")]
    public void DateRule_RefusesWhatCannotFallDueEveryPeriod(string rule, DutyFrequency frequency, string reason)
    {
        var error = Assert.Throws<FormatException>(() => DutyDateRule.Parse(rule, frequency));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }
}
