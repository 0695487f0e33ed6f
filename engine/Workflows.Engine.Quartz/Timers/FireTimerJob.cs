using Microsoft.Extensions.Logging;
using Quartz;
using Workflows.Engine.Runtime;

namespace Workflows.Engine.Quartz.Timers;

/// <summary>
/// Tells the engine that one timer fell due. It carries only the timer id; the row in
/// <c>wf_timers</c> decides what firing means, and firing a timer twice does nothing the second time.
/// </summary>
/// <remarks>
/// Quartz's DI job factory builds each firing in a scope of its own, so the scoped runtime
/// (and its DbContext) injected here belongs to this firing alone.
/// </remarks>
public sealed class FireTimerJob(IWorkflowRuntime runtime, ILogger<FireTimerJob> logger) : IJob
{
    /// <summary>
    /// The job type name stored in <c>QRTZ_JOB_DETAILS.JOB_CLASS_NAME</c>. A stable alias rather than
    /// the CLR name, so moving or renaming this class cannot orphan timers already in the store.
    /// </summary>
    public const string StoredTypeName = "fazhi.fire-timer";

    /// <summary>The job data key holding the timer id, stored as a string.</summary>
    public const string TimerIdKey = "timerId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        if (!Guid.TryParse(context.MergedJobDataMap.TryGetValue(TimerIdKey, out var raw) ? raw as string : null, out var timerId))
        {
            // Retrying cannot repair a malformed row; reconciliation re-creates the timer from wf_timers.
            logger.LogError("Quartz job {JobKey} carries no valid {Key}; nothing fired", context.JobDetail.Key, TimerIdKey);
            return;
        }

        try
        {
            await runtime.FireTimerAsync(timerId, cancellationToken);
        }
        catch (WorkflowNotFoundException)
        {
            // The timer's instance or row is gone (deleted definition, purged instance): nothing left to fire.
            logger.LogWarning("Timer {TimerId} no longer exists; its Quartz trigger was stale", timerId);
        }
    }
}
