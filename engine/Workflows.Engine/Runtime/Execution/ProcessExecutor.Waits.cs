using System.Globalization;
using System.Text.Json.Nodes;
using Workflows.Engine.Bpmn.Model;
using Workflows.Engine.Instances;
using Workflows.Engine.Messages;
using Workflows.Engine.Scripting;
using Workflows.Engine.Tasks;
using Workflows.Engine.Timers;

namespace Workflows.Engine.Runtime.Execution;

/// <summary>Bookmarks: human tasks, timers and message subscriptions, and what happens when they are resumed.</summary>
internal sealed partial class ProcessExecutor
{
    private void CreateHumanTask(InstanceExecution exec, Token token, UserTask userTask)
    {
        var variables = exec.ScopeVariables(token);
        var assignee = userTask.Assignee is null ? null : ResolveText(userTask.Assignee, variables, userTask.Id);
        var groups = ResolveList(userTask.CandidateGroups, variables, userTask.Id);
        var users = ResolveList(userTask.CandidateUsers, variables, userTask.Id);
        var task = new HumanTask
        {
            Id = Guid.CreateVersion7(),
            InstanceId = exec.Instance.Id,
            TokenId = token.Id,
            ActivityId = userTask.Id,
            Name = userTask.Name,
            Assignee = string.IsNullOrWhiteSpace(assignee) ? null : assignee,
            CandidateGroups = groups.Count == 0 ? null : string.Join(',', groups.Select(g => ExpandUnit(exec, g))),
            CandidateUsers = users.Count == 0 ? null : string.Join(',', users),
            Status = UserTaskStatus.Open,
            Kind = HumanTaskKind.Step,
            CreatedAt = exec.Now,
        };
        var warnings = new JsonArray();
        if (userTask.Due is { } due)
        {
            task.DueRule = ResolveText(due, variables, userTask.Id);
            var deadline = Deadline(userTask.Id, task.DueRule, () => deadlines.Due(task.DueRule, exec.Now, [], exec.Now));
            task.DueAt = deadline.At;
            foreach (var warning in deadline.Warnings)
            {
                warnings.Add(warning);
            }
        }
        if (userTask.Extension("minimum") is { } minimum)
        {
            task.MinimumRule = ResolveText(minimum, variables, userTask.Id);
            task.EarliestCompletion = Deadline(userTask.Id, task.MinimumRule, () => deadlines.EarliestCompletion(task.MinimumRule, exec.Now)).At;
        }
        exec.Session.Db.Tasks.Add(task);
        exec.OpenTasks.Add(task);
        exec.Record(JournalKinds.TaskCreated, userTask.Id, new JsonObject
        {
            ["taskId"] = task.Id.ToString(),
            ["assignee"] = task.Assignee,
            ["candidateGroups"] = task.CandidateGroups,
            ["dueAt"] = task.DueAt?.ToString("O", CultureInfo.InvariantCulture),
            ["earliestCompletion"] = task.EarliestCompletion?.ToString("O", CultureInfo.InvariantCulture),
            ["warnings"] = warnings.Count > 0 ? warnings : null,
        });
        ArmLadder(exec, token, userTask, task);
        AnnounceTask(exec, task);
    }

    private static TaskDeadline Deadline(string elementId, string rule, Func<TaskDeadline> compute)
    {
        try
        {
            return compute();
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            throw new WorkflowExecutionException(elementId, $"The period '{rule}' is not valid: {ex.Message}", ex);
        }
    }

