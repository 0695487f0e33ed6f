using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Workflows.Host.Accounts;
using Workflows.Host.Infrastructure;
using Workflows.Procedures.NormativeDocuments.Cleanup;

namespace Workflows.Host.NormativeDocuments;

/// <summary>Clean-up rounds (清理) of the register: start, decide each document, publish the result.</summary>
internal static class CleanupRoundsApi
{
    public static RouteGroupBuilder MapCleanupRoundsApi(this RouteGroupBuilder group)
    {
        group.MapPost("/cleanup-rounds", StartAsync).WithSmallJsonBody()
            .WithSummary("Starts a clean-up round on demand: every document of the issuing body in force is in scope.");
        group.MapGet("/cleanup-rounds", ListAsync).WithSummary("Clean-up rounds, newest first; ?issuer= for one issuing body.");
        group.MapGet("/cleanup-rounds/{id:guid}", GetAsync).WithSummary("A clean-up round with its documents and decisions.");
        group.MapPost("/cleanup-rounds/{id:guid}/decisions/{documentId:guid}", DecideAsync).WithSmallJsonBody()
            .WithSummary("Records keep, amend or repeal for one document, with the reason.");
        group.MapPost("/cleanup-rounds/{id:guid}/publish", PublishAsync).WithSmallJsonBody()
            .WithSummary("Publishes the round's result once every document has a decision; repeals take effect.");
        return group;
    }

    internal static async Task<Created<CleanupRoundResponse>> StartAsync(StartCleanupRequest request, ClaimsPrincipal user, CleanupRounds rounds, CancellationToken cancellationToken)
    {
        var round = await rounds.StartAsync(request, user.ToActor(), cancellationToken);
        return TypedResults.Created($"/api/normative-documents/cleanup-rounds/{round.Id}", CleanupRoundResponse.From(round));
    }

    internal static async Task<Ok<List<CleanupRoundResponse>>> ListAsync(string? issuer, CleanupRounds rounds, CancellationToken cancellationToken) =>
        TypedResults.Ok((await rounds.ListAsync(issuer, cancellationToken)).Select(CleanupRoundResponse.From).ToList());

    internal static async Task<Results<Ok<CleanupRoundResponse>, ProblemHttpResult>> GetAsync(Guid id, CleanupRounds rounds, CancellationToken cancellationToken) =>
        await rounds.GetAsync(id, cancellationToken) is { } round
            ? TypedResults.Ok(CleanupRoundResponse.From(round))
            : Problems.NotFound($"清理工作 {id} 不存在。");

    internal static async Task<Ok<CleanupItemResponse>> DecideAsync(
        Guid id, Guid documentId, CleanupDecisionRequest request, ClaimsPrincipal user, CleanupRounds rounds, CancellationToken cancellationToken)
    {
        var item = await rounds.DecideAsync(id, documentId, request, user.ToActor(), cancellationToken);
        return TypedResults.Ok(new CleanupItemResponse(item.DocumentId, item.Decision,
            CleanupDecisions.ChineseNames.GetValueOrDefault(item.Decision!), item.Reason, item.DecidedBy));
    }

    internal static async Task<Ok<CleanupRoundResponse>> PublishAsync(
        Guid id, PublishCleanupRequest request, ClaimsPrincipal user, CleanupRounds rounds, CancellationToken cancellationToken) =>
        TypedResults.Ok(CleanupRoundResponse.From(await rounds.PublishAsync(id, request, user.ToActor(), cancellationToken)));
}
