using System.Text.Json.Nodes;
using Workflows.Engine.Bpmn.Model;
using Workflows.Engine.Definitions;
using Workflows.Engine.Instances;

namespace Workflows.Engine.Runtime;

/// <summary>
/// The engine's commands. Each call is one or more execution steps, each in its own
/// database transaction; expected failures throw <see cref="WorkflowException"/> subclasses.
/// </summary>
public interface IWorkflowRuntime
{
    /// <summary>Stores BPMN XML as a new version of its process key (or returns the identical latest version).</summary>
    Task<DefinitionSaveResult> SaveDefinitionAsync(string xml, bool publish, WorkflowActor actor, CancellationToken cancellationToken = default);

    /// <summary>
    /// The checks publishing makes, without storing anything: every finding names its element.
    /// A file that is not BPMN or has no executable process throws <see cref="WorkflowValidationException"/>.
    /// </summary>
    DefinitionCheck ValidateDefinition(string xml);

    Task<WorkflowDefinition> PublishDefinitionAsync(string key, int version, WorkflowActor actor, CancellationToken cancellationToken = default);

    Task<WorkflowInstance> StartAsync(StartInstance command, WorkflowActor actor, CancellationToken cancellationToken = default);

    /// <exception cref="WorkflowConflictException">The task is no longer open.</exception>
    /// <exception cref="WorkflowForbiddenException">The actor is neither assignee nor candidate.</exception>
    Task CompleteTaskAsync(Guid taskId, TaskCompletion completion, WorkflowActor actor, CancellationToken cancellationToken = default);

    /// <summary>Takes a group task: it becomes the actor's own (assignee); <paramref name="release"/> gives it back to the group.</summary>
    Task ClaimTaskAsync(Guid taskId, WorkflowActor actor, bool release = false, CancellationToken cancellationToken = default);

    /// <summary>Called by the scheduler when a timer falls due; safe to call twice.</summary>
    Task FireTimerAsync(Guid timerId, CancellationToken cancellationToken = default);

    Task<CorrelationResult> CorrelateMessageAsync(CorrelateMessage command, WorkflowActor actor, CancellationToken cancellationToken = default);

    /// <summary>Stops a task's statutory clock (e.g. while materials are supplemented); the reason is required.</summary>
    Task PauseTaskClockAsync(Guid taskId, string reason, WorkflowActor actor, CancellationToken cancellationToken = default);

    /// <summary>Restarts a stopped clock; the due date moves by the paused working days and the ladder follows.</summary>
    Task ResumeTaskClockAsync(Guid taskId, WorkflowActor actor, CancellationToken cancellationToken = default);

    Task CancelAsync(Guid instanceId, string? reason, WorkflowActor actor, CancellationToken cancellationToken = default);

    /// <summary>Re-runs the command that faulted an instance.</summary>
    Task RetryAsync(Guid instanceId, WorkflowActor actor, CancellationToken cancellationToken = default);
}

public sealed record StartInstance(string DefinitionKey, string? BusinessKey = null, JsonObject? Variables = null, int? Version = null);

/// <param name="ShortenReason">Why a step with a minimum period (不少于) closes before the period ends; recorded in the journal.</param>
public sealed record TaskCompletion(string? Outcome = null, JsonObject? Variables = null, string? Comment = null, string? ShortenReason = null);

public sealed record CorrelateMessage(string MessageName, string? BusinessKey = null, Guid? InstanceId = null, JsonObject? Variables = null);

/// <summary>Which instance received the message, and whether it was started by it.</summary>
public sealed record CorrelationResult(Guid InstanceId, bool StartedNewInstance);

/// <param name="Key">The process id, which becomes the definition key.</param>
public sealed record DefinitionCheck(string Key, string? Name, IReadOnlyList<BpmnIssue> Issues)
{
    public bool CanPublish => Issues.All(i => i.Severity != IssueSeverity.Error);
}

public sealed record DefinitionSaveResult(WorkflowDefinition Definition, bool Created, IReadOnlyList<BpmnIssue> Issues);
