using System.Globalization;
using System.Text.Json.Nodes;
using Workflows.Engine.Bpmn.Model;
using Workflows.Engine.Instances;
using Workflows.Engine.Tasks;
using Workflows.Engine.Timers;

namespace Workflows.Engine.Runtime.Execution;

/// <summary>
/// The reminder and escalation ladder of a user task: timers at the reminder time on working
/// days before and after the due date, each telling someone through the outbox, the escalation
/// rungs also opening a supervision task (督办).
/// </summary>
internal sealed partial class ProcessExecutor
{
    private void ArmLadder(InstanceExecution exec, Token token, UserTask userTask, HumanTask task)
    {
        if (task.DueAt is not { } dueAt || task.ClockPausedAt is not null)
        {
            return;
        }
        var ladder = TaskLadder.Read(userTask);
        foreach (var (index, at) in deadlines.LadderTimes(ladder, dueAt, exec.Now))
        {
            var timer = new WorkflowTimer
            {
                Id = Guid.CreateVersion7(),
                Role = TimerRole.Ladder,
                InstanceId = exec.Instance.Id,
                TokenId = token.Id,
                DefinitionId = exec.Instance.DefinitionId,
                ActivityId = userTask.Id,
                DueAt = at,
                Kind = TimerKind.Date,
                LadderStep = index,
                Status = TimerStatus.Pending,
                CreatedAt = exec.Now,
            };
            exec.Session.AddTimer(timer);
            exec.PendingTimers.Add(timer);
        }
    }

    /// <summary>The due date moved (clock stop, calendar change): the ladder is laid again from the new date.</summary>
    public void RearmLadder(InstanceExecution exec, HumanTask task)
    {
        var token = exec.FindToken(task.TokenId);
        if (token is null)
        {
            return;
        }
        CancelTimers(exec, token, TimerRole.Ladder);
        ArmLadder(exec, token, (UserTask)exec.Process.Node(task.ActivityId), task);
    }

    public static void DisarmLadder(InstanceExecution exec, HumanTask task)
    {
        if (exec.FindToken(task.TokenId) is { } token)
        {
            CancelTimers(exec, token, TimerRole.Ladder);
        }
    }

    private void ClimbLadder(InstanceExecution exec, Token token, WorkflowTimer timer)
    {
        var task = exec.OpenTasks.FirstOrDefault(t => t.TokenId == token.Id && t.Kind == HumanTaskKind.Step);
        var userTask = exec.Process.Node(timer.ActivityId) as UserTask;
        var ladder = userTask is null ? [] : TaskLadder.Read(userTask);
        if (task is null || timer.LadderStep is not { } index || index >= ladder.Count)
        {
            return;
        }
        var rung = ladder[index];
        var recipients = rung.To is null
            ? Holders(task)
            : [.. ResolveText(rung.To, exec.ScopeVariables(token), task.ActivityId)
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(r => ExpandUnit(exec, r))];
        var kind = rung.Action switch
        {
            LadderAction.Escalate => "escalation",
            LadderAction.Notify => rung.BeforeDue ? "notice" : "overdue",
            _ when !rung.BeforeDue => "overdue",
            _ when rung.WorkingDays == 0 => "due-today",
            _ => "reminder",
        };
        Guid? escalationId = null;
        if (rung.Action == LadderAction.Escalate)
        {
            escalationId = OpenEscalation(exec, task, recipients);
        }
        Alert(exec, task, kind, escalationId ?? task.Id, rung.WorkingDays, recipients);
        exec.Record(rung.Action == LadderAction.Escalate ? JournalKinds.TaskEscalated : JournalKinds.TaskReminded, task.ActivityId, new JsonObject
        {
            ["taskId"] = task.Id.ToString(),
            ["kind"] = kind,
            ["to"] = string.Join(',', recipients),
            ["escalationTaskId"] = escalationId?.ToString(),
        });
    }

    /// <summary>Tells people about a task through the outbox, when a module (notifications) listens.</summary>
    private void Alert(InstanceExecution exec, HumanTask task, string kind, Guid linkTaskId, int workingDays, IReadOnlyList<string> recipients)
    {
        if (recipients.Count == 0 || !routes.Handles(EngineMessageTypes.TaskAlert))
        {
            return;
        }
        exec.Session.Enqueue(EngineMessageTypes.TaskAlert, new JsonObject
        {
            ["kind"] = kind,
            ["taskId"] = linkTaskId.ToString(),
            ["stepTaskId"] = task.Id.ToString(),
            ["instanceId"] = exec.Instance.Id.ToString(),
            ["definitionKey"] = exec.Instance.DefinitionKey,
            ["businessKey"] = exec.Instance.BusinessKey,
            ["activityId"] = task.ActivityId,
            ["taskName"] = task.Name ?? task.ActivityId,
            ["dueAt"] = task.DueAt?.ToString("O", CultureInfo.InvariantCulture),
            ["workingDays"] = workingDays,
            ["recipients"] = new JsonArray([.. recipients.Select(r => (JsonNode)r)]),
        }, exec.Instance.Id);
    }

    private static Guid OpenEscalation(InstanceExecution exec, HumanTask task, IReadOnlyList<string> supervisors)
    {
        var escalation = new HumanTask
        {
            Id = Guid.CreateVersion7(),
            InstanceId = exec.Instance.Id,
            TokenId = task.TokenId,
            ActivityId = task.ActivityId,
            Name = $"督办：{task.Name ?? task.ActivityId}",
            CandidateGroups = string.Join(',', supervisors),
            Status = UserTaskStatus.Open,
            Kind = HumanTaskKind.Escalation,
            ParentTaskId = task.Id,
            CreatedAt = exec.Now,
        };
        exec.Session.Db.Tasks.Add(escalation);
        exec.OpenTasks.Add(escalation);
        return escalation.Id;
    }

    /// <summary>Supervision of a step ends when the step is done.</summary>
    private static void CloseEscalations(InstanceExecution exec, HumanTask task)
    {
        foreach (var escalation in exec.OpenTasks.Where(t => t.ParentTaskId == task.Id).ToList())
        {
            escalation.Status = UserTaskStatus.Cancelled;
            escalation.CompletedAt = exec.Now;
            exec.OpenTasks.Remove(escalation);
            exec.Record(JournalKinds.TaskCancelled, escalation.ActivityId, new JsonObject
            {
                ["taskId"] = escalation.Id.ToString(),
                ["reason"] = "the supervised step was completed",
            });
        }
    }

    /// <summary>New work in someone's inbox (新待办).</summary>
    private void AnnounceTask(InstanceExecution exec, HumanTask task) =>
        Alert(exec, task, "assigned", task.Id, 0, Holders(task));

    private static string[] Holders(HumanTask task) =>
        task.Assignee is { } assignee ? [assignee] : [.. task.CandidateUserList, .. task.CandidateGroupList];

    /// <summary><c>{unit}</c> in a recipient or group spec stands for the unit that started the instance.</summary>
    private static string ExpandUnit(InstanceExecution exec, string spec) =>
        spec.Contains("{unit}", StringComparison.Ordinal) ? spec.Replace("{unit}", exec.Instance.UnitCode ?? "", StringComparison.Ordinal) : spec;
}
