namespace Workflows.Engine.Timers;

/// <summary>
/// Tells the engine when a timer falls due. Implementations (Quartz; the simulated clock) are
/// executors only: the <c>wf_timers</c> table is the truth and reconciliation re-creates what they miss.
/// </summary>
public interface ITimerScheduler
{
    Task ScheduleAsync(IReadOnlyCollection<WorkflowTimer> timers, CancellationToken cancellationToken);

    Task UnscheduleAsync(IReadOnlyCollection<Guid> timerIds, CancellationToken cancellationToken);
}
