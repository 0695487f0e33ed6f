using Microsoft.EntityFrameworkCore;
using Workflows.Engine;
using Workflows.Engine.Persistence;
using Workflows.Engine.Runtime;
using Workflows.Engine.Tasks;
using Workflows.Host.Accounts;

namespace Workflows.Host.Infrastructure;

/// <summary>
/// Who may see a workflow instance, and with it its variables, journal and case documents. The
/// one place the rule lives; every instance, history and document endpoint asks here, and answers
/// 404 for an instance the caller may not see, so ids cannot be probed.
/// </summary>
/// <remarks>
/// The rule: admins, supervisors (督办), the legal affairs office (<c>legal</c>) and leaders see every
/// instance — overseeing all procedures is their job. Everyone else sees the instances they started
/// and those in which they hold or held a task: they are its assignee, a candidate user, hold one of
/// its candidate groups (<see cref="TaskAccess"/>), or completed it.
/// <para>
/// Tasks keep the contract's own rule (<see cref="IWorkflowQueries.ListTasksAsync"/>): an admin sees
/// every task, others the tasks they may act on and those of instances they started.
/// </para>
/// </remarks>
public sealed class InstanceAccess(WorkflowDbContext db, IWorkflowQueries queries)
{
    /// <summary>Roles that oversee every procedure.</summary>
    public static readonly IReadOnlySet<string> OverseeingRoles = new HashSet<string>(StringComparer.Ordinal)
    {
        Roles.Admin, Roles.Supervisor, Roles.Legal, Roles.Leader,
    };

    public static bool SeesEveryInstance(WorkflowActor actor) => actor.Roles.Overlaps(OverseeingRoles);

    /// <summary>The instance, or null when it does not exist or the actor may not see it (both answer 404).</summary>
    public async Task<InstanceView?> FindInstanceAsync(Guid instanceId, WorkflowActor actor, CancellationToken cancellationToken)
    {
        var view = await queries.GetInstanceAsync(instanceId, cancellationToken);
        return view is not null && await MaySeeAsync(view.Id, view.StartedBy, actor, cancellationToken) ? view : null;
    }

    public async Task<bool> MaySeeInstanceAsync(Guid instanceId, WorkflowActor actor, CancellationToken cancellationToken) =>
        await FindInstanceAsync(instanceId, actor, cancellationToken) is not null;

    /// <summary>
    /// A case document follows its instance. One that belongs to no instance (a domain record's) is
    /// seen by whoever uploaded it and by the overseeing roles.
    /// </summary>
    public async Task<bool> MaySeeDocumentAsync(Guid? instanceId, string uploadedBy, WorkflowActor actor, CancellationToken cancellationToken) =>
        instanceId is { } id
            ? await MaySeeInstanceAsync(id, actor, cancellationToken)
            : SeesEveryInstance(actor) || string.Equals(uploadedBy, actor.UserName, StringComparison.OrdinalIgnoreCase);

    /// <summary>The instances of <paramref name="filter"/> the actor may see, newest first, paged after the rule is applied.</summary>
    public async Task<IReadOnlyList<InstanceView>> ListInstancesAsync(InstanceFilter filter, WorkflowActor actor, CancellationToken cancellationToken)
    {
        if (SeesEveryInstance(actor))
        {
            return await queries.ListInstancesAsync(filter, cancellationToken);
        }
        var user = actor.UserName;
        var involved = await InvolvedInstanceIdsAsync(actor, cancellationToken);
        var query = db.Instances.AsNoTracking().Where(i => i.StartedBy == user || involved.Contains(i.Id));
        if (filter.DefinitionKey is { } key)
        {
            query = query.Where(i => i.DefinitionKey == key);
        }
        if (filter.Status is { } status)
        {
            query = query.Where(i => i.Status == status);
        }
        if (filter.BusinessKey is { } businessKey)
        {
            query = query.Where(i => i.BusinessKey == businessKey);
        }
        if (filter.StartedFrom is { } from)
        {
            query = query.Where(i => i.StartedAt >= from);
        }
        if (filter.StartedBefore is { } before)
        {
            query = query.Where(i => i.StartedAt < before);
        }
        var instances = await query
            .OrderByDescending(i => i.StartedAt)
            .Skip(Math.Max(0, filter.Skip))
            .Take(Math.Clamp(filter.Take, 1, 500))
            .ToListAsync(cancellationToken);
        var ids = instances.Select(i => i.Id).ToList();
        var tokens = await db.Tokens.AsNoTracking()
            .Where(t => ids.Contains(t.InstanceId))
            .Select(t => new { t.InstanceId, t.ActivityId })
            .ToListAsync(cancellationToken);
        return [.. instances.Select(i => new InstanceView(
            i.Id, i.DefinitionKey, i.DefinitionVersion, i.BusinessKey, i.Status, EngineJson.ParseObject(i.Variables),
            [.. tokens.Where(t => t.InstanceId == i.Id).Select(t => t.ActivityId).Distinct()],
            i.StartedBy, i.StartedAt, i.EndedAt, i.ParentInstanceId, i.FaultMessage, i.FaultActivityId))];
    }

    /// <summary>The task, or null when it does not exist or the task list would not show it to the actor.</summary>
    public async Task<TaskView?> FindTaskAsync(Guid taskId, WorkflowActor actor, CancellationToken cancellationToken)
    {
        if (await queries.GetTaskAsync(taskId, cancellationToken) is not { } task)
        {
            return null;
        }
        // The list's own query decides, so a task is visible here exactly when the list would show it.
        var visible = await queries.ListTasksAsync(new TaskFilter(task.InstanceId, Mine: false, task.Status), actor, cancellationToken);
        return visible.Any(t => t.Id == taskId) ? task : null;
    }

    private async Task<bool> MaySeeAsync(Guid instanceId, string? startedBy, WorkflowActor actor, CancellationToken cancellationToken)
    {
        if (SeesEveryInstance(actor) || string.Equals(startedBy, actor.UserName, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        var tasks = await db.Tasks.AsNoTracking().Where(t => t.InstanceId == instanceId).ToListAsync(cancellationToken);
        return tasks.Any(t => HoldsOrHeld(t.Assignee, t.CandidateGroupList, t.CandidateUserList, t.CompletedBy, actor));
    }

    private async Task<HashSet<Guid>> InvolvedInstanceIdsAsync(WorkflowActor actor, CancellationToken cancellationToken)
    {
        var user = actor.UserName;
        // Narrowed in SQL to tasks that could be the actor's; candidate groups are matched in memory,
        // as the task list does.
        var rows = await db.Tasks.AsNoTracking()
            .Where(t => t.Assignee == user || t.CompletedBy == user || (t.Assignee == null && (t.CandidateGroups != null || t.CandidateUsers != null)))
            .Select(t => new { t.InstanceId, t.Assignee, t.CandidateGroups, t.CandidateUsers, t.CompletedBy })
            .ToListAsync(cancellationToken);
        return [.. rows
            .Where(t => HoldsOrHeld(t.Assignee, Split(t.CandidateGroups), Split(t.CandidateUsers), t.CompletedBy, actor))
            .Select(t => t.InstanceId)];
    }

    private static bool HoldsOrHeld(string? assignee, IReadOnlyList<string> groups, IReadOnlyList<string> users, string? completedBy, WorkflowActor actor) =>
        string.Equals(completedBy, actor.UserName, StringComparison.OrdinalIgnoreCase) || TaskAccess.CanAct(assignee, groups, users, actor);

    private static string[] Split(string? list) =>
        string.IsNullOrWhiteSpace(list) ? [] : list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
