using System.Text.Json.Nodes;

namespace Workflows.Engine.Runtime;

internal sealed partial class WorkflowRuntime : IWorkflowJournal
{
    public Task AppendAsync(Guid instanceId, string kind, string? activityId, JsonObject data, WorkflowActor actor, CancellationToken cancellationToken = default)
    {
        Require(!string.IsNullOrWhiteSpace(kind) && kind.Length <= 64, "kind", "A journal kind is 1 to 64 characters.");
        return StepAsync(actor, async session =>
        {
            var exec = await executor.LoadAsync(session, instanceId, cancellationToken)
                ?? throw new WorkflowNotFoundException($"Instance {instanceId} does not exist.");
            exec.Record(kind, activityId, data);
        }, cancellationToken);
    }
}
