using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Workflows.Engine.Instances;
using Workflows.Engine.Runtime;
using Workflows.Host.Accounts;
using Workflows.Host.Infrastructure;

namespace Workflows.Host.Instances;

public static class InstancesApi
{
    public static IEndpointRouteBuilder MapInstancesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/instances").WithTags("Instances").RequireAuthorization();
        group.MapPost("/", StartAsync).WithSmallJsonBody()
            .WithSummary("Starts an instance of the newest published version of a definition.");
        group.MapGet("/", ListAsync)
            .WithSummary("Instances the caller may see (see InstanceAccess), filtered by definitionKey, status and businessKey.");
        group.MapGet("/{id:guid}", GetAsync)
            .WithSummary("One instance with its variables and the activities it waits in; 404 when the caller may not see it.");
        group.MapGet("/{id:guid}/history", GetHistoryAsync).WithSummary("The instance's journal, oldest first, each entry chained to the one before by hash.");
        group.MapGet("/{id:guid}/history/verify", VerifyHistoryAsync).WithSummary("Checks the hash chain: a changed, inserted or deleted entry shows.");
        group.MapPost("/{id:guid}/cancel", CancelAsync).WithSmallJsonBody().WithSummary("Cancels a running instance (its starter or an admin).");
        group.MapPost("/{id:guid}/retry", RetryAsync).WithSummary("Re-runs the step that faulted an instance (admin).");
        return app;
    }

    internal static async Task<Results<Created<InstanceResponse>, ProblemHttpResult>> StartAsync(
        StartInstanceRequest request, ClaimsPrincipal user, IWorkflowRuntime runtime, IWorkflowQueries queries, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.DefinitionKey))
        {
            return Problems.BadRequest("definitionKey", "definitionKey is required: the key of a published definition.");
        }
        if (RegisterStarts.For(request.DefinitionKey) is { } register)
        {
            return Problems.BadRequest("definitionKey",
                $"'{request.DefinitionKey}' is started by its register, which creates the record every step of it checks: use {register.Api}.");
        }
        WorkflowInstance instance;
        try
        {
            instance = await runtime.StartAsync(
                new StartInstance(request.DefinitionKey, request.BusinessKey, request.Variables, request.Version), user.ToActor(), cancellationToken);
        }
        catch (WorkflowNotFoundException ex)
        {
            return Problems.NotFound(ex.Message, "definitionKey");
        }
        var view = await queries.GetInstanceAsync(instance.Id, cancellationToken)
            ?? throw new InvalidOperationException($"Instance {instance.Id} vanished right after it started.");
        return TypedResults.Created($"/api/instances/{instance.Id}", InstanceResponse.From(view));
    }

    internal static async Task<Results<Ok<List<InstanceResponse>>, ProblemHttpResult>> ListAsync(
        string? definitionKey, string? status, string? businessKey, DateTimeOffset? startedFrom, DateTimeOffset? startedBefore, int? skip, int? take,
        ClaimsPrincipal user, InstanceAccess access, CancellationToken cancellationToken)
    {
        InstanceStatus? parsed = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (!Enum.TryParse<InstanceStatus>(status, ignoreCase: true, out var value) || !Enum.IsDefined(value))
            {
                return Problems.BadRequest("status", $"status must be one of {string.Join(", ", Enum.GetNames<InstanceStatus>())}.");
            }
            parsed = value;
        }
        if (skip < 0)
        {
            return Problems.BadRequest("skip", "skip must not be negative.");
        }
        if (take is < 1 or > 500)
        {
            return Problems.BadRequest("take", "take must be between 1 and 500.");
        }
        var instances = await access.ListInstancesAsync(
            new InstanceFilter(definitionKey, parsed, businessKey, skip ?? 0, take ?? 100, startedFrom, startedBefore), user.ToActor(), cancellationToken);
        return TypedResults.Ok(instances.Select(InstanceResponse.From).ToList());
    }

    internal static async Task<Results<Ok<InstanceResponse>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, InstanceAccess access, CancellationToken cancellationToken) =>
        await access.FindInstanceAsync(id, user.ToActor(), cancellationToken) is { } view
            ? TypedResults.Ok(InstanceResponse.From(view))
            : InstanceNotFound(id);

    internal static async Task<Results<Ok<List<HistoryEntryResponse>>, ProblemHttpResult>> GetHistoryAsync(
        Guid id, ClaimsPrincipal user, InstanceAccess access, IWorkflowQueries queries, CancellationToken cancellationToken)
    {
        if (!await access.MaySeeInstanceAsync(id, user.ToActor(), cancellationToken))
        {
            return InstanceNotFound(id);
        }
        var history = await queries.GetHistoryAsync(id, cancellationToken);
        return TypedResults.Ok(history.Select(HistoryEntryResponse.From).ToList());
    }

    internal static async Task<Results<Ok<JournalVerificationResponse>, ProblemHttpResult>> VerifyHistoryAsync(
        Guid id, ClaimsPrincipal user, InstanceAccess access, IWorkflowQueries queries, CancellationToken cancellationToken) =>
        await access.MaySeeInstanceAsync(id, user.ToActor(), cancellationToken)
            ? TypedResults.Ok(JournalVerificationResponse.From(await queries.VerifyJournalAsync(id, cancellationToken)))
            : InstanceNotFound(id);

    /// <summary>Someone who may not see the instance learns nothing from a command either: 404 before the engine's 403.</summary>
    internal static async Task<Results<Ok<InstanceResponse>, ProblemHttpResult>> CancelAsync(
        Guid id, CancelInstanceRequest? request, ClaimsPrincipal user, IWorkflowRuntime runtime, InstanceAccess access, CancellationToken cancellationToken)
    {
        var actor = user.ToActor();
        if (!await access.MaySeeInstanceAsync(id, actor, cancellationToken))
        {
            return InstanceNotFound(id);
        }
        await runtime.CancelAsync(id, request?.Reason, actor, cancellationToken);
        return await GetAsync(id, user, access, cancellationToken);
    }

    internal static async Task<Results<Ok<InstanceResponse>, ProblemHttpResult>> RetryAsync(
        Guid id, ClaimsPrincipal user, IWorkflowRuntime runtime, InstanceAccess access, CancellationToken cancellationToken)
    {
        var actor = user.ToActor();
        if (!await access.MaySeeInstanceAsync(id, actor, cancellationToken))
        {
            return InstanceNotFound(id);
        }
        await runtime.RetryAsync(id, actor, cancellationToken);
        return await GetAsync(id, user, access, cancellationToken);
    }

    private static ProblemHttpResult InstanceNotFound(Guid id) => Problems.NotFound($"Instance {id} does not exist.");
}
