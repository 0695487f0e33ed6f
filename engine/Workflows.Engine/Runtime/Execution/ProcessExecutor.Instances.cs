using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Workflows.Engine.Bpmn.Model;
using Workflows.Engine.Definitions;
using Workflows.Engine.Instances;
using Workflows.Engine.Persistence;
using Workflows.Engine.Tasks;
using Workflows.Engine.Timers;

namespace Workflows.Engine.Runtime.Execution;

/// <summary>Starting and loading instances, and call activities (a child instance per call).</summary>
internal sealed partial class ProcessExecutor
{
    public async Task<InstanceExecution> StartInstanceAsync(
        StepSession session,
        WorkflowDefinition definition,
        ProcessModel process,
        FlowNode startEvent,
        string? businessKey,
        JsonObject? variables,
        (Guid InstanceId, Guid TokenId)? parent,
        CancellationToken cancellationToken)
    {
        var instance = new WorkflowInstance
        {
            Id = Guid.CreateVersion7(),
            DefinitionId = definition.Id,
            DefinitionKey = definition.Key,
            DefinitionVersion = definition.Version,
            BusinessKey = businessKey,
            Status = InstanceStatus.Running,
            Variables = EngineJson.Write(variables ?? []),
            StartedBy = session.Actor.UserName,
            UnitCode = parent is { } p && session.Instances.TryGetValue(p.InstanceId, out var caller) ? caller.Instance.UnitCode : session.Actor.UnitCode,
            StartedAt = session.Now,
            ParentInstanceId = parent?.InstanceId,
            ParentTokenId = parent?.TokenId,
        };
        session.Db.Instances.Add(instance);
        var exec = new InstanceExecution(session, instance, process, [], [], [], []) { StartedInline = parent is not null };
        session.Instances[instance.Id] = exec;
        exec.Record(JournalKinds.InstanceStarted, startEvent.Id, new JsonObject
        {
            ["definitionKey"] = definition.Key,
            ["version"] = definition.Version,
            ["businessKey"] = businessKey,
            ["variables"] = variables?.DeepClone(),
            ["parentInstanceId"] = parent?.InstanceId.ToString(),
        });
        exec.Schedule(exec.NewToken(startEvent.Id, null));
        await RunAsync(exec, cancellationToken);
        return exec;
    }

    /// <summary>Loads an instance with its live state into the step (once per step).</summary>
    public async Task<InstanceExecution?> LoadAsync(StepSession session, Guid instanceId, CancellationToken cancellationToken)
    {
        if (session.Instances.TryGetValue(instanceId, out var loaded))
        {
            return loaded;
        }
        var db = session.Db;
        var queries = StepQueries.For(db);
        var instance = await queries.Instance(db, instanceId, cancellationToken);
        if (instance is null)
        {
            return null;
        }
        var exec = new InstanceExecution(
            session,
            instance,
            await definitions.ModelAsync(db, instance.DefinitionId, cancellationToken),
            await queries.TokensAsync(db, instanceId, cancellationToken),
            await queries.OpenTasksAsync(db, instanceId, cancellationToken),
            await queries.PendingTimersAsync(db, instanceId, cancellationToken),
            await queries.SubscriptionsAsync(db, instanceId, cancellationToken));
        session.Instances[instanceId] = exec;
        return exec;
    }

    private async Task CallAsync(InstanceExecution exec, Token token, CallActivity callActivity, CancellationToken cancellationToken)
    {
        var definition = await definitions.LatestPublishedAsync(exec.Session.Db, callActivity.CalledElement, cancellationToken)
            ?? throw new WorkflowExecutionException(callActivity.Id, $"No published definition has the key '{callActivity.CalledElement}'.");
        var process = definitions.Model(definition);
        var start = process.NoneStartEvent
            ?? throw new WorkflowExecutionException(callActivity.Id, $"The definition '{definition.Key}' has no none start event to call.");
        token.State = TokenState.Waiting;
        ArmBoundaryEvents(exec, token, callActivity);
        var child = await StartInstanceAsync(
            exec.Session, definition, process, start, exec.Instance.BusinessKey, exec.ScopeVariables(token), (exec.Instance.Id, token.Id), cancellationToken);
        token.CalledInstanceId = child.Instance.Id;
        exec.Record(JournalKinds.CalledInstanceStarted, callActivity.Id, new JsonObject
        {
            ["instanceId"] = child.Instance.Id.ToString(),
            ["definitionKey"] = definition.Key,
            ["version"] = definition.Version,
        });
        child.StartedInline = false; // later completions resume this parent through the outbox
        if (child.Instance.Status == InstanceStatus.Completed)
        {
            ResumeFromCalled(exec, token, child.Instance.Id, child.Variables);
        }
    }

    /// <summary>The instance a call activity started has completed: copy its variables back and move on.</summary>
    public void ResumeFromCalled(InstanceExecution exec, Token token, Guid childInstanceId, JsonObject childVariables)
    {
        var callActivity = (CallActivity)exec.Process.Node(token.ActivityId);
        exec.MergeVariables(childVariables);
        token.CalledInstanceId = null;
        token.State = TokenState.Active;
        exec.Record(JournalKinds.CalledInstanceCompleted, callActivity.Id, new JsonObject { ["instanceId"] = childInstanceId.ToString() });
        CompleteActivity(exec, token, callActivity);
    }
}
