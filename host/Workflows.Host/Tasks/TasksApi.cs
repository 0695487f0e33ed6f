using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Workflows.Engine.Runtime;
using Workflows.Engine.Tasks;
using Workflows.Host.Accounts;
using Workflows.Host.Infrastructure;

namespace Workflows.Host.Tasks;

public sealed record CompleteTaskRequest(string? Outcome, JsonObject? Variables, string? Comment);

public sealed record TaskResponse(
    Guid Id,
    Guid InstanceId,
    string ActivityId,
    string? Name,
    string? Assignee,
    IReadOnlyList<string> CandidateGroups,
    DateTimeOffset? DueAt,
    UserTaskStatus Status,
    DateTimeOffset CreatedAt,
    string DefinitionKey,
    string? BusinessKey,
    string? Outcome,
    string? CompletedBy,
    DateTimeOffset? CompletedAt)
{
    public static TaskResponse From(TaskView t) => new(
        t.Id, t.InstanceId, t.ActivityId, t.Name, t.Assignee, t.CandidateGroups, t.DueAt, t.Status, t.CreatedAt,
        t.DefinitionKey, t.BusinessKey, t.Outcome, t.CompletedBy, t.CompletedAt);
}

public static class TasksApi
{
    public static IEndpointRouteBuilder MapTasksApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tasks").WithTags("Tasks").RequireAuthorization();
        group.MapGet("/", ListAsync)
            .WithSummary("Open tasks (or those of ?status=): an admin sees all, others what they may act on and those of instances they started; ?mine=true only the former.");
        group.MapPost("/{id:guid}/complete", CompleteAsync).WithSmallJsonBody()
            .WithSummary("Completes an open task: 409 when it is no longer open, 403 when it is not yours.");
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

    internal static async Task<Results<Ok<TaskResponse>, ProblemHttpResult>> CompleteAsync(
        Guid id, CompleteTaskRequest? request, ClaimsPrincipal user, IWorkflowRuntime runtime, IWorkflowQueries queries, CancellationToken cancellationToken)
    {
        await runtime.CompleteTaskAsync(id, new TaskCompletion(request?.Outcome, request?.Variables, request?.Comment), user.ToActor(), cancellationToken);
        return await queries.GetTaskAsync(id, cancellationToken) is { } task
            ? TypedResults.Ok(TaskResponse.From(task))
            : Problems.NotFound($"Task {id} does not exist.");
    }
}
