using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Workflows.Engine.Activities;
using Workflows.Engine.Bpmn.Model;
using Workflows.Engine.Calendar;
using Workflows.Engine.Definitions;
using Workflows.Engine.Instances;
using Workflows.Engine.Runtime.Execution;
using Workflows.Engine.Scheduling;
using Workflows.Engine.Tasks;
using Workflows.Engine.Timers;

namespace Workflows.Engine.Runtime;

internal sealed partial class WorkflowRuntime
{
    private const int MaxTextLength = 10_000;

    public Task<WorkflowInstance> StartAsync(StartInstance command, WorkflowActor actor, CancellationToken cancellationToken = default)
    {
        Require(!string.IsNullOrWhiteSpace(command.DefinitionKey), "definitionKey", "The definition key is required.");
        Require(command.BusinessKey is null || command.BusinessKey.Length <= 200, "businessKey", "The business key is longer than 200 characters.");
        return StepAsync(actor, async session =>
        {
            var definition = await FindStartableAsync(session.Db, command, actor, cancellationToken);
            var process = definitions.Model(definition);
            var start = process.NoneStartEvent
                ?? throw Invalid("definitionKey", $"'{definition.Key}' starts only by a message or a timer, not by hand.");
            var exec = await executor.StartInstanceAsync(session, definition, process, start, command.BusinessKey, command.Variables, null, cancellationToken);
            return exec.Instance;
        }, cancellationToken);
    }

    private static async Task<WorkflowDefinition> FindStartableAsync(Persistence.WorkflowDbContext db, StartInstance command, WorkflowActor actor, CancellationToken cancellationToken)
    {
        var query = db.Definitions.AsNoTracking().Where(d => d.Key == command.DefinitionKey);
        if (command.Version is { } version)
        {
            var exact = await query.SingleOrDefaultAsync(d => d.Version == version, cancellationToken)
                ?? throw new WorkflowNotFoundException($"Definition '{command.DefinitionKey}' has no version {version}.");
            // Admins may try out a draft before publishing it (the designer's "start a test instance").
            if (exact.Status != DefinitionStatus.Published && !actor.IsInRole("admin"))
            {
                throw new WorkflowForbiddenException($"Version {version} of '{command.DefinitionKey}' is a draft; only an admin may start it.");
            }
            return exact;
        }
        return await Persistence.StepQueries.For(db).LatestPublished(db, command.DefinitionKey, cancellationToken)
            ?? throw new WorkflowNotFoundException($"No published definition has the key '{command.DefinitionKey}'.");
    }

    public Task CompleteTaskAsync(Guid taskId, TaskCompletion completion, WorkflowActor actor, CancellationToken cancellationToken = default)
    {
        Require(completion.Outcome is null || (completion.Outcome.Length is > 0 and <= 100), "outcome", "The outcome must be 1 to 100 characters.");
        Require(completion.Comment is null || completion.Comment.Length <= MaxTextLength, "comment", $"The comment is longer than {MaxTextLength} characters.");
        return StepAsync(actor, async session =>
        {
            var (exec, task) = await LoadOpenTaskAsync(session, taskId, cancellationToken);
            if (!TaskAccess.CanAct(task, actor))
            {
                throw new WorkflowForbiddenException($"Task {taskId} is not yours: it is for {Describe(task)}.");
            }
            var userTask = (UserTask)exec.Process.Node(task.ActivityId);
            if (userTask.Extension("outcomes") is { } allowed)
            {
                var choices = allowed.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                Require(completion.Outcome is not null && choices.Contains(completion.Outcome), "outcome",
                    $"This step's outcome must be one of: {string.Join(", ", choices)}.");
            }
            if (task.Kind == HumanTaskKind.Step)
            {
                var formErrors = TaskForm.Check(TaskForm.Read(userTask), completion.Variables, new CalendarClock(clock, options.Value.TimeZone).Today());
                if (formErrors.Count > 0)
                {
                    throw new WorkflowValidationException(string.Join(" ", formErrors.Select(e => e.Message)), formErrors);
                }
                await CheckGuardsAsync(exec, userTask, task, completion, actor, cancellationToken);
            }
            executor.CompleteHumanTask(exec, task, completion);
            await executor.RunAsync(exec, cancellationToken);
        }, cancellationToken);
    }

