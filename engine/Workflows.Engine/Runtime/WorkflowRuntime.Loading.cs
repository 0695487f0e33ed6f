using Microsoft.EntityFrameworkCore;
using Workflows.Engine.Instances;
using Workflows.Engine.Runtime.Execution;
using Workflows.Engine.Tasks;

namespace Workflows.Engine.Runtime;

/// <summary>
/// Reading for a step in the one safe order: the instance row first, then everything else.
/// Under READ COMMITTED (PostgreSQL) rows read before the instance row could predate a step that
/// committed in between, yet the instance revision would be the new one and the stale step would
/// commit; anything committed after the instance row was read changes its revision instead, so
/// the step loses the race and runs again.
/// </summary>
internal sealed partial class WorkflowRuntime
{
    private async Task<InstanceExecution> LoadRunningAsync(StepSession session, Guid instanceId, CancellationToken cancellationToken)
    {
        var exec = await executor.LoadAsync(session, instanceId, cancellationToken)
            ?? throw new WorkflowNotFoundException($"Instance {instanceId} does not exist.");
        if (exec.Instance.Status != InstanceStatus.Running)
        {
            throw new WorkflowConflictException($"Instance {instanceId} is {exec.Instance.Status}.");
        }
        return exec;
    }

    /// <summary>An open task with its instance, both read in the safe order.</summary>
    private async Task<(InstanceExecution Exec, HumanTask Task)> LoadOpenTaskAsync(StepSession session, Guid taskId, CancellationToken cancellationToken)
    {
        var instanceId = await Persistence.StepQueries.For(session.Db).InstanceOfTask(session.Db, taskId, cancellationToken)
            ?? throw new WorkflowNotFoundException($"Task {taskId} does not exist.");
        var exec = await executor.LoadAsync(session, instanceId, cancellationToken)
            ?? throw new WorkflowNotFoundException($"Task {taskId} does not exist.");
        if (exec.OpenTasks.Find(t => t.Id == taskId) is { } task)
        {
            if (exec.Instance.Status != InstanceStatus.Running)
            {
                throw new WorkflowConflictException($"Instance {instanceId} is {exec.Instance.Status}.");
            }
            return (exec, task);
        }
        var status = await session.Db.Tasks.AsNoTracking().Where(t => t.Id == taskId).Select(t => t.Status).SingleAsync(cancellationToken);
        throw new WorkflowConflictException($"Task {taskId} is no longer open (it is {status}).");
    }
}
