using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Workflows.Engine.Activities;
using Workflows.Engine.Bpmn.Model;
using Workflows.Engine.Definitions;
using Workflows.Engine.Instances;
using Workflows.Engine.Scripting;
using Workflows.Engine.Tasks;
using Workflows.Engine.Timers;

namespace Workflows.Engine.Runtime.Execution;

/// <summary>
/// Moves tokens through a process until every one of them waits (a task, a timer, a message,
/// a called instance) or is gone. Everything it changes is tracked by the step's DbContext and
/// committed together by the caller.
/// </summary>
internal sealed partial class ProcessExecutor(
    IScriptEvaluator scripts,
    TimerCalculator timerCalculator,
    TaskDeadlines deadlines,
    ActivityHandlerRegistry handlers,
    Outbox.OutboxRoutes routes,
    DefinitionCache definitions,
    ILogger<ProcessExecutor> logger)
{
    public async Task RunAsync(InstanceExecution exec, CancellationToken cancellationToken)
    {
        while (exec.TryNext(out var token))
        {
            // A token can be cancelled (terminate, boundary event) after it was scheduled.
            if (token.State != TokenState.Active || !exec.Tokens.Contains(token))
            {
                continue;
            }
            await ExecuteAsync(exec, token, cancellationToken);
        }
    }

    private async Task ExecuteAsync(InstanceExecution exec, Token token, CancellationToken cancellationToken)
    {
        var node = exec.Process.Node(token.ActivityId);
        if (node is Activity { MultiInstance: not null } looped && !token.IsIteration)
        {
            StartMultiInstance(exec, token, looped);
            return;
        }
        if (node is Activity)
        {
            exec.Record(JournalKinds.ActivityStarted, node.Id, ActivityData(node, token));
        }

        switch (node)
        {
            case StartEvent:
                exec.Record(JournalKinds.EventReached, node.Id);
                Leave(exec, token, node);
                break;
            case EndEvent end:
                ReachEnd(exec, token, end);
                break;
            case UserTask userTask:
                CreateHumanTask(exec, token, userTask);
                Wait(exec, token, userTask);
                break;
            case ServiceTask serviceTask:
                await RunServiceTaskAsync(exec, token, serviceTask, cancellationToken);
                CompleteActivity(exec, token, serviceTask);
                break;
            case ScriptTask scriptTask:
                RunScript(exec, token, scriptTask);
                CompleteActivity(exec, token, scriptTask);
                break;
            case ReceiveTask receiveTask:
                Subscribe(exec, token, receiveTask.Message!, receiveTask.Id);
                Wait(exec, token, receiveTask);
                break;
            case ExclusiveGateway gateway:
                TakeExclusive(exec, token, gateway);
                break;
            case ParallelGateway gateway:
                PassParallel(exec, token, gateway);
                break;
            case IntermediateCatchEvent catchEvent:
                exec.Record(JournalKinds.EventReached, node.Id);
                WaitForEvent(exec, token, catchEvent);
                break;
            case SubProcess subProcess:
                EnterSubProcess(exec, token, subProcess);
                break;
            case CallActivity callActivity:
                await CallAsync(exec, token, callActivity, cancellationToken);
                break;
            case BoundaryEvent boundary:
                Leave(exec, token, boundary);
                break;
            default:
                throw new WorkflowExecutionException(node.Id, $"The element type '{node.ElementType}' cannot be executed.");
        }
    }

    /// <summary>The token waits in an activity; its boundary timers start counting.</summary>
    private void Wait(InstanceExecution exec, Token token, Activity activity)
    {
        token.State = TokenState.Waiting;
        ArmBoundaryEvents(exec, token, activity);
    }

    /// <summary>An activity finished: its boundary timers stop, and the token moves on (or back to its loop).</summary>
    public void CompleteActivity(InstanceExecution exec, Token token, Activity activity)
    {
        CancelTimers(exec, token);
        exec.Record(JournalKinds.ActivityCompleted, activity.Id, token.LoopCounter is { } i ? new JsonObject { ["loopCounter"] = i } : null);
        if (token.IsIteration)
        {
            CompleteIteration(exec, token, activity);
        }
        else
        {
            Leave(exec, token, activity);
        }
    }

    /// <summary>
    /// Leaves a node along its outgoing flows: unconditional flows and flows whose condition
    /// holds are all taken (an implicit parallel split); the default flow only when none is.
    /// </summary>
    private void Leave(InstanceExecution exec, Token token, FlowNode node)
    {
        if (node.Outgoing.Count == 0)
        {
            Consume(exec, token);
            return;
        }
        JsonObject? variables = null;
        var selected = new List<SequenceFlow>();
        foreach (var flow in node.Outgoing)
        {
            if (flow.IsDefault)
            {
                continue;
            }
            if (flow.Condition is null || Condition(exec, flow, variables ??= exec.ScopeVariables(token)))
            {
                selected.Add(flow);
            }
        }
        if (selected.Count == 0 && node.DefaultFlow is not null)
        {
            selected.Add(node.DefaultFlow);
        }
        if (selected.Count == 0)
        {
            throw new WorkflowExecutionException(node.Id, "No outgoing sequence flow condition is true and there is no default flow.");
        }
        TakeFlows(exec, token, selected);
    }

    private static void TakeFlows(InstanceExecution exec, Token token, IReadOnlyList<SequenceFlow> flows)
    {
        for (var i = 1; i < flows.Count; i++)
        {
            var sibling = exec.NewToken(flows[i].TargetRef, token.ParentId, flows[i].Id);
            exec.Schedule(sibling);
        }
        Move(exec, token, flows[0]);
    }

    private static void Move(InstanceExecution exec, Token token, SequenceFlow flow)
    {
        token.ActivityId = flow.TargetRef;
        token.ArrivedVia = flow.Id;
        token.IsIteration = false;
        token.LoopCounter = null;
        token.LocalVariables = null;
        exec.Schedule(token);
    }

    private bool Condition(InstanceExecution exec, SequenceFlow flow, JsonObject variables)
    {
        try
        {
            return scripts.EvaluateCondition(flow.Condition!, variables);
        }
        catch (ScriptException ex)
        {
            throw new WorkflowExecutionException(flow.Id, $"The condition '{flow.Condition}' failed: {ex.Message}", ex);
        }
    }

    private void TakeExclusive(InstanceExecution exec, Token token, ExclusiveGateway gateway)
    {
        if (gateway.Outgoing.Count == 0)
        {
            Consume(exec, token);
            return;
        }
        JsonObject? variables = null;
        var chosen = gateway.Outgoing.FirstOrDefault(flow =>
            !flow.IsDefault && (flow.Condition is null || Condition(exec, flow, variables ??= exec.ScopeVariables(token))))
            ?? gateway.DefaultFlow
            ?? throw new WorkflowExecutionException(gateway.Id, "No outgoing sequence flow condition is true and the gateway has no default flow.");
        exec.Record(JournalKinds.GatewayPassed, gateway.Id, new JsonObject { ["flows"] = new JsonArray(chosen.Id) });
        Move(exec, token, chosen);
    }

    private void PassParallel(InstanceExecution exec, Token token, ParallelGateway gateway)
    {
        if (gateway.Incoming.Count > 1)
        {
            token.State = TokenState.Joined;
            var waiting = exec.Tokens
                .Where(t => t.ActivityId == gateway.Id && t.State == TokenState.Joined && t.ParentId == token.ParentId)
                .OrderBy(t => t == token ? 0 : 1)
                .ThenBy(t => t.CreatedAt)
                .ToList();
            // One token per incoming flow fires the join; extra tokens on one flow wait for the next round.
            var chosen = new List<Token>();
            foreach (var flow in gateway.Incoming)
            {
                var arrived = waiting.FirstOrDefault(t => t.ArrivedVia == flow.Id && !chosen.Contains(t));
                if (arrived is null)
                {
                    return;
                }
                chosen.Add(arrived);
            }
            var survivor = chosen.Contains(token) ? token : chosen[0];
            foreach (var joined in chosen.Where(t => t != survivor))
            {
                exec.RemoveToken(joined);
            }
            exec.Record(JournalKinds.GatewayJoined, gateway.Id, new JsonObject { ["branches"] = chosen.Count });
            token = survivor;
        }
        if (gateway.Outgoing.Count == 0)
        {
            Consume(exec, token);
            return;
        }
        if (gateway.Outgoing.Count > 1)
        {
            exec.Record(JournalKinds.GatewayPassed, gateway.Id, new JsonObject { ["flows"] = new JsonArray([.. gateway.Outgoing.Select(f => (JsonNode)f.Id)]) });
        }
        TakeFlows(exec, token, gateway.Outgoing);
    }

    private static JsonObject? ActivityData(FlowNode node, Token token)
    {
        var data = new JsonObject();
        if (node.Name is not null)
        {
            data["name"] = node.Name;
        }
        if (token.LoopCounter is { } counter)
        {
            data["loopCounter"] = counter;
        }
        return data.Count == 0 ? null : data;
    }
}
