using System.Text.Json.Nodes;

namespace Workflows.Engine.Runtime;

/// <summary>
/// Lets modules record domain facts (a document attached, an opinion adopted) in an instance's
/// hash-chained journal, in a step of its own so the chain stays one sequence.
/// </summary>
public interface IWorkflowJournal
{
    /// <exception cref="WorkflowNotFoundException">No such instance.</exception>
    Task AppendAsync(Guid instanceId, string kind, string? activityId, JsonObject data, WorkflowActor actor, CancellationToken cancellationToken = default);
}
