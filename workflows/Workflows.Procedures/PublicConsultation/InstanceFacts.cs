using Microsoft.Extensions.DependencyInjection;
using Workflows.Engine.Bpmn.Model;
using Workflows.Engine.Definitions;
using Workflows.Engine.Instances;
using Workflows.Engine.Runtime;
using Workflows.Engine.Runtime.Execution;
using Workflows.Engine.Tasks;

namespace Workflows.Procedures.PublicConsultation;

/// <summary>
/// What the participation modules need to know of a workflow instance: who may manage its records,
/// and whether the step that answers a record (the task carrying a given guard) has completed.
/// Guards cannot write (they run inside the engine's step), so "completing the step closes the
/// consultation" is read from the engine's own state instead of being copied at completion.
/// </summary>
public sealed class InstanceFacts(IServiceScopeFactory scopes, DefinitionCache definitions)
{
    private static readonly WorkflowActor Reader = new("system", new HashSet<string> { "admin" });

    public async Task<InstanceView?> GetInstanceAsync(Guid instanceId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IWorkflowQueries>().GetInstanceAsync(instanceId, cancellationToken);
    }

    public async Task<TaskView?> GetTaskAsync(Guid taskId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IWorkflowQueries>().GetTaskAsync(taskId, cancellationToken);
    }

    /// <summary>The owners of a case record: an admin, the person who started the instance, anyone who holds one of its open tasks.</summary>
    public async Task<bool> MayManageAsync(Guid instanceId, WorkflowActor actor, CancellationToken cancellationToken)
    {
        if (actor.IsInRole("admin"))
        {
            return true;
        }
        await using var scope = scopes.CreateAsyncScope();
        var queries = scope.ServiceProvider.GetRequiredService<IWorkflowQueries>();
        if (await queries.GetInstanceAsync(instanceId, cancellationToken) is not { } instance)
        {
            return false;
        }
        if (string.Equals(instance.StartedBy, actor.UserName, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        return (await queries.ListTasksAsync(new TaskFilter(instanceId, Mine: true), actor, cancellationToken)).Count > 0;
    }

    /// <summary>The open tasks of the instance that <paramref name="actor"/> may act on and whose element carries <paramref name="guardKey"/>.</summary>
    public async Task<IReadOnlyList<TaskView>> OpenGuardedTasksAsync(Guid instanceId, string guardKey, WorkflowActor actor, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var queries = scope.ServiceProvider.GetRequiredService<IWorkflowQueries>();
        if (await queries.GetInstanceAsync(instanceId, cancellationToken) is not { } instance
            || await queries.FindDefinitionAsync(instance.DefinitionKey, instance.Version, cancellationToken) is not { } definition)
        {
            return [];
        }
        var model = definitions.Model(definition);
        var tasks = await queries.ListTasksAsync(new TaskFilter(instanceId, Mine: true), actor, cancellationToken);
        return [.. tasks.Where(t => t.Kind == HumanTaskKind.Step && CarriesGuard(model, t.ActivityId, guardKey))];
    }

    /// <summary>
    /// When the record answered by <paramref name="guardKey"/> became final: the first completion,
    /// at or after <paramref name="since"/>, of a task whose element carries that guard; or the end
    /// of the instance. Null while neither has happened.
    /// </summary>
    public async Task<StepCompletion?> FinalizedAsync(Guid instanceId, string guardKey, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var queries = scope.ServiceProvider.GetRequiredService<IWorkflowQueries>();
        if (await queries.GetInstanceAsync(instanceId, cancellationToken) is not { } instance)
        {
            return null;
        }
        var definition = await queries.FindDefinitionAsync(instance.DefinitionKey, instance.Version, cancellationToken);
        if (definition is not null)
        {
            var model = definitions.Model(definition);
            var completed = await queries.ListTasksAsync(new TaskFilter(instanceId, Status: UserTaskStatus.Completed), Reader, cancellationToken);
            var step = completed
                .Where(t => t.CompletedAt >= since && t.Kind == HumanTaskKind.Step && CarriesGuard(model, t.ActivityId, guardKey))
                .MinBy(t => t.CompletedAt);
            if (step is not null)
            {
                var history = await queries.GetHistoryAsync(instanceId, cancellationToken);
                var shortened = history.LastOrDefault(h => h.Kind == JournalKinds.MinimumPeriodShortened && (string?)h.Data?["taskId"] == step.Id.ToString());
                return new StepCompletion(step.CompletedAt!.Value, step.Id, step.CompletedBy, (string?)shortened?.Data?["reason"]);
            }
        }
        if (instance.Status is InstanceStatus.Completed or InstanceStatus.Cancelled && instance.EndedAt is { } ended)
        {
            return new StepCompletion(ended, null, null, null);
        }
        return null;
    }

    public static bool CarriesGuard(ProcessModel model, string activityId, string guardKey) =>
        model.NodesById.TryGetValue(activityId, out var node)
        && node is UserTask task
        && (task.Extension("guard") ?? "").Split(',', StringSplitOptions.TrimEntries).Contains(guardKey, StringComparer.OrdinalIgnoreCase);
}

/// <param name="TaskId">Null when the instance ended without the step.</param>
/// <param name="ShortenReason">Why the step closed before its minimum period ran out, as the journal recorded it.</param>
public sealed record StepCompletion(DateTimeOffset At, Guid? TaskId, string? By, string? ShortenReason);
