namespace Workflows.Engine.Timers;

/// <summary>
/// The default until Quartz is configured, and the scheduler of the simulated clock: timers stay
/// in <c>wf_timers</c> and <see cref="DueTimerRunner"/> fires them when the clock is moved.
/// </summary>
internal sealed class NullTimerScheduler : ITimerScheduler
{
    public Task ScheduleAsync(IReadOnlyCollection<WorkflowTimer> timers, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task UnscheduleAsync(IReadOnlyCollection<Guid> timerIds, CancellationToken cancellationToken) => Task.CompletedTask;
}