    /// <summary>Completes a human task: the caller has checked that it is open and that the actor may act.</summary>
    public void CompleteHumanTask(InstanceExecution exec, HumanTask task, TaskCompletion completion)
    {
        if (task.Kind == HumanTaskKind.Escalation)
        {
            CloseTask(exec, task, completion);
            exec.Record(JournalKinds.EscalationHandled, task.ActivityId, new JsonObject
            {
                ["taskId"] = task.Id.ToString(),
                ["parentTaskId"] = task.ParentTaskId?.ToString(),
                ["comment"] = completion.Comment,
            });
            return;
        }
        var token = exec.FindToken(task.TokenId)
            ?? throw new WorkflowConflictException($"Task {task.Id} has no live token; it cannot be completed.");
        var userTask = (UserTask)exec.Process.Node(task.ActivityId);
        CheckMinimumPeriod(exec, task, completion);
        CloseTask(exec, task, completion);

        exec.MergeVariables(completion.Variables);
        if (token.IsIteration && token.ParentId is { } bodyId)
        {
            // Countersigning counts each outcome on the loop, e.g. outcomes.approve >= 2.
            CountOutcome(exec, exec.FindToken(bodyId)!, completion.Outcome);
        }
        else if (completion.Outcome is not null)
        {
            exec.Variables["outcome"] = completion.Outcome;
        }
        exec.Record(JournalKinds.TaskCompleted, task.ActivityId, new JsonObject
        {
            ["taskId"] = task.Id.ToString(),
            ["outcome"] = completion.Outcome,
            ["comment"] = completion.Comment,
            ["variables"] = completion.Variables?.DeepClone(),
        });
        CloseEscalations(exec, task);
        CompleteActivity(exec, token, userTask);
    }

    private static void CloseTask(InstanceExecution exec, HumanTask task, TaskCompletion completion)
    {
        task.Status = UserTaskStatus.Completed;
        task.CompletedAt = exec.Now;
        task.CompletedBy = exec.Session.Actor.UserName;
        task.Outcome = completion.Outcome;
        task.Comment = completion.Comment;
        task.SubmittedVariables = completion.Variables is null ? null : EngineJson.Write(completion.Variables);
        exec.OpenTasks.Remove(task);
    }

    /// <summary>A minimum period ("不少于") may only be cut short with a recorded reason.</summary>
    private void CheckMinimumPeriod(InstanceExecution exec, HumanTask task, TaskCompletion completion)
    {
        if (task.EarliestCompletion is not { } earliest || exec.Now >= earliest)
        {
            return;
        }
        var lastDay = deadlines.Clock.DateOf(earliest.AddSeconds(-1));
        if (string.IsNullOrWhiteSpace(completion.ShortenReason))
        {
            var message = $"此环节期限不少于 {task.MinimumRule}，至 {lastDay:yyyy-MM-dd} 届满，届满前办结须说明缩短理由 (shortenReason).";
            throw new WorkflowValidationException(message, [new ValidationError("shortenReason", message)]);
        }
        exec.Record(JournalKinds.MinimumPeriodShortened, task.ActivityId, new JsonObject
        {
            ["taskId"] = task.Id.ToString(),
            ["minimum"] = task.MinimumRule,
            ["until"] = lastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["reason"] = completion.ShortenReason,
        });
    }

    private void WaitForEvent(InstanceExecution exec, Token token, IntermediateCatchEvent catchEvent)
    {
        token.State = TokenState.Waiting;
        switch (catchEvent.Trigger)
        {
            case TimerEventDefinition timer:
                CreateTimer(exec, token, timer, catchEvent.Id, TimerRole.Intermediate);
                break;
            case MessageEventDefinition message:
                Subscribe(exec, token, message, catchEvent.Id);
                break;
            default:
                throw new WorkflowExecutionException(catchEvent.Id, "Only timer and message intermediate catch events can be executed.");
        }
    }

    private void ArmBoundaryEvents(InstanceExecution exec, Token token, Activity activity)
    {
        if (token.IsIteration)
        {
            return; // boundary events belong to the whole loop, armed on its body
        }
        foreach (var boundary in activity.BoundaryEvents)
        {
            if (boundary.Trigger is TimerEventDefinition timer)
            {
                CreateTimer(exec, token, timer, boundary.Id, TimerRole.Boundary);
            }
        }
    }

