using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Workflows.Engine.Runtime;
using Workflows.Engine.Tasks;
using Workflows.Host.Accounts;
using Workflows.Host.Infrastructure;

namespace Workflows.Host.Tasks;

public static class TasksApi
{
    public static IEndpointRouteBuilder MapTasksApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tasks").WithTags("Tasks").RequireAuthorization();
        group.MapGet("/", ListAsync)
            .WithSummary("Open tasks (or those of ?status=): an admin sees all, others what they may act on and those of instances they started; ?mine=true only the former.");
        group.MapGet("/{id:guid}", GetAsync)
            .WithSummary("One task, under the list's visibility rule: 404 when the caller may not see it.");
        group.MapPost("/{id:guid}/complete", CompleteAsync).WithSmallJsonBody()
            .WithSummary("Completes an open task: 409 when it is no longer open, 403 when it is not yours, 400 naming shortenReason when a minimum period (不少于) has not run out.");
        group.MapTaskClockApi();
        return app;
    }

    internal static async Task<Results<Ok<List<TaskResponse>>, ProblemHttpResult>> ListAsync(
        Guid? instanceId, bool? mine, string? status, ClaimsPrincipal user, IWorkflowQueries queries, CancellationToken cancellationToken)
    {
        UserTaskStatus? parsed = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (!Enum.TryParse<UserTaskStatus>(status, ignoreCase: true, out var value) || !Enum.IsDefined(value))
            {
                return Problems.BadRequest("status", $"status must be one of {string.Join(", ", Enum.GetNames<UserTaskStatus>())}.");
            }
            parsed = value;
        }
        var tasks = await queries.ListTasksAsync(new TaskFilter(instanceId, mine ?? false, parsed), user.ToActor(), cancellationToken);
        return TypedResults.Ok(tasks.Select(TaskResponse.From).ToList());
    }

    internal static async Task<Results<Ok<TaskResponse>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, InstanceAccess access, CancellationToken cancellationToken) =>
        await access.FindTaskAsync(id, user.ToActor(), cancellationToken) is { } task
            ? TypedResults.Ok(TaskResponse.From(task))
            : TaskNotFound(id);

    internal static async Task<Results<Ok<TaskResponse>, ProblemHttpResult>> CompleteAsync(
        Guid id, CompleteTaskRequest? request, ClaimsPrincipal user, IWorkflowRuntime runtime, IWorkflowQueries queries, CancellationToken cancellationToken)
    {
        var completion = new TaskCompletion(request?.Outcome, request?.Variables, request?.Comment, request?.ShortenReason);
        await runtime.CompleteTaskAsync(id, completion, user.ToActor(), cancellationToken);
        return await CurrentAsync(id, queries, cancellationToken);
    }

    /// <summary>The task as it is after a command the engine accepted (the command itself checked who may act).</summary>
    internal static async Task<Results<Ok<TaskResponse>, ProblemHttpResult>> CurrentAsync(Guid id, IWorkflowQueries queries, CancellationToken cancellationToken) =>
        await queries.GetTaskAsync(id, cancellationToken) is { } task
            ? TypedResults.Ok(TaskResponse.From(task))
            : TaskNotFound(id);

    internal static ProblemHttpResult TaskNotFound(Guid id) => Problems.NotFound($"Task {id} does not exist.");
}
