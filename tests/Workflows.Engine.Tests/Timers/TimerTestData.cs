using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Workflows.Engine.Calendar;
using Workflows.Engine.Timers;

namespace Workflows.Engine.Tests.Timers;

/// <summary>
/// Monday–Friday, minus listed holidays, plus listed make-up working days: enough of the real
/// calendar to test counting without depending on the statutory-holiday implementation.
/// The defaults are the 2026 days the worked examples in RULES.md need.
/// </summary>
internal sealed class TestCalendar(IEnumerable<DateOnly>? holidays = null, IEnumerable<DateOnly>? makeUpDays = null, int[]? yearsWithData = null)
    : IWorkingDayCalendar
{
    private readonly HashSet<DateOnly> _holidays = [.. holidays ?? DefaultHolidays()];
    private readonly HashSet<DateOnly> _makeUpDays = [.. makeUpDays ?? [new DateOnly(2026, 10, 10)]];
    private readonly HashSet<int> _years = [.. yearsWithData ?? [2026]];

    public bool IsWorkingDay(DateOnly day) =>
        _makeUpDays.Contains(day) || (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(day));

    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        var day = start;
        for (var counted = 0; counted < workingDays;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                counted++;
            }
        }

        return day;
    }

    public bool HasDataFor(int year) => _years.Contains(year);

    private static IEnumerable<DateOnly> DefaultHolidays()
    {
        // National Day week and the Spring Festival break of 2026.
        for (var d = new DateOnly(2026, 10, 1); d <= new DateOnly(2026, 10, 7); d = d.AddDays(1))
        {
            yield return d;
        }

        for (var d = new DateOnly(2026, 2, 15); d <= new DateOnly(2026, 2, 23); d = d.AddDays(1))
        {
            yield return d;
        }
    }
}

/// <summary>Keeps what was logged, so a test can see the warning RULES.md asks for.</summary>
internal sealed class RecordingLogger<T> : ILogger<T>
{
    public List<(LogLevel Level, string Message)> Entries { get; } = [];

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Entries.Add((logLevel, formatter(state, exception)));
}

internal static class TimerTestData
{
    public const string Berlin = "Europe/Berlin";

    public static TimerCalculator Calculator(string zone = "Asia/Shanghai", IWorkingDayCalendar? calendar = null, ILogger<TimerCalculator>? logger = null) =>
        new(calendar ?? new TestCalendar(), Options.Create(new WorkflowEngineOptions { TimeZone = zone }), logger);

    public static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.None);
}
