using Workflows.Engine.Runtime;
using Workflows.Engine.Runtime.Execution;

namespace Workflows.Engine.Outbox;

/// <summary>A called instance completed: resume its parent in a step of the parent's own.</summary>
internal sealed class ResumeParentHandler(WorkflowRuntime runtime) : IOutboxHandler
{
    public string Type => EngineMessageTypes.ResumeParent;

    public Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var payload = EngineJson.ParseObject(message.Payload);
        return runtime.ResumeParentAsync(
            Guid.Parse((string)payload["parentInstanceId"]!),
            Guid.Parse((string)payload["parentTokenId"]!),
            Guid.Parse((string)payload["childInstanceId"]!),
            cancellationToken);
    }
}

/// <summary>The call activity that started an instance was cancelled or interrupted: cancel the instance too.</summary>
internal sealed class CancelInstanceHandler(WorkflowRuntime runtime) : IOutboxHandler
{
    public string Type => EngineMessageTypes.CancelInstance;

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var payload = EngineJson.ParseObject(message.Payload);
        try
        {
            await runtime.CancelAsync(Guid.Parse((string)payload["instanceId"]!), (string?)payload["reason"], WorkflowActor.System, cancellationToken);
        }
        catch (WorkflowConflictException)
        {
            // It already ended: nothing left to cancel.
        }
    }
}
