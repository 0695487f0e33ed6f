namespace Workflows.Engine.Runtime;

/// <summary>Base of the engine's expected failures; the host maps each to a problem+json status.</summary>
public abstract class WorkflowException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Something named does not exist (404).</summary>
public sealed class WorkflowNotFoundException(string message) : WorkflowException(message);

/// <summary>The request conflicts with the current state, e.g. the task is no longer open (409).</summary>
public sealed class WorkflowConflictException(string message) : WorkflowException(message);

/// <summary>The actor may not do this (403).</summary>
public sealed class WorkflowForbiddenException(string message) : WorkflowException(message);

/// <summary>Bad input that names what is wrong (400).</summary>
public class WorkflowValidationException(string message, IReadOnlyList<ValidationError> errors) : WorkflowException(message)
{
    public IReadOnlyList<ValidationError> Errors { get; } = errors;
}

/// <summary>One fault in a request or a BPMN file; <paramref name="Target"/> is a field name or a BPMN element id.</summary>
public sealed record ValidationError(string Target, string Message, string? ElementType = null);

/// <summary>Execution could not continue at an element (no outgoing flow matched, a script failed ...).</summary>
public sealed class WorkflowExecutionException(string activityId, string message, Exception? inner = null)
    : WorkflowException($"{activityId}: {message}", inner)
{
    public string ActivityId { get; } = activityId;
    public string Reason { get; } = message;
}
