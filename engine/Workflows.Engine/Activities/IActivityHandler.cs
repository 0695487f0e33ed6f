using System.Text.Json.Nodes;
using Workflows.Engine.Bpmn.Model;

namespace Workflows.Engine.Activities;

/// <summary>
/// Runs a service or send task whose <c>fz:type</c> matches <see cref="Type"/>. It runs inside
/// the execution step's transaction, so it must not touch the outside world directly: it
/// enqueues outbox messages, which are dispatched after the step commits.
/// </summary>
public interface IActivityHandler
{
    string Type { get; }

    /// <summary>Checks the element's configuration at publish time; returns the problems found.</summary>
    IEnumerable<string> Validate(ServiceTask task) => [];

    ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken);
}

public abstract class ActivityContext
{
    public abstract Guid InstanceId { get; }
    public abstract string DefinitionKey { get; }
    public abstract string? BusinessKey { get; }
    public abstract ServiceTask Element { get; }
    public abstract DateTimeOffset Now { get; }

    /// <summary>The variables the task sees (process variables plus multi-instance locals).</summary>
    public abstract JsonObject Variables { get; }

    public abstract IServiceProvider Services { get; }

    /// <summary>Sets a process variable.</summary>
    public abstract void SetVariable(string name, JsonNode? value);

    /// <summary>Queues work to run after the step commits; returns the outbox message id.</summary>
    public abstract Guid Enqueue(string type, JsonObject payload);

    /// <summary>Appends a journal entry for this activity.</summary>
    public abstract void Record(string kind, JsonObject? data = null);
}