    /// <summary>Runs the task's statutory gates (<c>fz:guard</c>) on the variables as they would be after completion.</summary>
    private async Task CheckGuardsAsync(InstanceExecution exec, UserTask userTask, HumanTask task, TaskCompletion completion, WorkflowActor actor, CancellationToken cancellationToken)
    {
        if (userTask.Extension("guard") is not { } keys)
        {
            return;
        }
        var variables = exec.ScopeVariables(exec.FindToken(task.TokenId));
        foreach (var (name, value) in completion.Variables ?? [])
        {
            variables[name] = value?.DeepClone();
        }
        var errors = new List<ValidationError>();
        foreach (var key in keys.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var guard = guards.Find(key)
                ?? throw new WorkflowExecutionException(userTask.Id, $"No guard '{key}' is installed.");
            errors.AddRange(await guard.CheckAsync(new UserTaskGuardContext(
                exec.Instance.Id, exec.Instance.DefinitionKey, exec.Instance.BusinessKey, userTask, task.Id, completion, variables, actor, services), cancellationToken));
        }
        if (errors.Count > 0)
        {
            throw new WorkflowValidationException(string.Join(" ", errors.Select(e => e.Message)), errors);
        }
    }

    private static string Describe(HumanTask task) =>
        task.Assignee is { } assignee ? $"user '{assignee}'" : $"groups '{task.CandidateGroups}' and users '{task.CandidateUsers}'";

    public Task FireTimerAsync(Guid timerId, CancellationToken cancellationToken = default) =>
        FireTimerCoreAsync(timerId, cancellationToken);

