using Quartz;
using Workflows.Engine.Timers;

namespace Workflows.Engine.Quartz.Timers;

/// <summary>
/// Puts each pending workflow timer into Quartz as one job with one one-shot trigger, both keyed
/// by the timer id. Quartz is an executor only: <c>wf_timers</c> is the truth.
/// </summary>
public sealed class QuartzTimerScheduler(ISchedulerFactory schedulerFactory, QuartzTimerOptions options) : ITimerScheduler
{
    /// <summary>The job and trigger group every workflow timer lives in.</summary>
    public const string Group = "workflow-timers";

    private const int WriteChunk = 250;

    private readonly StoredTriggers _stored = new(options);

    public static JobKey JobKeyFor(Guid timerId) => new(timerId.ToString("D"), Group);

    public static TriggerKey TriggerKeyFor(Guid timerId) => new(timerId.ToString("D"), Group);

    public async Task ScheduleAsync(IReadOnlyCollection<WorkflowTimer> timers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timers);

        // A fired or cancelled timer has nothing left to wait for; firing it would be a no-op anyway.
        // The same timer twice in one call: the later entry is the newer state.
        var pending = timers.Where(t => t.Status == TimerStatus.Pending).GroupBy(t => t.Id).Select(g => g.Last()).ToList();
        if (pending.Count == 0)
        {
            return;
        }

        if (pending.Count >= StoredTriggers.WorthAsking)
        {
            // Reconciliation after a restart: most of these are in Quartz already, unchanged.
            pending = await _stored.WithoutTriggerAsync(pending, cancellationToken);
            if (pending.Count == 0)
            {
                return;
            }
        }

        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        // One store transaction per chunk, not per call: Quartz holds its TRIGGER_ACCESS lock (on
        // PostgreSQL a row lock every node of a cluster waits on to fire anything; on SQLite the one
        // write lock the engine's steps wait on) while it writes, at a dozen statements per timer.
        // A chunk keeps that to a fraction of a second even when reconciliation stores 300,000 timers.
        foreach (var chunk in pending.Chunk(WriteChunk))
        {
            // Replacing makes rescheduling idempotent: the timer's one job and one trigger are
            // overwritten in a single store transaction, never duplicated.
            await scheduler.ScheduleJobs(chunk.ToDictionary(JobFor, t => (IReadOnlyCollection<ITrigger>)[TriggerFor(t)]), ScheduleJobOptions.Replacing, cancellationToken);
        }
    }

    private static IJobDetail JobFor(WorkflowTimer timer) => JobBuilder.Create()
        .OfType(new JobType(FireTimerJob.StoredTypeName))
        .WithIdentity(JobKeyFor(timer.Id))
        .WithDescription(Describe(timer))
        .UsingJobData(FireTimerJob.TimerIdKey, timer.Id.ToString("D"))
        // A firing cut short by a crash runs again when a scheduler starts (or, clustered, on
        // another node) instead of waiting for reconciliation; firing twice is harmless.
        .RequestRecovery()
        .Build();

    private ITrigger TriggerFor(WorkflowTimer timer) => TriggerBuilder.Create()
        .WithIdentity(TriggerKeyFor(timer.Id))
        .ForJob(JobKeyFor(timer.Id))
        .StartAt(timer.DueAt)
        .WithRetryPolicy(options.FireRetryPolicy)
        // FireNow: a timer that fell due while every host was down fires as soon as a
        // scheduler starts, however long ago it was due; a deadline is never skipped.
        .WithSchedule(SimpleScheduleBuilder.Create().WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
        .Build();

    public async Task UnscheduleAsync(IReadOnlyCollection<Guid> timerIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timerIds);
        if (timerIds.Count == 0)
        {
            return;
        }

        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);

        // Deleting the job takes its trigger with it; a key Quartz no longer has is simply skipped.
        await scheduler.DeleteJobs(timerIds.Distinct().Select(JobKeyFor).ToList(), cancellationToken);
    }

    private static string Describe(WorkflowTimer timer) =>
        timer.InstanceId is { } instanceId
            ? $"{timer.Role} timer {timer.ActivityId} of instance {instanceId}"
            : $"{timer.Role} timer {timer.ActivityId} of definition {timer.DefinitionId}";
}