    private void CreateTimer(InstanceExecution exec, Token token, TimerEventDefinition definition, string activityId, TimerRole role)
    {
        var expression = ResolveText(definition.Expression, exec.ScopeVariables(token), activityId);
        TimerOccurrence? occurrence;
        try
        {
            occurrence = timerCalculator.First(definition.Kind, expression, exec.Now);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            throw new WorkflowExecutionException(activityId, $"The timer '{expression}' is not valid: {ex.Message}", ex);
        }
        if (occurrence is null)
        {
            throw new WorkflowExecutionException(activityId, $"The timer '{expression}' has no firing left after {exec.Now:O}.");
        }
        AddTimer(exec, token, activityId, role, definition.Kind, expression, occurrence);
    }

    private static void AddTimer(
        InstanceExecution exec, Token token, string activityId, TimerRole role, TimerKind kind, string expression, TimerOccurrence occurrence)
    {
        var timer = new WorkflowTimer
        {
            Id = Guid.CreateVersion7(),
            Role = role,
            InstanceId = exec.Instance.Id,
            TokenId = token.Id,
            DefinitionId = exec.Instance.DefinitionId,
            ActivityId = activityId,
            DueAt = occurrence.DueAt,
            Kind = kind,
            Expression = expression,
            RemainingRepetitions = occurrence.RemainingRepetitions,
            Status = TimerStatus.Pending,
            CreatedAt = exec.Now,
        };
        exec.Session.AddTimer(timer);
        exec.PendingTimers.Add(timer);
    }

    private static void Subscribe(InstanceExecution exec, Token token, MessageEventDefinition message, string activityId)
    {
        var subscription = new MessageSubscription
        {
            Id = Guid.CreateVersion7(),
            InstanceId = exec.Instance.Id,
            TokenId = token.Id,
            ActivityId = activityId,
            MessageName = message.MessageName,
            CreatedAt = exec.Now,
        };
        exec.Session.Db.MessageSubscriptions.Add(subscription);
        exec.Subscriptions.Add(subscription);
    }

    /// <summary>A timer of this instance fell due.</summary>
    public void FireTimer(InstanceExecution exec, WorkflowTimer timer)
    {
        exec.PendingTimers.Remove(timer);
        var token = timer.TokenId is { } tokenId ? exec.FindToken(tokenId) : null;
        if (token is null)
        {
            exec.Session.CancelTimer(timer);
            return;
        }
        timer.Status = TimerStatus.Fired;
        timer.FiredAt = exec.Now;
        if (timer.Role == TimerRole.Ladder)
        {
            ClimbLadder(exec, token, timer);
            return;
        }
        var node = exec.Process.Node(timer.ActivityId);
        exec.Record(JournalKinds.TimerFired, node.Id, new JsonObject
        {
            ["timerId"] = timer.Id.ToString(),
            ["dueAt"] = timer.DueAt.ToString("O", CultureInfo.InvariantCulture),
        });
        switch (node)
        {
            case IntermediateCatchEvent catchEvent:
                token.State = TokenState.Active;
                Leave(exec, token, catchEvent);
                break;
            case BoundaryEvent { Interrupting: true } boundary:
                Interrupt(exec, token, boundary);
                break;
            case BoundaryEvent boundary:
                if (timer.Expression is not null && timerCalculator.Next(timer.Kind, timer.Expression, timer.DueAt, timer.RemainingRepetitions) is { } next)
                {
                    AddTimer(exec, token, boundary.Id, TimerRole.Boundary, timer.Kind, timer.Expression, next);
                }
                var branch = exec.NewToken(boundary.Id, token.ParentId);
                exec.Schedule(branch);
                break;
            default:
                throw new WorkflowExecutionException(node.Id, "A timer fired on an element that cannot hold one.");
        }
    }