    private async Task FireTimerCoreAsync(Guid timerId, CancellationToken cancellationToken)
    {
        Guid? instanceId;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var timer = await db.Timers.AsNoTracking().SingleOrDefaultAsync(t => t.Id == timerId, cancellationToken);
            if (timer is null || timer.Status != TimerStatus.Pending)
            {
                return;
            }
            instanceId = timer.InstanceId;
        }
        var command = new JsonObject { ["type"] = "fire-timer", ["timerId"] = timerId.ToString() };
        await RunUnattendedAsync(instanceId, command, async session =>
        {
            if (instanceId is null)
            {
                // Start and recurring timers have no instance: the timer row's own status guards them.
                var own = await session.Db.Timers.SingleOrDefaultAsync(t => t.Id == timerId && t.Status == TimerStatus.Pending, cancellationToken);
                if (own?.Role == TimerRole.Start)
                {
                    await StartByTimerAsync(session, own, cancellationToken);
                }
                else if (own?.Role == TimerRole.Recurring)
                {
                    RunRecurring(session, own);
                }
                return;
            }
            var exec = await executor.LoadAsync(session, instanceId.Value, cancellationToken);
            var timer = exec?.PendingTimers.Find(t => t.Id == timerId);
            if (exec is null || timer is null)
            {
                return; // fired already, or cancelled: a second delivery does nothing
            }
            if (exec.Instance.Status is InstanceStatus.Completed or InstanceStatus.Cancelled)
            {
                session.CancelTimer(timer);
                return;
            }
            if (exec.Instance.Status != InstanceStatus.Running)
            {
                return; // a faulted instance keeps its timers pending until it is retried
            }
            executor.FireTimer(exec, timer);
            await executor.RunAsync(exec, cancellationToken);
        }, cancellationToken);
    }

    /// <summary>A recurring job fell due: its run goes to the outbox and its next timer is laid, in one step.</summary>
    private void RunRecurring(StepSession session, WorkflowTimer timer)
    {
        timer.Status = TimerStatus.Fired;
        timer.FiredAt = session.Now;
        var job = recurringJobs.Find(timer.ActivityId);
        if (job is null)
        {
            return;
        }
        session.Enqueue(RecurringJobs.RunMessageType, RecurringJobs.RunPayload(job.Key, timer.DueAt), null);
        if (job.NextOccurrence(timer.DueAt) is { } next)
        {
            session.AddTimer(RecurringJobs.NewTimer(job.Key, next, session.Now));
        }
    }

    private async Task StartByTimerAsync(StepSession session, WorkflowTimer timer, CancellationToken cancellationToken)
    {
        var definition = await session.Db.Definitions.AsNoTracking().SingleOrDefaultAsync(d => d.Id == timer.DefinitionId, cancellationToken);
        if (definition is null || definition.Status != DefinitionStatus.Published)
        {
            session.CancelTimer(timer);
            return;
        }
        timer.Status = TimerStatus.Fired;
        timer.FiredAt = session.Now;
        if (timer.Expression is not null && timerCalculator.Next(timer.Kind, timer.Expression, timer.DueAt, timer.RemainingRepetitions) is { } next)
        {
            session.AddTimer(StartTimer(definition.Id, timer.ActivityId, timer.Kind, timer.Expression, next, session.Now));
        }
        var process = definitions.Model(definition);
        await executor.StartInstanceAsync(session, definition, process, process.Node(timer.ActivityId), null, null, null, cancellationToken);
    }

    public Task<CorrelationResult> CorrelateMessageAsync(CorrelateMessage command, WorkflowActor actor, CancellationToken cancellationToken = default)
    {
        Require(!string.IsNullOrWhiteSpace(command.MessageName), "messageName", "The message name is required.");
        return StepAsync(actor, async session =>
        {
            var query = session.Db.MessageSubscriptions.Where(s => s.MessageName == command.MessageName);
            if (command.InstanceId is { } instanceId)
            {
                query = query.Where(s => s.InstanceId == instanceId);
            }
            if (command.BusinessKey is { } businessKey)
            {
                query = query.Where(s => session.Db.Instances.Any(i => i.Id == s.InstanceId && i.BusinessKey == businessKey));
            }
            var waiting = await query.AsNoTracking().OrderBy(s => s.CreatedAt).Take(2).ToListAsync(cancellationToken);
            if (waiting.Count > 1)
            {
                throw new WorkflowConflictException($"Several instances wait for '{command.MessageName}'; give a businessKey or an instanceId.");
            }
            if (waiting.Count == 1)
            {
                var exec = await LoadRunningAsync(session, waiting[0].InstanceId, cancellationToken);
                var subscription = exec.Subscriptions.Find(s => s.Id == waiting[0].Id)
                    ?? throw new WorkflowConflictException($"The instance stopped waiting for '{command.MessageName}' meanwhile.");
                executor.ReceiveMessage(exec, subscription, command.Variables);
                await executor.RunAsync(exec, cancellationToken);
                return new CorrelationResult(exec.Instance.Id, false);
            }
            if (command.InstanceId is not null)
            {
                throw new WorkflowNotFoundException($"Instance {command.InstanceId} does not wait for the message '{command.MessageName}'.");
            }
            return await StartByMessageAsync(session, command, cancellationToken);
        }, cancellationToken);
    }

    private async Task<CorrelationResult> StartByMessageAsync(StepSession session, CorrelateMessage command, CancellationToken cancellationToken)
    {
        var triggers = await session.Db.DefinitionTriggers.AsNoTracking()
            .Where(t => t.Kind == TriggerKind.Message && t.MessageName == command.MessageName)
            .ToListAsync(cancellationToken);
        if (triggers.Count == 0)
        {
            throw new WorkflowNotFoundException($"No instance and no definition waits for the message '{command.MessageName}'.");
        }
        if (triggers.Select(t => t.DefinitionKey).Distinct().Count() > 1)
        {
            throw new WorkflowConflictException($"Several definitions start on '{command.MessageName}': {string.Join(", ", triggers.Select(t => t.DefinitionKey).Distinct())}.");
        }
        var trigger = triggers[0];
        var definition = await session.Db.Definitions.AsNoTracking().SingleAsync(d => d.Id == trigger.DefinitionId, cancellationToken);
        var process = definitions.Model(definition);
        var exec = await executor.StartInstanceAsync(
            session, definition, process, process.Node(trigger.ActivityId), command.BusinessKey, command.Variables, null, cancellationToken);
        return new CorrelationResult(exec.Instance.Id, true);
    }

    public Task CancelAsync(Guid instanceId, string? reason, WorkflowActor actor, CancellationToken cancellationToken = default)
    {
        Require(reason is null || reason.Length <= MaxTextLength, "reason", $"The reason is longer than {MaxTextLength} characters.");
        return StepAsync(actor, async session =>
        {
            var exec = await executor.LoadAsync(session, instanceId, cancellationToken)
                ?? throw new WorkflowNotFoundException($"Instance {instanceId} does not exist.");
            if (!actor.IsSystem && !actor.IsInRole("admin") && !string.Equals(exec.Instance.StartedBy, actor.UserName, StringComparison.OrdinalIgnoreCase))
            {
                throw new WorkflowForbiddenException("Only an admin or the person who started an instance may cancel it.");
            }
            if (exec.Instance.Status is InstanceStatus.Completed or InstanceStatus.Cancelled)
            {
                throw new WorkflowConflictException($"Instance {instanceId} is already {exec.Instance.Status}.");
            }
            executor.CancelInstance(exec, reason);
        }, cancellationToken);
    }

    private static void Require(bool condition, string target, string message)
    {
        if (!condition)
        {
            throw Invalid(target, message);
        }
    }

    private static WorkflowValidationException Invalid(string target, string message) =>
        new(message, [new ValidationError(target, message)]);
}
