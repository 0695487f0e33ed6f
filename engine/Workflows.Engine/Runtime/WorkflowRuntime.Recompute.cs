using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Workflows.Engine.Calendar.Admin;
using Workflows.Engine.Runtime.Execution;
using Workflows.Engine.Tasks;

namespace Workflows.Engine.Runtime;

/// <summary>When a year's holiday data changes, open deadlines counted through that year move, visibly.</summary>
internal sealed partial class WorkflowRuntime : IDeadlineRecomputation
{
    public async Task<int> RecomputeDeadlinesAsync(int year, WorkflowActor actor, CancellationToken cancellationToken)
    {
        List<(Guid InstanceId, DateTimeOffset CreatedAt, DateTimeOffset? Until)> candidates;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            candidates = [.. (await db.Tasks.AsNoTracking()
                .Where(t => t.Status == UserTaskStatus.Open && t.Kind == HumanTaskKind.Step && (t.DueRule != null || t.MinimumRule != null))
                .Select(t => new { t.InstanceId, t.CreatedAt, Until = t.DueAt ?? t.EarliestCompletion })
                .ToListAsync(cancellationToken))
                .Select(t => (t.InstanceId, t.CreatedAt, t.Until))];
        }
        // A correction can move a deadline into the next year, so a task due up to a year later may depend on it.
        var affected = candidates
            .Where(t => deadlines.Clock.DateOf(t.CreatedAt).Year <= year && (t.Until is null || deadlines.Clock.DateOf(t.Until.Value).Year + 1 >= year))
            .Select(t => t.InstanceId)
            .Distinct()
            .ToList();
        var moved = 0;
        foreach (var instanceId in affected)
        {
            moved += await StepAsync(actor, session => RecomputeInstanceAsync(session, instanceId, year, cancellationToken), cancellationToken);
        }
        return moved;
    }

    private async Task<int> RecomputeInstanceAsync(StepSession session, Guid instanceId, int year, CancellationToken cancellationToken)
    {
        var exec = await executor.LoadAsync(session, instanceId, cancellationToken);
        if (exec is null || exec.Instance.Status != Instances.InstanceStatus.Running)
        {
            return 0;
        }
        var moved = 0;
        foreach (var task in exec.OpenTasks.Where(t => t.Kind == HumanTaskKind.Step).ToList())
        {
            var stops = await session.Db.TaskClockStops.Where(s => s.TaskId == task.Id).ToListAsync(cancellationToken);
            var previousDue = task.DueAt;
            var previousEarliest = task.EarliestCompletion;
            if (task.DueRule is { } rule)
            {
                task.DueAt = deadlines.Due(rule, task.CreatedAt, stops, session.Now).At;
            }
            if (task.MinimumRule is { } minimum)
            {
                task.EarliestCompletion = deadlines.EarliestCompletion(minimum, task.CreatedAt).At;
            }
            if (task.DueAt == previousDue && task.EarliestCompletion == previousEarliest)
            {
                continue;
            }
            moved++;
            executor.RearmLadder(exec, task);
            exec.Record(JournalKinds.DeadlineRecomputed, task.ActivityId, new JsonObject
            {
                ["taskId"] = task.Id.ToString(),
                ["year"] = year,
                ["previousDueAt"] = previousDue?.ToString("O", CultureInfo.InvariantCulture),
                ["dueAt"] = task.DueAt?.ToString("O", CultureInfo.InvariantCulture),
                ["previousEarliestCompletion"] = previousEarliest?.ToString("O", CultureInfo.InvariantCulture),
                ["earliestCompletion"] = task.EarliestCompletion?.ToString("O", CultureInfo.InvariantCulture),
                ["reason"] = "holiday data changed",
            });
        }
        return moved;
    }
}
