using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Workflows.Engine.Instances;
using Workflows.Engine.Runtime.Execution;

namespace Workflows.Engine.Runtime;

/// <summary>Continuations that arrive through the outbox, and retrying a faulted instance.</summary>
internal sealed partial class WorkflowRuntime
{
    /// <summary>A called instance completed: resume the call activity that waits for it. Safe to run twice.</summary>
    public Task ResumeParentAsync(Guid parentInstanceId, Guid parentTokenId, Guid childInstanceId, CancellationToken cancellationToken)
    {
        var command = new JsonObject
        {
            ["type"] = "resume-parent",
            ["parentTokenId"] = parentTokenId.ToString(),
            ["childInstanceId"] = childInstanceId.ToString(),
        };
        return RunUnattendedAsync(parentInstanceId, command, async session =>
        {
            var exec = await executor.LoadAsync(session, parentInstanceId, cancellationToken);
            if (exec is null || exec.Instance.Status != InstanceStatus.Running)
            {
                return;
            }
            var token = exec.FindToken(parentTokenId);
            if (token is null || token.CalledInstanceId != childInstanceId)
            {
                return; // already resumed, or the call activity was interrupted meanwhile
            }
            var child = await session.Db.Instances.AsNoTracking().SingleAsync(i => i.Id == childInstanceId, cancellationToken);
            executor.ResumeFromCalled(exec, token, childInstanceId, EngineJson.ParseObject(child.Variables));
            await executor.RunAsync(exec, cancellationToken);
        }, cancellationToken);
    }

    public async Task RetryAsync(Guid instanceId, WorkflowActor actor, CancellationToken cancellationToken = default)
    {
        if (!actor.IsSystem && !actor.IsInRole("admin"))
        {
            throw new WorkflowForbiddenException("Only an admin may retry a faulted instance.");
        }
        var command = await StepAsync(actor, async session =>
        {
            var exec = await executor.LoadAsync(session, instanceId, cancellationToken)
                ?? throw new WorkflowNotFoundException($"Instance {instanceId} does not exist.");
            if (exec.Instance.Status != InstanceStatus.Faulted)
            {
                throw new WorkflowConflictException($"Instance {instanceId} is {exec.Instance.Status}, not Faulted.");
            }
            var faulted = EngineJson.ParseObject(exec.Instance.FaultCommand);
            exec.Record(JournalKinds.InstanceRetried, exec.Instance.FaultActivityId, new JsonObject { ["error"] = exec.Instance.FaultMessage });
            exec.Instance.Status = InstanceStatus.Running;
            exec.Instance.FaultMessage = null;
            exec.Instance.FaultActivityId = null;
            exec.Instance.FaultCommand = null;
            return faulted;
        }, cancellationToken);

        switch ((string?)command["type"])
        {
            case "fire-timer":
                await FireTimerCoreAsync(Guid.Parse((string)command["timerId"]!), cancellationToken);
                break;
            case "resume-parent":
                await ResumeParentAsync(instanceId, Guid.Parse((string)command["parentTokenId"]!), Guid.Parse((string)command["childInstanceId"]!), cancellationToken);
                break;
        }
    }
}
