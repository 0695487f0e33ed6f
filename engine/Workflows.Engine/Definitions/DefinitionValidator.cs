using Workflows.Engine.Activities;
using Workflows.Engine.Bpmn;
using Workflows.Engine.Bpmn.Model;
using Workflows.Engine.Scripting;
using Workflows.Engine.Tasks;
using Workflows.Engine.Timers;

namespace Workflows.Engine.Definitions;

/// <summary>
/// The engine's checks on top of the parser's structural ones: expressions parse, timers and
/// due rules are valid, service tasks name an installed activity. Each finding names its element.
/// </summary>
public sealed class DefinitionValidator(
    IScriptEvaluator scripts, TimerCalculator timers, TaskDeadlines deadlines, ActivityHandlerRegistry handlers, UserTaskGuardRegistry guards,
    IEnumerable<IProcessRule> rules)
{
    public IReadOnlyList<BpmnIssue> Validate(ProcessModel process)
    {
        var issues = new List<BpmnIssue>();
        foreach (var flow in process.FlowsById.Values)
        {
            if (flow.Condition is { } condition && scripts.CheckSyntax(condition, isExpression: true) is { } error)
            {
                issues.Add(new(flow.Id, flow.ElementType, EngineText.Format("Check.Condition", error)));
            }
        }
        foreach (var node in process.NodesById.Values)
        {
            CheckNode(node, issues);
        }
        foreach (var rule in rules)
        {
            issues.AddRange(rule.Validate(process));
        }
        return issues;
    }

    private void CheckUserTask(UserTask task, List<BpmnIssue> issues)
    {
        void Add(string message, IssueSeverity severity = IssueSeverity.Error) => issues.Add(new(task.Id, task.ElementType, message, severity));

        if (task.Due is { } due && !due.Contains("${", StringComparison.Ordinal) && deadlines.Validate(due) is { } dueError)
        {
            Add(EngineText.Format("Check.Due", due, dueError));
        }
        if (task.Extension("minimum") is { } minimum && !minimum.Contains("${", StringComparison.Ordinal) && deadlines.Validate(minimum) is { } minimumError)
        {
            Add(EngineText.Format("Check.Minimum", minimum, minimumError));
        }
        foreach (var key in (task.Extension("guard") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (guards.Find(key) is not { } guard)
            {
                Add(EngineText.Format("Check.NoGuard", key, string.Join(", ", guards.Keys.Order())));
                continue;
            }
            foreach (var message in guard.Validate(task))
            {
                Add(message);
            }
        }
        var formErrors = new List<string>();
        TaskForm.Read(task, formErrors);
        formErrors.ForEach(e => Add(e));
        var ladderErrors = new List<string>();
        var ladder = TaskLadder.Read(task, ladderErrors);
        ladderErrors.ForEach(e => Add(e));
        if (ladder.Count > 0 && task.Due is null)
        {
            Add(EngineText.Format("Check.LadderNeedsDue"));
        }
        if (task.Assignee is null && task.CandidateGroups.Count == 0 && task.CandidateUsers.Count == 0)
        {
            Add(EngineText.Format("Check.Nobody"), IssueSeverity.Warning);
        }
    }

    private void CheckNode(FlowNode node, List<BpmnIssue> issues)
    {
        void Error(string message) => issues.Add(new(node.Id, node.ElementType, message));

        if (node is Activity { MultiInstance.CompletionCondition: { } completion }
            && scripts.CheckSyntax(completion, isExpression: true) is { } completionError)
        {
            Error(EngineText.Format("Check.CompletionCondition", completionError));
        }
        switch (node)
        {
            case UserTask userTask:
                CheckUserTask(userTask, issues);
                break;
            case ServiceTask { ActivityType: { } type } serviceTask:
                if (handlers.Find(type) is not { } handler)
                {
                    Error(EngineText.Format("Check.NoActivity", type, string.Join(", ", handlers.Types.Order())));
                }
                else
                {
                    foreach (var message in handler.Validate(serviceTask))
                    {
                        Error(message);
                    }
                }
                break;
            case ScriptTask { Script: { } script } when scripts.CheckSyntax(script, isExpression: false) is { } scriptError:
                Error(EngineText.Format("Check.Script", scriptError));
                break;
        }
        var timer = node switch
        {
            StartEvent { Trigger: TimerEventDefinition t } => t,
            IntermediateCatchEvent { Trigger: TimerEventDefinition t } => t,
            BoundaryEvent { Trigger: TimerEventDefinition t } => t,
            _ => null,
        };
        if (timer is not null && !timer.Expression.Contains("${", StringComparison.Ordinal)
            && timers.Validate(timer.Kind, timer.Expression) is { } timerError)
        {
            Error(EngineText.Format("Check.Timer", timer.Expression, timerError));
        }
    }
}
