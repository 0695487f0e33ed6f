using Microsoft.EntityFrameworkCore;
using Workflows.Engine.Definitions;
using Workflows.Engine.Instances;
using Workflows.Engine.Messages;
using Workflows.Engine.Tasks;
using Workflows.Engine.Timers;

namespace Workflows.Engine.Persistence;

/// <summary>
/// The queries every step runs, compiled once (EF.CompileAsyncQuery). A LINQ query otherwise builds
/// its expression tree, extracts its parameters and hashes the tree to find its cached plan on every
/// call; a step runs six to eight of them, and the profile put that work at a tenth of a step's CPU.
/// The SQL and the tracking behaviour are the same as the inline queries they replace.
/// A compiled query binds to the first model it runs against, and the model differs by provider
/// (SQLite and PostgreSQL hosts can share one process, as the tests do), so there is one set per model.
/// </summary>
internal sealed class StepQueries
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Microsoft.EntityFrameworkCore.Metadata.IModel, StepQueries> ByModel = new();

    public static StepQueries For(WorkflowDbContext db) => ByModel.GetValue(db.Model, static _ => new StepQueries());

    /// <summary>The instance row, tracked: the step updates it and its revision guards the commit.</summary>
    public readonly Func<WorkflowDbContext, Guid, CancellationToken, Task<WorkflowInstance?>> Instance =
        EF.CompileAsyncQuery((WorkflowDbContext db, Guid id, CancellationToken _) => db.Instances.SingleOrDefault(i => i.Id == id));

    private readonly Func<WorkflowDbContext, Guid, IAsyncEnumerable<Token>> TokensQuery =
        EF.CompileAsyncQuery((WorkflowDbContext db, Guid id) => db.Tokens.Where(t => t.InstanceId == id));

    private readonly Func<WorkflowDbContext, Guid, IAsyncEnumerable<HumanTask>> OpenTasksQuery =
        EF.CompileAsyncQuery((WorkflowDbContext db, Guid id) => db.Tasks.Where(t => t.InstanceId == id && t.Status == UserTaskStatus.Open));

    private readonly Func<WorkflowDbContext, Guid, IAsyncEnumerable<WorkflowTimer>> PendingTimersQuery =
        EF.CompileAsyncQuery((WorkflowDbContext db, Guid id) => db.Timers.Where(t => t.InstanceId == id && t.Status == TimerStatus.Pending));

    private readonly Func<WorkflowDbContext, Guid, IAsyncEnumerable<MessageSubscription>> SubscriptionsQuery =
        EF.CompileAsyncQuery((WorkflowDbContext db, Guid id) => db.MessageSubscriptions.Where(s => s.InstanceId == id));

    /// <summary>The instance a task belongs to, read without tracking (the instance row is read next, in the safe order).</summary>
    public readonly Func<WorkflowDbContext, Guid, CancellationToken, Task<Guid?>> InstanceOfTask =
        EF.CompileAsyncQuery((WorkflowDbContext db, Guid taskId, CancellationToken _) =>
            db.Tasks.AsNoTracking().Where(t => t.Id == taskId).Select(t => (Guid?)t.InstanceId).SingleOrDefault());

    /// <summary>The newest published version of a key, untracked.</summary>
    public readonly Func<WorkflowDbContext, string, CancellationToken, Task<WorkflowDefinition?>> LatestPublished =
        EF.CompileAsyncQuery((WorkflowDbContext db, string key, CancellationToken _) =>
            db.Definitions.AsNoTracking()
                .Where(d => d.Key == key && d.Status == DefinitionStatus.Published)
                .OrderByDescending(d => d.Version)
                .FirstOrDefault());

    public Task<List<Token>> TokensAsync(WorkflowDbContext db, Guid instanceId, CancellationToken cancellationToken) =>
        ToListAsync(TokensQuery(db, instanceId), cancellationToken);

    public Task<List<HumanTask>> OpenTasksAsync(WorkflowDbContext db, Guid instanceId, CancellationToken cancellationToken) =>
        ToListAsync(OpenTasksQuery(db, instanceId), cancellationToken);

    public Task<List<WorkflowTimer>> PendingTimersAsync(WorkflowDbContext db, Guid instanceId, CancellationToken cancellationToken) =>
        ToListAsync(PendingTimersQuery(db, instanceId), cancellationToken);

    public Task<List<MessageSubscription>> SubscriptionsAsync(WorkflowDbContext db, Guid instanceId, CancellationToken cancellationToken) =>
        ToListAsync(SubscriptionsQuery(db, instanceId), cancellationToken);

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> rows, CancellationToken cancellationToken)
    {
        var list = new List<T>();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            list.Add(row);
        }
        return list;
    }
}
