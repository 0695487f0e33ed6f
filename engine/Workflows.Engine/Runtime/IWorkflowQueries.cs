using System.Text.Json.Nodes;
using Workflows.Engine.Definitions;
using Workflows.Engine.Instances;
using Workflows.Engine.Tasks;

namespace Workflows.Engine.Runtime;

/// <summary>Read side of the engine: what the API and the UI show.</summary>
public interface IWorkflowQueries
{
    Task<IReadOnlyList<DefinitionView>> ListDefinitionsAsync(string? key = null, CancellationToken cancellationToken = default);

    Task<WorkflowDefinition?> FindDefinitionAsync(string key, int? version = null, CancellationToken cancellationToken = default);

    Task<InstanceView?> GetInstanceAsync(Guid instanceId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<InstanceView>> ListInstancesAsync(InstanceFilter filter, CancellationToken cancellationToken = default);

    /// <summary>An admin sees every task; others the tasks they may act on and those of instances they started.</summary>
    Task<IReadOnlyList<TaskView>> ListTasksAsync(TaskFilter filter, WorkflowActor actor, CancellationToken cancellationToken = default);

    Task<TaskView?> GetTaskAsync(Guid taskId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<HistoryEntryView>> GetHistoryAsync(Guid instanceId, CancellationToken cancellationToken = default);

    Task<JournalVerification> VerifyJournalAsync(Guid instanceId, CancellationToken cancellationToken = default);
}

public sealed record DefinitionView(string Key, int Version, string? Name, DefinitionStatus Status, DateTimeOffset CreatedAt, string? CreatedBy, DateTimeOffset? PublishedAt);

/// <param name="StartedFrom">Only instances started at or after this instant.</param>
/// <param name="StartedBefore">Only instances started before this instant.</param>
public sealed record InstanceFilter(
    string? DefinitionKey = null,
    InstanceStatus? Status = null,
    string? BusinessKey = null,
    int Skip = 0,
    int Take = 100,
    DateTimeOffset? StartedFrom = null,
    DateTimeOffset? StartedBefore = null);

public sealed record InstanceView(
    Guid Id,
    string DefinitionKey,
    int Version,
    string? BusinessKey,
    InstanceStatus Status,
    JsonObject Variables,
    IReadOnlyList<string> ActiveActivityIds,
    string? StartedBy,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    Guid? ParentInstanceId,
    string? FaultMessage,
    string? FaultActivityId);

/// <param name="Mine">Only tasks the actor may act on (assignee, candidate user or candidate group).</param>
/// <param name="Status">Null means open tasks.</param>
public sealed record TaskFilter(Guid? InstanceId = null, bool Mine = false, UserTaskStatus? Status = null);

public sealed record TaskView(
    Guid Id,
    Guid InstanceId,
    string ActivityId,
    string? Name,
    string? Assignee,
    IReadOnlyList<string> CandidateGroups,
    DateTimeOffset? DueAt,
    UserTaskStatus Status,
    DateTimeOffset CreatedAt,
    string DefinitionKey,
    string? BusinessKey,
    string? Outcome,
    string? CompletedBy,
    DateTimeOffset? CompletedAt,
    HumanTaskKind Kind,
    Guid? ParentTaskId,
    DateTimeOffset? EarliestCompletion,
    bool ClockStopped,
    string? ClaimedBy = null);

public sealed record HistoryEntryView(long Sequence, DateTimeOffset At, string? ActivityId, string Kind, string? Actor, JsonNode? Data, string Hash, string PreviousHash);

/// <summary>The result of checking an instance's hash chain; <see cref="FirstBrokenSequence"/> is null when intact.</summary>
public sealed record JournalVerification(Guid InstanceId, bool Valid, int Entries, long? FirstBrokenSequence, string? Reason);
