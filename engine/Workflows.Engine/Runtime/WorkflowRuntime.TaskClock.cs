using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Workflows.Engine.Runtime.Execution;
using Workflows.Engine.Tasks;

namespace Workflows.Engine.Runtime;

/// <summary>Stopping and restarting a task's statutory clock (期限中止/恢复).</summary>
internal sealed partial class WorkflowRuntime
{
    private const int MaxReasonLength = 2000;

    public Task PauseTaskClockAsync(Guid taskId, string reason, WorkflowActor actor, CancellationToken cancellationToken = default)
    {
        Require(!string.IsNullOrWhiteSpace(reason), "reason", "Say why the clock stops (e.g. 补充材料).");
        Require(reason.Length <= MaxReasonLength, "reason", $"The reason is longer than {MaxReasonLength} characters.");
        return StepAsync(actor, async session =>
        {
            var (exec, task) = await LoadClockTaskAsync(session, taskId, actor, cancellationToken);
            if (task.ClockPausedAt is not null)
            {
                throw new WorkflowConflictException($"The clock of task {taskId} is already stopped.");
            }
            task.ClockPausedAt = session.Now;
            session.Db.TaskClockStops.Add(new TaskClockStop
            {
                Id = Guid.CreateVersion7(),
                TaskId = task.Id,
                InstanceId = task.InstanceId,
                PausedAt = session.Now,
                PausedBy = actor.UserName,
                Reason = reason.Trim(),
            });
            ProcessExecutor.DisarmLadder(exec, task);
            exec.Record(JournalKinds.ClockPaused, task.ActivityId, new JsonObject { ["taskId"] = task.Id.ToString(), ["reason"] = reason.Trim() });
        }, cancellationToken);
    }

    public Task ResumeTaskClockAsync(Guid taskId, WorkflowActor actor, CancellationToken cancellationToken = default) =>
        StepAsync(actor, async session =>
        {
            var (exec, task) = await LoadClockTaskAsync(session, taskId, actor, cancellationToken);
            var stops = await session.Db.TaskClockStops.Where(s => s.TaskId == taskId).OrderBy(s => s.PausedAt).ToListAsync(cancellationToken);
            var open = stops.LastOrDefault(s => s.ResumedAt is null);
            if (task.ClockPausedAt is null || open is null)
            {
                throw new WorkflowConflictException($"The clock of task {taskId} is running.");
            }
            open.ResumedAt = session.Now;
            open.ResumedBy = actor.UserName;
            task.ClockPausedAt = null;
            var previousDue = task.DueAt;
            if (task.DueRule is { } rule)
            {
                task.DueAt = deadlines.Due(rule, task.CreatedAt, stops, session.Now).At;
            }
            executor.RearmLadder(exec, task);
            exec.Record(JournalKinds.ClockResumed, task.ActivityId, new JsonObject
            {
                ["taskId"] = task.Id.ToString(),
                ["pausedSince"] = open.PausedAt.ToString("O", CultureInfo.InvariantCulture),
                ["previousDueAt"] = previousDue?.ToString("O", CultureInfo.InvariantCulture),
                ["dueAt"] = task.DueAt?.ToString("O", CultureInfo.InvariantCulture),
            });
        }, cancellationToken);

    private async Task<(InstanceExecution Exec, HumanTask Task)> LoadClockTaskAsync(StepSession session, Guid taskId, WorkflowActor actor, CancellationToken cancellationToken)
    {
        var (exec, task) = await LoadOpenTaskAsync(session, taskId, cancellationToken);
        if (task.Kind != HumanTaskKind.Step)
        {
            throw new WorkflowConflictException($"Task {taskId} is not a step of the process.");
        }
        if (!TaskAccess.CanAct(task, actor) && !actor.IsInRole("admin") && !actor.IsInRole("supervisor"))
        {
            throw new WorkflowForbiddenException("Only whoever handles the task, a supervisor or an admin may stop or restart its clock.");
        }
        return (exec, task);
    }
}
