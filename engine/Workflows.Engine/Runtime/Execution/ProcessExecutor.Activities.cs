using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Workflows.Engine.Bpmn.Model;
using Workflows.Engine.Instances;
using Workflows.Engine.Scripting;

namespace Workflows.Engine.Runtime.Execution;

/// <summary>Service and script tasks, multi-instance loops and call activities.</summary>
internal sealed partial class ProcessExecutor
{
    private const string ItemsLocal = "__items";

    private async Task RunServiceTaskAsync(InstanceExecution exec, Token token, ServiceTask task, CancellationToken cancellationToken)
    {
        if (task.ActivityType is null)
        {
            return; // a service task with no activity type only marks a point in the process
        }
        var handler = handlers.Find(task.ActivityType)
            ?? throw new WorkflowExecutionException(task.Id, $"No activity of type '{task.ActivityType}' is installed.");
        var context = new StepActivityContext(exec, token, task);
        try
        {
            await handler.ExecuteAsync(context, cancellationToken);
        }
        catch (Exception ex) when (ex is not WorkflowException and not OperationCanceledException)
        {
            logger.LogWarning(ex, "Activity {Type} failed at {Element} in instance {Instance}", task.ActivityType, task.Id, exec.Instance.Id);
            throw new WorkflowExecutionException(task.Id, $"The '{task.ActivityType}' activity failed: {ex.Message}", ex);
        }
    }

    private void RunScript(InstanceExecution exec, Token token, ScriptTask task)
    {
        ScriptResult result;
        try
        {
            result = scripts.Run(task.Script ?? "", exec.ScopeVariables(token));
        }
        catch (ScriptException ex)
        {
            throw new WorkflowExecutionException(task.Id, $"The script failed: {ex.Message}", ex);
        }
        var changed = new JsonObject();
        foreach (var (name, value) in result.SetVariables)
        {
            exec.Variables[name] = value?.DeepClone();
            changed[name] = value?.DeepClone();
        }
        if (task.ResultVariable is { } resultVariable)
        {
            exec.Variables[resultVariable] = result.Value?.DeepClone();
            changed[resultVariable] = result.Value?.DeepClone();
        }
        if (changed.Count > 0)
        {
            exec.Record(JournalKinds.VariablesChanged, task.Id, new JsonObject { ["variables"] = changed });
        }
    }

    private void StartMultiInstance(InstanceExecution exec, Token body, Activity activity)
    {
        var loop = activity.MultiInstance!;
        var variables = exec.ScopeVariables(body);
        JsonArray items;
        if (loop.Collection is { } collection)
        {
            var value = Evaluate(StripWrapper(collection), variables, activity.Id);
            items = value as JsonArray
                ?? throw new WorkflowExecutionException(activity.Id, $"The collection '{collection}' is not a list (it is {(value is null ? "missing" : value.GetValueKind().ToString())}).");
        }
        else
        {
            var cardinality = Evaluate(StripWrapper(loop.LoopCardinality ?? "0"), variables, activity.Id);
            if (cardinality is not JsonValue number || !number.TryGetValue<double>(out var n) || n < 0 || n > 10_000 || n != Math.Floor(n))
            {
                throw new WorkflowExecutionException(activity.Id, $"The loop cardinality '{loop.LoopCardinality}' is not a whole number from 0 to 10000.");
            }
            items = [.. Enumerable.Range(0, (int)n).Select(i => (JsonNode?)JsonValue.Create(i))];
        }

        body.State = TokenState.Scope;
        var count = items.Count;
        exec.SetLocals(body, new JsonObject
        {
            ["nrOfInstances"] = count,
            ["nrOfActiveInstances"] = loop.IsSequential ? Math.Min(count, 1) : count,
            ["nrOfCompletedInstances"] = 0,
            ["outcomes"] = new JsonObject(),
            [ItemsLocal] = items.DeepClone(),
        });
        exec.Record(JournalKinds.ActivityStarted, activity.Id, new JsonObject { ["multiInstance"] = loop.IsSequential ? "sequential" : "parallel", ["instances"] = count });
        ArmBoundaryEvents(exec, body, activity);
        if (count == 0)
        {
            CompleteActivity(exec, body, activity);
            return;
        }
        var started = loop.IsSequential ? 1 : count;
        for (var i = 0; i < started; i++)
        {
            StartIteration(exec, body, loop, i, items[i]);
        }
    }

    private static void StartIteration(InstanceExecution exec, Token body, MultiInstanceCharacteristics loop, int index, JsonNode? item)
    {
        var iteration = exec.NewToken(body.ActivityId, body.Id);
        iteration.IsIteration = true;
        iteration.LoopCounter = index;
        var locals = new JsonObject { ["loopCounter"] = index };
        if (loop.ElementVariable is { } name)
        {
            locals[name] = item?.DeepClone();
        }
        exec.SetLocals(iteration, locals);
        exec.Schedule(iteration);
    }

    private void CompleteIteration(InstanceExecution exec, Token iteration, Activity activity)
    {
        var body = exec.FindToken(iteration.ParentId!.Value)!;
        exec.RemoveToken(iteration);
        var locals = exec.Locals(body);
        var total = locals["nrOfInstances"]!.GetValue<int>();
        var completed = locals["nrOfCompletedInstances"]!.GetValue<int>() + 1;
        locals["nrOfCompletedInstances"] = completed;
        locals["nrOfActiveInstances"] = exec.ChildrenOf(body.Id).Count();
        exec.SetLocals(body, locals);

        var loop = activity.MultiInstance!;
        var done = completed >= total;
        if (!done && loop.CompletionCondition is { } condition)
        {
            try
            {
                done = scripts.EvaluateCondition(condition, exec.ScopeVariables(body));
            }
            catch (ScriptException ex)
            {
                throw new WorkflowExecutionException(activity.Id, $"The completion condition '{condition}' failed: {ex.Message}", ex);
            }
        }
        if (done)
        {
            foreach (var remaining in exec.ChildrenOf(body.Id).ToList())
            {
                CancelToken(exec, remaining, $"completion condition of {activity.Id} met");
            }
            if (activity.Extension("outcomesVariable") is { } outcomesVariable)
            {
                exec.Variables[outcomesVariable] = locals["outcomes"]?.DeepClone();
            }
            CompleteActivity(exec, body, activity);
            return;
        }
        if (loop.IsSequential)
        {
            var items = locals[ItemsLocal]!.AsArray();
            locals["nrOfActiveInstances"] = 1;
            exec.SetLocals(body, locals);
            StartIteration(exec, body, loop, completed, items[completed]);
        }
    }

    private static void CountOutcome(InstanceExecution exec, Token body, string? outcome)
    {
        if (outcome is null)
        {
            return;
        }
        var locals = exec.Locals(body);
        var outcomes = locals["outcomes"] as JsonObject ?? [];
        outcomes[outcome] = (outcomes[outcome]?.GetValue<int>() ?? 0) + 1;
        locals["outcomes"] = outcomes.DeepClone();
        exec.SetLocals(body, locals);
    }

    private static string StripWrapper(string expression)
    {
        var trimmed = expression.Trim();
        return (trimmed.StartsWith("${", StringComparison.Ordinal) || trimmed.StartsWith("#{", StringComparison.Ordinal)) && trimmed.EndsWith('}')
            ? trimmed[2..^1]
            : trimmed;
    }
}
