using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Workflows.Engine;
using Workflows.Engine.Calendar;

namespace Workflows.Host.Calendar;

/// <summary>
/// A year without the State Council's holiday notice makes every deadline into it a guess, so the
/// health check says so loudly: Degraded (the product still runs) when this year has no data, or
/// from November on when next year has none — the notice usually appears in November, and
/// deadlines set in December already reach into January.
/// </summary>
internal sealed class CalendarHealthCheck(IWorkingDayCalendar calendar, TimeProvider time, IOptions<WorkflowEngineOptions> options) : IHealthCheck
{
    /// <summary>From this month on, next year's data is expected too.</summary>
    public const int NextYearExpectedFromMonth = 11;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var today = new CalendarClock(time, options.Value.TimeZone).Today();
        var expected = today.Month >= NextYearExpectedFromMonth ? new[] { today.Year, today.Year + 1 } : [today.Year];
        var missing = expected.Where(year => !calendar.HasDataFor(year)).ToList();
        var data = new Dictionary<string, object>
        {
            ["today"] = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["missingYears"] = missing,
        };
        if (missing.Count == 0)
        {
            return Task.FromResult(HealthCheckResult.Healthy($"已有{string.Join("、", expected)}年法定节假日数据。", data));
        }
        var years = string.Join("、", missing);
        return Task.FromResult(HealthCheckResult.Degraded(
            $"缺少{years}年法定节假日数据：计入该年的期限只能按周一至周五推算，可能有误。请管理员按国务院办公厅节假日安排通知录入（PUT /api/calendar/years/{missing[0]}）。",
            data: data));
    }
}
