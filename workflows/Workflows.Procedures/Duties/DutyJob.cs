using Workflows.Engine.Scheduling;

namespace Workflows.Procedures.Duties;

/// <summary>
/// The scheduler's side of one duty: when its periods start, and launching a period when one
/// does. Thin on purpose; the launcher does the work and is idempotent per period.
/// </summary>
/// <remarks>
/// The launcher is fetched when a run needs it, not injected: the engine's runtime depends on the
/// recurring jobs, and the launcher on the runtime, so injecting it would make a cycle.
/// </remarks>
public sealed class DutyJob(Duty duty, DutySchedule schedule, Func<DutyLauncher> launcher) : IRecurringJob
{
    public Duty Duty => duty;

    public string Key => duty.JobKey;

    public DateTimeOffset? NextOccurrence(DateTimeOffset after) => schedule.Next(duty.Frequency, after, Key).At;

    public Task RunAsync(DateTimeOffset occurrence, CancellationToken cancellationToken) =>
        launcher().LaunchAsync(duty, schedule.PeriodOf(duty.Frequency, occurrence), cancellationToken);
}
