using Workflows.Engine.Calendar;

namespace Workflows.Engine.Tests.Calendar;

public class LegalPeriodTests
{
    [Theory]
    [InlineData("7WD", 7, PeriodUnit.WorkingDays)]
    [InlineData(" 15wd ", 15, PeriodUnit.WorkingDays)]
    [InlineData("30D", 30, PeriodUnit.CalendarDays)]
    [InlineData("P30D", 30, PeriodUnit.CalendarDays)]
    [InlineData("p7d", 7, PeriodUnit.CalendarDays)]
    [InlineData("0WD", 0, PeriodUnit.WorkingDays)]
    public void Parse_ReadsTheDueNotation(string text, int amount, PeriodUnit unit)
    {
        var period = LegalPeriod.Parse(text, PeriodKind.Minimum);

        Assert.Equal(amount, period.Amount);
        Assert.Equal(unit, period.Unit);
        Assert.Equal(PeriodKind.Minimum, period.Kind);
    }

    [Theory]
    [InlineData("")]
    [InlineData("7")]
    [InlineData("WD")]
    [InlineData("-3D")]
    [InlineData("PT2H")]
    [InlineData("P1M")]
    [InlineData("P7WD")]
    [InlineData("36601D")]
    public void Parse_Throws_WhenNotWholeDays(string text)
    {
        Assert.Throws<FormatException>(() => LegalPeriod.Parse(text));
        Assert.False(LegalPeriod.TryParse(text, PeriodKind.Maximum, out _));
    }

    [Fact]
    public void ToString_RoundTripsThroughParse()
    {
        Assert.Equal("7WD", LegalPeriod.WorkingDays(7).ToString());
        Assert.Equal(LegalPeriod.CalendarDays(30), LegalPeriod.Parse(LegalPeriod.CalendarDays(30).ToString()));
    }

    [Fact]
    public void ToChineseText_UsesTheRegulationsWording()
    {
        Assert.Equal("不少于30日", LegalPeriod.CalendarDays(30, PeriodKind.Minimum).ToChineseText());
        Assert.Equal("7个工作日内", LegalPeriod.WorkingDays(7).ToChineseText());
    }

    [Fact]
    public void Constructor_Throws_WhenAmountIsNegative() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => LegalPeriod.WorkingDays(-1));
}
