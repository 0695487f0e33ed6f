using System.Data.Common;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Workflows.Engine.Definitions;
using Workflows.Engine.Outbox;
using Workflows.Engine.Persistence;
using Workflows.Engine.Runtime.Execution;
using Workflows.Engine.Tasks;
using Workflows.Engine.Timers;

namespace Workflows.Engine.Runtime;

/// <summary>
/// Runs each command as execution steps: one transaction per step, re-run from scratch when it
/// loses an optimistic-concurrency race; timers and outbox messages are handed to their
/// executors only after the commit.
/// </summary>
internal sealed partial class WorkflowRuntime(
    IDbContextFactory<WorkflowDbContext> dbFactory,
    IServiceProvider services,
    ProcessExecutor executor,
    DefinitionCache definitions,
    DefinitionValidator validator,
    TimerCalculator timerCalculator,
    TaskDeadlines deadlines,
    Scheduling.RecurringJobs recurringJobs,
    Activities.UserTaskGuardRegistry guards,
    ITimerScheduler timerScheduler,
    IBackgroundDispatcher dispatcher,
    TimeProvider clock,
    IOptions<WorkflowEngineOptions> options,
    ILogger<WorkflowRuntime> logger) : IWorkflowRuntime
{
    private async Task<T> StepAsync<T>(WorkflowActor actor, Func<StepSession, Task<T>> body, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            StepSession session;
            T result;
            await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                session = new StepSession(db, clock.GetUtcNow(), actor, services);
                try
                {
                    result = await body(session);
                    foreach (var exec in session.Instances.Values)
                    {
                        exec.Flush();
                    }
                    await db.SaveChangesAsync(cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                }
                catch (DbUpdateException ex) when (attempt < options.Value.StepRetries && IsRace(ex))
                {
                    logger.LogDebug(ex, "Step lost a race (attempt {Attempt}); running it again", attempt);
                    // A real-time pause, not a workflow timer: it only spreads out competing retries.
                    await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20) * attempt), cancellationToken);
                    continue;
                }
            }
            await AfterCommitAsync(session, cancellationToken);
            return result;
        }
    }

    private Task StepAsync(WorkflowActor actor, Func<StepSession, Task> body, CancellationToken cancellationToken) =>
        StepAsync(actor, async session =>
        {
            await body(session);
            return true;
        }, cancellationToken);

    /// <summary>
    /// The row changed under us (revision check) or a unique key was taken meanwhile: another step
    /// won. SQLite's busy errors are races too.
    /// </summary>
    private static bool IsRace(DbUpdateException ex)
    {
        if (ex is DbUpdateConcurrencyException)
        {
            return true;
        }
        var inner = ex.InnerException as DbException;
        return inner is not null && (inner.SqlState is "23505" or "40001" or "40P01"
            || inner.Message.Contains("UNIQUE constraint failed", StringComparison.Ordinal)
            || inner.Message.Contains("database is locked", StringComparison.Ordinal));
    }

    private async Task AfterCommitAsync(StepSession session, CancellationToken cancellationToken)
    {
        // Failures here lose nothing: the rows are committed and reconciliation re-creates triggers and jobs.
        try
        {
            if (session.TimersToUnschedule.Count > 0)
            {
                await timerScheduler.UnscheduleAsync(session.TimersToUnschedule, cancellationToken);
            }
            if (session.TimersToSchedule.Count > 0)
            {
                await timerScheduler.ScheduleAsync(session.TimersToSchedule, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Scheduling timers after commit failed; reconciliation will retry");
        }
        try
        {
            if (session.OutboxMessages.Count > 0)
            {
                dispatcher.Dispatch(session.OutboxMessages);
            }
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Dispatching outbox messages after commit failed; the sweep will retry");
        }
    }

    /// <summary>
    /// Runs a command nobody waits for (a timer, a resumed parent). If execution cannot continue
    /// at an element, the step rolls back and the instance is marked Faulted with the command to retry.
    /// </summary>
    private async Task RunUnattendedAsync(Guid? instanceId, JsonObject command, Func<StepSession, Task> body, CancellationToken cancellationToken)
    {
        try
        {
            await StepAsync(WorkflowActor.System, body, cancellationToken);
        }
        catch (WorkflowExecutionException ex) when (instanceId is not null)
        {
            logger.LogWarning(ex, "Instance {Instance} faulted at {Activity}", instanceId, ex.ActivityId);
            await StepAsync(WorkflowActor.System, async session =>
            {
                var exec = await executor.LoadAsync(session, instanceId.Value, cancellationToken);
                if (exec is null || exec.Instance.Status != Instances.InstanceStatus.Running)
                {
                    return;
                }
                exec.Instance.Status = Instances.InstanceStatus.Faulted;
                exec.Instance.FaultMessage = ex.Reason;
                exec.Instance.FaultActivityId = ex.ActivityId;
                exec.Instance.FaultCommand = EngineJson.Write(command);
                exec.Record(JournalKinds.InstanceFaulted, ex.ActivityId, new JsonObject { ["error"] = ex.Reason });
            }, cancellationToken);
        }
    }
}
