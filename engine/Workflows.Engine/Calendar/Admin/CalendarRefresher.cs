using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Workflows.Engine.Calendar.Admin;

/// <summary>
/// Picks up calendar edits made on another host. It polls on the wall clock on purpose: this is
/// infrastructure, not workflow time, and must tick even when the workflow clock is simulated.
/// </summary>
internal sealed class CalendarRefresher(CalendarAdministration calendar, ILogger<CalendarRefresher> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, TimeProvider.System);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await calendar.RefreshAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Reloading the working-day calendar failed; keeping the current one");
            }
        }
    }
}
