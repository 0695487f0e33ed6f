using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Workflows.Engine.Definitions;
using Workflows.Engine.Instances;
using Workflows.Engine.Journal;
using Workflows.Engine.Persistence;
using Workflows.Engine.Tasks;

namespace Workflows.Engine.Runtime;

internal sealed class WorkflowQueries(WorkflowDbContext db) : IWorkflowQueries
{
    private const int MaxTasks = 1000;

    public async Task<IReadOnlyList<DefinitionView>> ListDefinitionsAsync(string? key = null, CancellationToken cancellationToken = default)
    {
        var query = db.Definitions.AsNoTracking();
        if (key is not null)
        {
            query = query.Where(d => d.Key == key);
        }
        return await query
            .OrderBy(d => d.Key).ThenByDescending(d => d.Version)
            .Select(d => new DefinitionView(d.Key, d.Version, d.Name, d.Status, d.CreatedAt, d.CreatedBy, d.PublishedAt))
            .ToListAsync(cancellationToken);
    }

    public Task<WorkflowDefinition?> FindDefinitionAsync(string key, int? version = null, CancellationToken cancellationToken = default)
    {
        var query = db.Definitions.AsNoTracking().Where(d => d.Key == key);
        query = version is { } v ? query.Where(d => d.Version == v) : query.OrderByDescending(d => d.Version);
        return query.FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<InstanceView?> GetInstanceAsync(Guid instanceId, CancellationToken cancellationToken = default)
    {
        var instance = await db.Instances.AsNoTracking().SingleOrDefaultAsync(i => i.Id == instanceId, cancellationToken);
        if (instance is null)
        {
            return null;
        }
        var active = await db.Tokens.AsNoTracking()
            .Where(t => t.InstanceId == instanceId)
            .OrderBy(t => t.CreatedAt)
            .Select(t => t.ActivityId)
            .ToListAsync(cancellationToken);
        return ToView(instance, [.. active.Distinct()]);
    }

    public async Task<IReadOnlyList<InstanceView>> ListInstancesAsync(InstanceFilter filter, CancellationToken cancellationToken = default)
    {
        var query = db.Instances.AsNoTracking();
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
        return [.. instances.Select(i => ToView(i, [.. tokens.Where(t => t.InstanceId == i.Id).Select(t => t.ActivityId).Distinct()]))];
    }

    /// <summary>A task with the instance columns the inbox shows and filters on.</summary>
    private sealed record TaskRow(HumanTask Task, string DefinitionKey, string? BusinessKey, string? StartedBy);

    // The inbox and the task page run this on every visit: compiled once (no expression tree to
    // build and hash per call). A null instance id drops that condition from the SQL (EF Core
    // rewrites the comparison by the parameter's nullability). One set per model, as StepQueries.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Microsoft.EntityFrameworkCore.Metadata.IModel, TaskQueries> TaskQueriesByModel = new();

    private sealed class TaskQueries
    {
        public readonly Func<WorkflowDbContext, UserTaskStatus, Guid?, IAsyncEnumerable<TaskRow>> AllTasks =
            EF.CompileAsyncQuery((WorkflowDbContext db, UserTaskStatus status, Guid? instanceId) =>
                (from task in db.Tasks.AsNoTracking()
                 join instance in db.Instances.AsNoTracking() on task.InstanceId equals instance.Id
                 where task.Status == status && (instanceId == null || task.InstanceId == instanceId)
                 orderby task.DueAt == null, task.DueAt, task.CreatedAt
                 select new TaskRow(task, instance.DefinitionKey, instance.BusinessKey, instance.StartedBy))
                .Take(MaxTasks * 4));

        public readonly Func<WorkflowDbContext, UserTaskStatus, Guid?, string, IAsyncEnumerable<TaskRow>> NarrowedTasks =
            EF.CompileAsyncQuery((WorkflowDbContext db, UserTaskStatus status, Guid? instanceId, string user) =>
                (from task in db.Tasks.AsNoTracking()
                 join instance in db.Instances.AsNoTracking() on task.InstanceId equals instance.Id
                 where task.Status == status && (instanceId == null || task.InstanceId == instanceId)
                     && (task.Assignee == null || task.Assignee == user || instance.StartedBy == user)
                 orderby task.DueAt == null, task.DueAt, task.CreatedAt
                 select new TaskRow(task, instance.DefinitionKey, instance.BusinessKey, instance.StartedBy))
                .Take(MaxTasks * 4));
    }

    public async Task<IReadOnlyList<TaskView>> ListTasksAsync(TaskFilter filter, WorkflowActor actor, CancellationToken cancellationToken = default)
    {
        var status = filter.Status ?? UserTaskStatus.Open;
        var admin = actor.IsInRole("admin");
        // Narrow in SQL to what could be the actor's; candidate groups are matched below.
        var rows = new List<TaskRow>();
        var compiled = TaskQueriesByModel.GetValue(db.Model, static _ => new TaskQueries());
        var query = filter.Mine || !admin
            ? compiled.NarrowedTasks(db, status, filter.InstanceId, actor.UserName)
            : compiled.AllTasks(db, status, filter.InstanceId);
        await foreach (var row in query.WithCancellation(cancellationToken))
        {
            rows.Add(row);
        }
        return [.. rows
            .Where(row =>
            {
                var canAct = TaskAccess.CanAct(row.Task, actor);
                return filter.Mine ? canAct : admin || canAct || string.Equals(row.StartedBy, actor.UserName, StringComparison.OrdinalIgnoreCase);
            })
            .Take(MaxTasks)
            .Select(row => ToView(row.Task, row.DefinitionKey, row.BusinessKey))];
    }

    public async Task<TaskView?> GetTaskAsync(Guid taskId, CancellationToken cancellationToken = default)
    {
        var row = await (
            from task in db.Tasks.AsNoTracking()
            join instance in db.Instances.AsNoTracking() on task.InstanceId equals instance.Id
            where task.Id == taskId
            select new { Task = task, instance.DefinitionKey, instance.BusinessKey }).SingleOrDefaultAsync(cancellationToken);
        return row is null ? null : ToView(row.Task, row.DefinitionKey, row.BusinessKey);
    }

    public async Task<IReadOnlyList<HistoryEntryView>> GetHistoryAsync(Guid instanceId, CancellationToken cancellationToken = default)
    {
        var entries = await db.Journal.AsNoTracking()
            .Where(j => j.InstanceId == instanceId)
            .OrderBy(j => j.Sequence)
            .ToListAsync(cancellationToken);
        return [.. entries.Select(e => new HistoryEntryView(e.Sequence, e.At, e.ActivityId, e.Kind, e.Actor, JsonNode.Parse(e.Data), e.Hash, e.PreviousHash))];
    }

    public async Task<JournalVerification> VerifyJournalAsync(Guid instanceId, CancellationToken cancellationToken = default)
    {
        var instance = await db.Instances.AsNoTracking().SingleOrDefaultAsync(i => i.Id == instanceId, cancellationToken)
            ?? throw new WorkflowNotFoundException($"Instance {instanceId} does not exist.");
        var entries = await db.Journal.AsNoTracking()
            .Where(j => j.InstanceId == instanceId)
            .OrderBy(j => j.Sequence)
            .ToListAsync(cancellationToken);
        if (JournalChain.FindFirstBreak(entries) is { } broken)
        {
            return new JournalVerification(instanceId, false, entries.Count, broken.Sequence, broken.Reason);
        }
        // The instance row remembers the head of the chain, so cutting entries off the end shows too.
        if (instance.JournalSequence != entries.Count || (entries.Count > 0 && entries[^1].Hash != instance.JournalHash))
        {
            return new JournalVerification(instanceId, false, entries.Count, entries.Count + 1,
                $"The journal ends at entry {entries.Count} but the instance records {instance.JournalSequence} entries.");
        }
        return new JournalVerification(instanceId, true, entries.Count, null, null);
    }

    private static InstanceView ToView(WorkflowInstance i, IReadOnlyList<string> active) => new(
        i.Id, i.DefinitionKey, i.DefinitionVersion, i.BusinessKey, i.Status, EngineJson.ParseObject(i.Variables), active,
        i.StartedBy, i.StartedAt, i.EndedAt, i.ParentInstanceId, i.FaultMessage, i.FaultActivityId);

    private static TaskView ToView(HumanTask t, string definitionKey, string? businessKey) => new(
        t.Id, t.InstanceId, t.ActivityId, t.Name, t.Assignee, t.CandidateGroupList, t.DueAt, t.Status, t.CreatedAt,
        definitionKey, businessKey, t.Outcome, t.CompletedBy, t.CompletedAt, t.Kind, t.ParentTaskId, t.EarliestCompletion, t.ClockPausedAt is not null, t.ClaimedBy);
}
