using Microsoft.Extensions.Options;
using Workflows.Engine;
using Workflows.Engine.Calendar;

namespace Workflows.Procedures.NormativeDocuments;

/// <summary>The register's dates: today in the engine's time zone, and legal periods on the statutory calendar.</summary>
public sealed class NormativeCalendar(TimeProvider time, IWorkingDayCalendar calendar, IOptions<WorkflowEngineOptions> options)
{
    public CalendarClock Clock { get; } = new(time, options.Value.TimeZone);

    public DateOnly Today() => Clock.Today();

    public DateTimeOffset Now() => time.GetUtcNow();

    /// <summary>The last day of <paramref name="period"/> (e.g. <c>30D</c>) counted from <paramref name="start"/>, rolled past rest days.</summary>
    public DateOnly LastDay(DateOnly start, string period) =>
        new DeadlineCalculator(calendar).Compute(start, LegalPeriod.Parse(period)).Due;
}
