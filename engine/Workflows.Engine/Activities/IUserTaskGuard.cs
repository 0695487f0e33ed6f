using System.Text.Json.Nodes;
using Workflows.Engine.Bpmn.Model;
using Workflows.Engine.Runtime;

namespace Workflows.Engine.Activities;

/// <summary>
/// A statutory gate on completing a user task, named in the BPMN with <c>fz:guard="key[,key]"</c>:
/// e.g. every public comment must have its adoption recorded before the comment step closes.
/// It runs inside the completion's step, before anything is written; what it returns is refused
/// as a 400 naming the field or element, and nothing changes.
/// </summary>
public interface IUserTaskGuard
{
    string Key { get; }

    /// <summary>Problems found at publish time with the guard's configuration on this task.</summary>
    IEnumerable<string> Validate(UserTask task) => [];

    Task<IReadOnlyList<ValidationError>> CheckAsync(UserTaskGuardContext context, CancellationToken cancellationToken);
}

public sealed record UserTaskGuardContext(
    Guid InstanceId,
    string DefinitionKey,
    string? BusinessKey,
    UserTask Task,
    Guid TaskId,
    TaskCompletion Completion,
    JsonObject Variables,
    WorkflowActor Actor,
    IServiceProvider Services);
