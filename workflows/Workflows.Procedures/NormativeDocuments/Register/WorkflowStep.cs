using System.Text.Json.Nodes;
using Workflows.Engine.Runtime;
using Workflows.Engine.Tasks;

namespace Workflows.Procedures.NormativeDocuments.Register;

/// <summary>
/// The register's commands each close one step of the document's workflow: they first make sure
/// the step is open and the actor may act on it — before anything is written — and afterwards
/// complete the task with what they recorded, so the step's guard sees it in the register.
/// </summary>
public sealed class WorkflowStep(IWorkflowQueries queries, IWorkflowRuntime runtime)
{
    /// <summary>Reads every task of the instance, whoever asks; access is decided here, per step.</summary>
    private static readonly WorkflowActor Reader = new("system", new HashSet<string> { "admin" });

    /// <exception cref="WorkflowConflictException">The document is not at that step.</exception>
    /// <exception cref="WorkflowForbiddenException">The step is not the actor's to take.</exception>
    public async Task<TaskView> RequireOpenAsync(Guid instanceId, string activityId, string stepName, WorkflowActor actor, CancellationToken cancellationToken)
    {
        var tasks = await queries.ListTasksAsync(new TaskFilter(instanceId), Reader, cancellationToken);
        var task = tasks.FirstOrDefault(t => t.ActivityId == activityId && t.Kind == HumanTaskKind.Step && t.Status == UserTaskStatus.Open)
            ?? throw new WorkflowConflictException($"该文件当前不在「{stepName}」环节 (activity '{activityId}' is not open).");
        if (!TaskAccess.CanAct(task.Assignee, task.CandidateGroups, [], actor))
        {
            throw new WorkflowForbiddenException($"「{stepName}」环节由 {string.Join("、", task.CandidateGroups)} 办理。");
        }
        return task;
    }

    /// <summary>Whether the step is open now (for commands that may be repeated once the step has closed).</summary>
    public async Task<TaskView?> FindOpenAsync(Guid instanceId, string activityId, CancellationToken cancellationToken)
    {
        var tasks = await queries.ListTasksAsync(new TaskFilter(instanceId), Reader, cancellationToken);
        return tasks.FirstOrDefault(t => t.ActivityId == activityId && t.Kind == HumanTaskKind.Step && t.Status == UserTaskStatus.Open);
    }

    public Task CompleteAsync(TaskView task, JsonObject variables, string? comment, WorkflowActor actor, CancellationToken cancellationToken) =>
        runtime.CompleteTaskAsync(task.Id, new TaskCompletion(Variables: variables, Comment: comment), actor, cancellationToken);
}
