using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Workflows.Engine.Calendar;

namespace Workflows.Host.Calendar;

public static class CalendarHosting
{
    public const string HealthCheckName = "calendar";

    /// <summary>
    /// Period arithmetic for the API over the engine's live working-day calendar, with the settings of
    /// <c>Workflows:Calendar</c> (roll-over of calendar days), and the calendar's health check.
    /// </summary>
    public static IServiceCollection AddCalendarServices(this IServiceCollection services)
    {
        services.AddOptions<DeadlineOptions>().BindConfiguration(DeadlineOptions.Section);
        // The live calendar swaps its data whole on every edit, so one calculator serves for the host's lifetime.
        services.TryAddSingleton(sp => new DeadlineCalculator(
            sp.GetRequiredService<IWorkingDayCalendar>(), sp.GetRequiredService<IOptions<DeadlineOptions>>().Value));
        services.AddHealthChecks().AddCheck<CalendarHealthCheck>(HealthCheckName, tags: ["calendar"]);
        return services;
    }
}