    private void Interrupt(InstanceExecution exec, Token token, BoundaryEvent boundary)
    {
        CancelWork(exec, token, $"interrupted by {boundary.Id}");
        exec.Record(JournalKinds.ActivityCancelled, boundary.AttachedToRef, new JsonObject { ["by"] = boundary.Id });
        token.ActivityId = boundary.Id;
        token.ArrivedVia = null;
        token.IsIteration = false;
        token.LoopCounter = null;
        token.LocalVariables = null;
        exec.Schedule(token);
    }

    /// <summary>A message arrived for a subscription of this instance.</summary>
    public void ReceiveMessage(InstanceExecution exec, MessageSubscription subscription, JsonObject? variables)
    {
        exec.Subscriptions.Remove(subscription);
        exec.Session.Db.MessageSubscriptions.Remove(subscription);
        var token = exec.FindToken(subscription.TokenId)
            ?? throw new WorkflowConflictException($"The subscription to '{subscription.MessageName}' has no live token.");
        exec.MergeVariables(variables);
        exec.Record(JournalKinds.MessageReceived, subscription.ActivityId, new JsonObject
        {
            ["message"] = subscription.MessageName,
            ["variables"] = variables?.DeepClone(),
        });
        var node = exec.Process.Node(subscription.ActivityId);
        token.State = TokenState.Active;
        if (node is ReceiveTask receiveTask)
        {
            CompleteActivity(exec, token, receiveTask);
        }
        else
        {
            Leave(exec, token, node);
        }
    }

    /// <summary>Resolves <c>${expression}</c> (the whole text) or <c>${...}</c> pieces inside literal text.</summary>
    private string ResolveText(string text, JsonObject variables, string elementId)
    {
        if (!text.Contains("${", StringComparison.Ordinal))
        {
            return text;
        }
        var trimmed = text.Trim();
        if (trimmed.StartsWith("${", StringComparison.Ordinal) && trimmed.EndsWith('}') && trimmed.IndexOf("${", 2, StringComparison.Ordinal) < 0)
        {
            return AsText(Evaluate(trimmed[2..^1], variables, elementId));
        }
        var result = new System.Text.StringBuilder();
        var position = 0;
        while (position < text.Length)
        {
            var open = text.IndexOf("${", position, StringComparison.Ordinal);
            var close = open < 0 ? -1 : text.IndexOf('}', open);
            if (open < 0 || close < 0)
            {
                result.Append(text, position, text.Length - position);
                break;
            }
            result.Append(text, position, open - position);
            result.Append(AsText(Evaluate(text[(open + 2)..close], variables, elementId)));
            position = close + 1;
        }
        return result.ToString();
    }

    private List<string> ResolveList(IReadOnlyList<string> entries, JsonObject variables, string elementId)
    {
        var result = new List<string>();
        foreach (var entry in entries)
        {
            var trimmed = entry.Trim();
            if (trimmed.StartsWith("${", StringComparison.Ordinal) && trimmed.EndsWith('}') && trimmed.IndexOf("${", 2, StringComparison.Ordinal) < 0 && trimmed.IndexOf('}') == trimmed.Length - 1)
            {
                var value = Evaluate(trimmed[2..^1], variables, elementId);
                if (value is JsonArray array)
                {
                    result.AddRange(array.Select(AsText).Where(s => s.Length > 0));
                    continue;
                }
                result.AddRange(AsText(value).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                continue;
            }
            // Literal text, possibly with embedded expressions such as ${unit}:owner.
            result.Add(ResolveText(trimmed, variables, elementId));
        }
        return result;
    }

    private JsonNode? Evaluate(string expression, JsonObject variables, string elementId)
    {
        try
        {
            return scripts.Evaluate(expression, variables);
        }
        catch (ScriptException ex)
        {
            throw new WorkflowExecutionException(elementId, $"The expression '{expression}' failed: {ex.Message}", ex);
        }
    }

    private static string AsText(JsonNode? value) => value switch
    {
        null => "",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => value.ToJsonString(),
    };
}
