using Workflows.Engine.Bpmn.Model;
using Workflows.Engine.Timers;
using static Workflows.Engine.Tests.Timers.TimerTestData;

namespace Workflows.Engine.Tests.Timers;

public sealed class ValidationTests
{
    private readonly TimerCalculator _calculator = Calculator();

    [Theory]
    [InlineData(TimerKind.Duration, "PT2H")]
    [InlineData(TimerKind.Duration, "5WD")]
    [InlineData(TimerKind.Date, "2026-10-13T09:00:00+08:00")]
    [InlineData(TimerKind.Date, "2026-10-13")]
    [InlineData(TimerKind.Cycle, "R/PT1H")]
    [InlineData(TimerKind.Cycle, "R5/PT10M")]
    [InlineData(TimerKind.Cycle, "R3/2026-01-01T09:00:00+08:00/P1D")]
    [InlineData(TimerKind.Cycle, "r/p1d")]
    [InlineData(TimerKind.Cycle, "0 0 9 * * ?")]
    [InlineData(TimerKind.Cycle, "0 0 9 ? * MON-FRI 2026-2030")]
    [InlineData(TimerKind.Cycle, "0 9 * * 1-5")]
    public void Validate_ReturnsNull_WhenExpressionIsValid(TimerKind kind, string expression)
    {
        Assert.Null(_calculator.Validate(kind, expression));
    }

    [Theory]
    [InlineData(TimerKind.Duration, "soon", "'soon' is neither an ISO-8601 duration")]
    [InlineData(TimerKind.Date, "tomorrow", "'tomorrow' is not an ISO-8601 date-time")]
    [InlineData(TimerKind.Date, "2026-02-30T09:00:00", "'2026-02-30T09:00:00' is not an ISO-8601 date-time")]
    [InlineData(TimerKind.Date, "13/10/2026", "is not an ISO-8601 date-time")]
    [InlineData(TimerKind.Cycle, "", "The timer cycle is empty")]
    [InlineData(TimerKind.Cycle, "R0/PT1H", "at least 1")]
    [InlineData(TimerKind.Cycle, "RX/PT1H", "'RX/PT1H' is neither an ISO-8601 repeating interval")]
    [InlineData(TimerKind.Cycle, "R-1/PT1H", "at least 1")]
    [InlineData(TimerKind.Cycle, "R5", "is not an ISO-8601 repeating interval")]
    [InlineData(TimerKind.Cycle, "R/PT0S", "longer than zero")]
    [InlineData(TimerKind.Cycle, "R/P", "'P' is not an ISO-8601 duration")]
    [InlineData(TimerKind.Cycle, "R/PT1H/2026-01-01T00:00:00Z", "R/period/end) is not supported")]
    [InlineData(TimerKind.Cycle, "R/2026-13-01T00:00:00Z/P1D", "is not an ISO-8601 date-time")]
    [InlineData(TimerKind.Cycle, "R/2026-01-02T00:00:00Z/2026-01-01T00:00:00Z", "the end must be after the start")]
    [InlineData(TimerKind.Cycle, "PT1H", "is neither an ISO-8601 repeating interval")]
    [InlineData(TimerKind.Cycle, "hello world", "is neither an ISO-8601 repeating interval")]
    [InlineData(TimerKind.Cycle, "0 0 25 * * ?", "is not a valid cron expression")]
    [InlineData(TimerKind.Cycle, "0 0 9 ? * 8", "1 (SUN) to 7 (SAT)")]
    [InlineData(TimerKind.Cycle, "0 0 9 ? * 0", "1 (SUN) to 7 (SAT)")]
    [InlineData(TimerKind.Cycle, "0 0 9 30 2 ?", "never fires")]
    [InlineData(TimerKind.Cycle, "0 0 9 * * ? 1969", "from 1970 to 2199")]
    [InlineData(TimerKind.Cycle, "0 0 9 * * ? 2030-2026", "ends before it starts")]
    [InlineData(TimerKind.Cycle, "0 0 9 * * ? 2026/0", "at least 1")]
    public void Validate_ReturnsClearMessage_WhenExpressionIsGarbage(TimerKind kind, string expression, string expectedMessagePart)
    {
        var message = _calculator.Validate(kind, expression);
        Assert.NotNull(message);
        Assert.Contains(expectedMessagePart, message);
    }

    [Theory]
    [InlineData(TimerKind.Duration, "soon")]
    [InlineData(TimerKind.Date, "tomorrow")]
    [InlineData(TimerKind.Cycle, "R0/PT1H")]
    [InlineData(TimerKind.Cycle, "0 0 25 * * ?")]
    public void First_ThrowsFormatException_WhenExpressionIsGarbage(TimerKind kind, string expression)
    {
        var error = Assert.Throws<FormatException>(() => _calculator.First(kind, expression, At("2026-03-02T10:00:00+08:00")));
        Assert.Equal(_calculator.Validate(kind, expression), error.Message);
    }
}
