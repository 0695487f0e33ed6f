using System.Text.Json.Nodes;
using Workflows.Engine.Bpmn.Model;
using Workflows.Engine.Instances;
using Workflows.Engine.Tasks;

namespace Workflows.Engine.Runtime.Execution;

/// <summary>Ends, scopes (sub-processes), termination and cancellation.</summary>
internal sealed partial class ProcessExecutor
{
    private void ReachEnd(InstanceExecution exec, Token token, EndEvent end)
    {
        exec.Record(JournalKinds.EventReached, end.Id, end.Terminate ? new JsonObject { ["terminate"] = true } : null);
        if (!end.Terminate)
        {
            Consume(exec, token);
            return;
        }
        // A terminate end event ends its own scope: the sub-process it is in, or the whole instance.
        var parentId = token.ParentId;
        exec.RemoveToken(token);
        foreach (var sibling in exec.ChildrenOf(parentId).ToList())
        {
            CancelToken(exec, sibling, $"terminated by {end.Id}");
        }
        if (parentId is null)
        {
            exec.Record(JournalKinds.InstanceTerminated, end.Id);
        }
        CheckScopeCompletion(exec, parentId);
    }

    private void Consume(InstanceExecution exec, Token token)
    {
        exec.RemoveToken(token);
        CheckScopeCompletion(exec, token.ParentId);
    }

    /// <summary>When the last token of a scope is gone, the scope (sub-process or instance) completes.</summary>
    private void CheckScopeCompletion(InstanceExecution exec, Guid? scopeId)
    {
        if (exec.ChildrenOf(scopeId).Any())
        {
            return;
        }
        if (scopeId is null)
        {
            CompleteInstance(exec);
            return;
        }
        var scope = exec.FindToken(scopeId.Value)!;
        var activity = (Activity)exec.Process.Node(scope.ActivityId);
        if (activity.MultiInstance is not null && !scope.IsIteration)
        {
            return; // a loop body completes through its iterations, never by emptiness
        }
        CompleteActivity(exec, scope, activity);
    }

    private static void CompleteInstance(InstanceExecution exec)
    {
        foreach (var timer in exec.PendingTimers.ToList())
        {
            exec.Session.CancelTimer(timer);
        }
        exec.PendingTimers.Clear();
        exec.Instance.Status = InstanceStatus.Completed;
        exec.Instance.EndedAt = exec.Now;
        exec.Record(JournalKinds.InstanceCompleted, null);
        if (exec.Instance.ParentInstanceId is { } parentId && !exec.StartedInline)
        {
            exec.Session.Enqueue(EngineMessageTypes.ResumeParent, new JsonObject
            {
                ["parentInstanceId"] = parentId.ToString(),
                ["parentTokenId"] = exec.Instance.ParentTokenId?.ToString(),
                ["childInstanceId"] = exec.Instance.Id.ToString(),
            }, parentId);
        }
    }

    private void EnterSubProcess(InstanceExecution exec, Token token, SubProcess subProcess)
    {
        token.State = TokenState.Scope;
        ArmBoundaryEvents(exec, token, subProcess);
        var start = subProcess.NoneStartEvent
            ?? throw new WorkflowExecutionException(subProcess.Id, "The sub-process has no none start event.");
        exec.Schedule(exec.NewToken(start.Id, token.Id));
    }

    /// <summary>Cancels a token and everything it owns, then removes it.</summary>
    public void CancelToken(InstanceExecution exec, Token token, string reason)
    {
        CancelWork(exec, token, reason);
        exec.RemoveToken(token);
    }

    /// <summary>Cancels what a token waits on or owns: child tokens, tasks, timers, subscriptions, a called instance.</summary>
    public void CancelWork(InstanceExecution exec, Token token, string reason)
    {
        foreach (var child in exec.ChildrenOf(token.Id).ToList())
        {
            CancelToken(exec, child, reason);
        }
        foreach (var task in exec.OpenTasks.Where(t => t.TokenId == token.Id).ToList())
        {
            task.Status = UserTaskStatus.Cancelled;
            task.CompletedAt = exec.Now;
            exec.OpenTasks.Remove(task);
            exec.Record(JournalKinds.TaskCancelled, task.ActivityId, new JsonObject { ["taskId"] = task.Id.ToString(), ["reason"] = reason });
        }
        CancelTimers(exec, token);
        foreach (var subscription in exec.Subscriptions.Where(s => s.TokenId == token.Id).ToList())
        {
            exec.Subscriptions.Remove(subscription);
            exec.Session.Db.MessageSubscriptions.Remove(subscription);
        }
        if (token.CalledInstanceId is { } called)
        {
            exec.Session.Enqueue(EngineMessageTypes.CancelInstance, new JsonObject
            {
                ["instanceId"] = called.ToString(),
                ["reason"] = reason,
            }, called);
            token.CalledInstanceId = null;
        }
    }

    /// <summary>The token's boundary and ladder timers: they only matter while it waits where it is.</summary>
    private static void CancelTimers(InstanceExecution exec, Token token, Timers.TimerRole? onlyRole = null)
    {
        foreach (var timer in exec.PendingTimers.Where(t => t.TokenId == token.Id).ToList())
        {
            if (onlyRole is { } role && timer.Role != role)
            {
                continue;
            }
            exec.Session.CancelTimer(timer);
            exec.PendingTimers.Remove(timer);
        }
    }

    /// <summary>Cancels the whole instance: every token and what it waits on.</summary>
    public void CancelInstance(InstanceExecution exec, string? reason)
    {
        foreach (var token in exec.ChildrenOf(null).ToList())
        {
            CancelToken(exec, token, reason ?? "instance cancelled");
        }
        exec.Instance.Status = InstanceStatus.Cancelled;
        exec.Instance.EndedAt = exec.Now;
        exec.Record(JournalKinds.InstanceCancelled, null, new JsonObject { ["reason"] = reason });
    }
}
