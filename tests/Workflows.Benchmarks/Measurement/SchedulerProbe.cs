using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Engine.Quartz.Timers;
using Workflows.Engine.Timers;

namespace Workflows.Benchmarks.Measurement;

/// <summary>
/// Sits in front of the Quartz adapter's <see cref="ITimerScheduler"/> and adds up the time spent
/// inside it and the timers handed to it: the share of a restart that is Quartz's, as against
/// reading <c>wf_timers</c>.
/// </summary>
public sealed class SchedulerProbe(ITimerScheduler inner) : ITimerScheduler
{
    private long _ticks;
    private long _timers;
    private long _calls;

    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _ticks));

    public long Timers => Interlocked.Read(ref _timers);

    public long Calls => Interlocked.Read(ref _calls);

    /// <summary>Replaces the adapter's registration with the probe wrapped around it.</summary>
    public static void Install(IServiceCollection services)
    {
        services.AddSingleton<QuartzTimerScheduler>();
        services.AddSingleton(sp => new SchedulerProbe(sp.GetRequiredService<QuartzTimerScheduler>()));
        services.AddSingleton<ITimerScheduler>(sp => sp.GetRequiredService<SchedulerProbe>());
    }

    public async Task ScheduleAsync(IReadOnlyCollection<WorkflowTimer> timers, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            await inner.ScheduleAsync(timers, cancellationToken);
        }
        finally
        {
            Interlocked.Add(ref _ticks, Stopwatch.GetTimestamp() - start);
            Interlocked.Add(ref _timers, timers.Count);
            Interlocked.Increment(ref _calls);
        }
    }

    public Task UnscheduleAsync(IReadOnlyCollection<Guid> timerIds, CancellationToken cancellationToken) =>
        inner.UnscheduleAsync(timerIds, cancellationToken);
}
