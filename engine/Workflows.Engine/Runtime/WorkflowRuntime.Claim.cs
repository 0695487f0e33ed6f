using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Workflows.Engine.Runtime.Execution;
using Workflows.Engine.Tasks;

namespace Workflows.Engine.Runtime;

/// <summary>Claiming (签收) a task offered to a group, and releasing it.</summary>
internal sealed partial class WorkflowRuntime
{
    public Task ClaimTaskAsync(Guid taskId, WorkflowActor actor, bool release = false, CancellationToken cancellationToken = default) =>
        StepAsync(actor, async session =>
        {
            var (exec, task) = await LoadOpenTaskAsync(session, taskId, cancellationToken);
            var claimedBy = task.ClaimedBy;
            if (release)
            {
                if (claimedBy is null || !string.Equals(claimedBy, actor.UserName, StringComparison.OrdinalIgnoreCase))
                {
                    throw new WorkflowConflictException($"Task {taskId} is not claimed by you.");
                }
                task.Assignee = null;
                task.ClaimedBy = null;
            }
            else
            {
                if (task.Assignee is not null)
                {
                    throw new WorkflowConflictException(string.Equals(task.Assignee, actor.UserName, StringComparison.OrdinalIgnoreCase)
                        ? $"Task {taskId} is already yours."
                        : $"Task {taskId} is already taken by {task.Assignee}.");
                }
                if (!TaskAccess.CanAct(task, actor))
                {
                    throw new WorkflowForbiddenException($"Task {taskId} is not offered to you.");
                }
                task.Assignee = actor.UserName;
                task.ClaimedBy = actor.UserName;
            }
            exec.Record(release ? JournalKinds.TaskReleased : JournalKinds.TaskClaimed, task.ActivityId, new JsonObject { ["taskId"] = task.Id.ToString() });
        }, cancellationToken);
}
