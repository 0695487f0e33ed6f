using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Workflows.Engine.Runtime;
using Workflows.Host.Accounts;
using Workflows.Host.Infrastructure;
using Workflows.Procedures.MajorDecisions.Catalogue;
using Workflows.Procedures.MajorDecisions.Persistence;

namespace Workflows.Host.MajorDecisions;

public sealed record CatalogueItemResponse(Guid Id, int Number, string Title, string LeadUnit, string? LegalBasis, string? PlannedCompletion, string? Remarks, bool Removed);

public sealed record CatalogueChangeResponse(Guid Id, Guid? ItemId, string Action, string Reason, string? MeetingType, DateOnly? MeetingDate, string? MeetingReference,
    JsonNode? Before, JsonNode? After, string ChangedBy, DateTimeOffset ChangedAt);

public sealed record CatalogueResponse(int Year, string DecisionBody, CatalogueStatus Status, DateOnly? PartyCommitteeAgreedOn, DateOnly? PublishedOn,
    IReadOnlyList<CatalogueItemResponse> Items, IReadOnlyList<CatalogueChangeResponse> Changes)
{
    public static CatalogueResponse From(CatalogueView view) => new(
        view.Catalogue.Year, view.Catalogue.DecisionBody, view.Catalogue.Status, view.Catalogue.PartyCommitteeAgreedOn, view.Catalogue.PublishedOn,
        [.. view.Items.Select(i => new CatalogueItemResponse(i.Id, i.Number, i.Title, i.LeadUnit, i.LegalBasis, i.PlannedCompletion, i.Remarks, i.Removed))],
        [.. view.Changes.Select(c => new CatalogueChangeResponse(c.Id, c.ItemId, c.Action, c.Reason, c.MeetingType, c.MeetingDate, c.MeetingReference,
            c.Before is null ? null : JsonNode.Parse(c.Before), c.After is null ? null : JsonNode.Parse(c.After), c.ChangedBy, c.ChangedAt))]);
}

/// <summary>The yearly catalogue of major decision matters: read by all, kept by the decision body's leaders and admins.</summary>
public static class DecisionCataloguesApi
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IEndpointRouteBuilder MapDecisionCataloguesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/decision-catalogues/{year:int}").WithTags("Major decision catalogue").RequireAuthorization();
        group.MapGet("/", GetAsync).WithSummary("The year's catalogue with its items and every change.");
        group.MapPost("/", CreateAsync).WithSmallJsonBody().WithSummary("Starts the year's catalogue as a draft.");
        group.MapPost("/items", AddItemAsync).WithSmallJsonBody()
            .WithSummary("Adds a matter with the reason; once published, also the collective decision (collectiveDecision) that adjusted the catalogue.");
        group.MapPut("/items/{itemId:guid}", ModifyItemAsync).WithSmallJsonBody().WithSummary("Adjusts a matter, with the reason (and collective decision once published).");
        group.MapPost("/items/{itemId:guid}/remove", RemoveItemAsync).WithSmallJsonBody().WithSummary("Takes a matter out of the catalogue, with the reason (and collective decision once published).");
        group.MapPost("/publish", PublishAsync).WithSmallJsonBody().WithSummary("Publishes the catalogue after the Party committee agreed (partyCommitteeAgreedOn).");
        group.MapGet("/export", ExportAsync).WithSummary("The catalogue and its adjustments as .xlsx.");
        return app;
    }

    internal static async Task<Results<Ok<CatalogueResponse>, ProblemHttpResult>> GetAsync(int year, DecisionCatalogues catalogues, CancellationToken cancellationToken) =>
        await catalogues.GetAsync(year, cancellationToken) is { } view ? TypedResults.Ok(CatalogueResponse.From(view)) : NotFound(year);

    internal static async Task<Created<CatalogueResponse>> CreateAsync(
        int year, JsonObject? body, ClaimsPrincipal user, DecisionCatalogues catalogues, CancellationToken cancellationToken) =>
        TypedResults.Created($"/api/decision-catalogues/{year}", CatalogueResponse.From(await catalogues.CreateAsync(year, body, Keeper(user), cancellationToken)));

    internal static async Task<Ok<CatalogueResponse>> AddItemAsync(
        int year, JsonObject body, ClaimsPrincipal user, DecisionCatalogues catalogues, CancellationToken cancellationToken) =>
        TypedResults.Ok(CatalogueResponse.From(await catalogues.AddItemAsync(year, body, Keeper(user), cancellationToken)));

    internal static async Task<Ok<CatalogueResponse>> ModifyItemAsync(
        int year, Guid itemId, JsonObject body, ClaimsPrincipal user, DecisionCatalogues catalogues, CancellationToken cancellationToken) =>
        TypedResults.Ok(CatalogueResponse.From(await catalogues.ModifyItemAsync(year, itemId, body, Keeper(user), cancellationToken)));

    internal static async Task<Ok<CatalogueResponse>> RemoveItemAsync(
        int year, Guid itemId, JsonObject body, ClaimsPrincipal user, DecisionCatalogues catalogues, CancellationToken cancellationToken) =>
        TypedResults.Ok(CatalogueResponse.From(await catalogues.RemoveItemAsync(year, itemId, body, Keeper(user), cancellationToken)));

    internal static async Task<Ok<CatalogueResponse>> PublishAsync(
        int year, JsonObject body, ClaimsPrincipal user, DecisionCatalogues catalogues, CancellationToken cancellationToken) =>
        TypedResults.Ok(CatalogueResponse.From(await catalogues.PublishAsync(year, body, Keeper(user), cancellationToken)));

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportAsync(
        int year, DecisionCatalogues catalogues, CatalogueSpreadsheet spreadsheet, CancellationToken cancellationToken)
    {
        if (await catalogues.GetAsync(year, cancellationToken) is not { } view)
        {
            return NotFound(year);
        }
        return TypedResults.File(await spreadsheet.WriteAsync(view, cancellationToken), XlsxContentType, $"{year}年度重大行政决策事项目录.xlsx");
    }

    /// <summary>The catalogue is the decision body's: its leaders keep it, admins may too.</summary>
    private static WorkflowActor Keeper(ClaimsPrincipal user)
    {
        var actor = user.ToActor();
        return actor.IsInRole(Roles.Leader) || actor.IsInRole(Roles.Admin)
            ? actor
            : throw new WorkflowForbiddenException("只有决策机关负责人或系统管理员可以编制和调整决策事项目录。");
    }

    private static ProblemHttpResult NotFound(int year) => Problems.NotFound($"没有 {year} 年度的决策事项目录。", "year");
}
