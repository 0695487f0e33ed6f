using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Workflows.Engine.Persistence;
using Workflows.Engine.Runtime;
using Workflows.Host.Accounts;
using Workflows.Host.Infrastructure;

namespace Workflows.Host.Tasks;

/// <summary>
/// Stopping a task's statutory clock (期限中止) while, say, the lead unit supplements materials, and
/// restarting it: the due date moves by the paused working days. Whoever handles the task, a
/// supervisor or an admin may do it (the engine decides); every stop is journalled and listed.
/// </summary>
public static class TaskClockApi
{
    public static RouteGroupBuilder MapTaskClockApi(this RouteGroupBuilder tasks)
    {
        tasks.MapPost("/{id:guid}/clock/pause", PauseAsync).WithSmallJsonBody()
            .WithSummary("Stops the task's statutory clock with a reason: 400 without one, 409 when already stopped, 403 when not yours.");
        tasks.MapPost("/{id:guid}/clock/resume", ResumeAsync)
            .WithSummary("Restarts a stopped clock; the due date moves by the paused working days and the reminder ladder follows. 409 when it runs.");
        tasks.MapGet("/{id:guid}/clock-stops", ListStopsAsync)
            .WithSummary("Every time the task's clock stood still: who stopped it, why, who restarted it and when.");
        return tasks;
    }

    internal static async Task<Results<Ok<TaskResponse>, ProblemHttpResult>> PauseAsync(
        Guid id, PauseClockRequest? request, ClaimsPrincipal user, IWorkflowRuntime runtime, IWorkflowQueries queries, CancellationToken cancellationToken)
    {
        await runtime.PauseTaskClockAsync(id, request?.Reason ?? "", user.ToActor(), cancellationToken);
        return await TasksApi.CurrentAsync(id, queries, cancellationToken);
    }

    internal static async Task<Results<Ok<TaskResponse>, ProblemHttpResult>> ResumeAsync(
        Guid id, ClaimsPrincipal user, IWorkflowRuntime runtime, IWorkflowQueries queries, CancellationToken cancellationToken)
    {
        await runtime.ResumeTaskClockAsync(id, user.ToActor(), cancellationToken);
        return await TasksApi.CurrentAsync(id, queries, cancellationToken);
    }

    internal static async Task<Results<Ok<List<ClockStopResponse>>, ProblemHttpResult>> ListStopsAsync(
        Guid id, ClaimsPrincipal user, InstanceAccess access, WorkflowDbContext db, CancellationToken cancellationToken)
    {
        if (await access.FindTaskAsync(id, user.ToActor(), cancellationToken) is null)
        {
            return TasksApi.TaskNotFound(id);
        }
        // The engine's query interface has no read of clock stops yet; its table is public and read-only here.
        var stops = await db.TaskClockStops.AsNoTracking().Where(s => s.TaskId == id).ToListAsync(cancellationToken);
        return TypedResults.Ok(stops.OrderBy(s => s.PausedAt).Select(ClockStopResponse.From).ToList());
    }
}
