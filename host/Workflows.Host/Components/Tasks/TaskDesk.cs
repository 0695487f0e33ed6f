using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Workflows.Engine.Bpmn.Model;
using Workflows.Engine.Definitions;
using Workflows.Engine.Persistence;
using Workflows.Engine.Runtime;
using Workflows.Engine.Tasks;
using Workflows.Host.Accounts;
using Workflows.Host.Components.Shared;
using Workflows.Host.Infrastructure;
using Workflows.Host.Resources;

namespace Workflows.Host.Components.Tasks;

/// <summary>Everything the task page shows about one task, read once when the page opens.</summary>
public sealed record TaskDetail(
    TaskView Task,
    InstanceView? Instance,
    string ProcedureName,
    string? CaseTitle,
    string? StepName,
    IReadOnlyList<FormField> Fields,
    IReadOnlyList<string> Outcomes,
    IReadOnlyList<string> Guards,
    IReadOnlyList<string> CandidateUsers,
    string? Comment,
    IReadOnlyList<TaskClockStop> ClockStops,
    ParticipantNames Names,
    bool CanAct,
    bool CanClaim,
    bool CanRelease,
    bool CanStopClock)
{
    public bool IsOpen => Task.Status == UserTaskStatus.Open;
}

/// <summary>The task page's reads; its commands go straight to the engine's runtime.</summary>
public sealed class TaskDesk(ScopedReads reads, DefinitionCache definitions, IStringLocalizer<UiText> text)
{
    /// <summary>Null when the task does not exist or the actor may not see it: the page says "not found" for both.</summary>
    public Task<TaskDetail?> FindAsync(Guid taskId, WorkflowActor actor, CancellationToken cancellationToken) =>
        reads.RunAsync(async services =>
        {
            var access = services.GetRequiredService<InstanceAccess>();
            if (await access.FindTaskAsync(taskId, actor, cancellationToken) is not { } task)
            {
                return null;
            }
            var queries = services.GetRequiredService<IWorkflowQueries>();
            var db = services.GetRequiredService<WorkflowDbContext>();
            var row = await db.Tasks.AsNoTracking().SingleAsync(t => t.Id == taskId, cancellationToken);
            var instance = await queries.GetInstanceAsync(task.InstanceId, cancellationToken);
            var node = instance is null ? null : await NodeAsync(queries, instance, task.ActivityId, cancellationToken);
            var userTask = node as UserTask;
            var stops = await db.TaskClockStops.AsNoTracking().Where(s => s.TaskId == taskId).ToListAsync(cancellationToken);
            var names = await ParticipantNames.LoadAsync(services.GetRequiredService<AccountsDbContext>(), text, cancellationToken);
            var procedures = await CaseLabels.ProcedureNamesAsync(queries, cancellationToken);

            var open = task.Status == UserTaskStatus.Open;
            var canAct = open && TaskAccess.CanAct(row, actor);
            return new TaskDetail(
                task,
                instance,
                procedures.GetValueOrDefault(task.DefinitionKey) ?? task.DefinitionKey,
                instance is null ? null : CaseLabels.Title(instance.Variables),
                node?.Name,
                // Only a step carries the form; an escalation (督办) is closed with an opinion.
                userTask is not null && task.Kind == HumanTaskKind.Step ? TaskForm.Read(userTask) : [],
                userTask?.Extension("outcomes") is { } outcomes
                    ? outcomes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    : [],
                userTask is not null && task.Kind == HumanTaskKind.Step && userTask.Extension("guard") is { } guards
                    ? guards.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    : [],
                row.CandidateUserList,
                row.Comment,
                [.. stops.OrderBy(s => s.PausedAt)],
                names,
                canAct,
                CanClaim: open && row.Assignee is null && canAct,
                CanRelease: open && row.ClaimedBy is not null && string.Equals(row.ClaimedBy, actor.UserName, StringComparison.OrdinalIgnoreCase),
                CanStopClock: open && task.Kind == HumanTaskKind.Step && task.DueAt is not null
                    && (canAct || actor.IsInRole(Roles.Supervisor) || actor.IsInRole(Roles.Admin)));
        });

    private async Task<FlowNode?> NodeAsync(IWorkflowQueries queries, InstanceView instance, string activityId, CancellationToken cancellationToken)
    {
        var definition = await queries.FindDefinitionAsync(instance.DefinitionKey, instance.Version, cancellationToken);
        return definition is not null && definitions.Model(definition).NodesById.TryGetValue(activityId, out var node) ? node : null;
    }
}
