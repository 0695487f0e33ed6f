using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Workflows.Engine;
using Workflows.Engine.Bpmn.Model;
using Workflows.Engine.Definitions;
using Workflows.Engine.Runtime;
using Workflows.Host.Accounts;
using Workflows.Host.Infrastructure;

namespace Workflows.Host.Definitions;

public sealed record DefinitionCreated(string Key, int Version, string? Name, DefinitionStatus Status, bool Created, IReadOnlyList<DefinitionIssue> Issues);

public sealed record DefinitionIssue(string Target, string ElementType, string Message, IssueSeverity Severity);

public sealed record DefinitionCheckResponse(string Key, string? Name, bool CanPublish, IReadOnlyList<DefinitionIssue> Issues);

public sealed record DefinitionChangeResponse(string ElementId, string ElementType, string? Name, DefinitionChangeKind Kind, IReadOnlyList<string> Details);

public sealed record DefinitionResponse(string Key, int Version, string? Name, DefinitionStatus Status, DateTimeOffset CreatedAt, string? CreatedBy, DateTimeOffset? PublishedAt);

public static class DefinitionsApi
{
    public static IEndpointRouteBuilder MapDefinitionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/definitions").WithTags("Definitions").RequireAuthorization();
        group.MapPost("/", UploadAsync)
            .RequireAuthorization(Policies.Admin)
            // Routing answers any other content type with 415 before the handler runs.
            .Accepts<string>("application/xml", "text/xml", "application/bpmn+xml")
            .WithBodyLimit(RequestBodyLimits.ServerMaxBytes)
            .WithSummary("Stores a BPMN 2.0 file as a new version of its process; ?publish=true publishes it at once.");
        group.MapPost("/validate", ValidateAsync)
            .RequireAuthorization(Policies.Admin)
            .Accepts<string>("application/xml", "text/xml", "application/bpmn+xml")
            .WithBodyLimit(RequestBodyLimits.ServerMaxBytes)
            .WithSummary("Runs the checks publishing makes on a BPMN file without storing it; each issue names its element.");
        group.MapGet("/{key}/versions/{version:int}/diff", DiffAsync)
            .WithSummary("What changed from version ?from= (default: the one before) to this version, element by element.");
        group.MapGet("/", ListAsync).WithSummary("Every stored version, newest first per key.");
        group.MapGet("/{key}/versions/{version:int}/xml", GetXmlAsync).WithSummary("The BPMN XML of one version.");
        group.MapPost("/{key}/versions/{version:int}/publish", PublishAsync)
            .RequireAuthorization(Policies.Admin)
            .WithSummary("Publishes a stored draft; new instances start on the newest published version.");
        return app;
    }

    internal static async Task<Created<DefinitionCreated>> UploadAsync(
        HttpRequest request,
        bool? publish,
        IWorkflowRuntime runtime,
        IOptions<WorkflowEngineOptions> options,
        CancellationToken cancellationToken)
    {
        var xml = await RequestBodyLimits.ReadTextAsync(request, options.Value.MaxDefinitionBytes, cancellationToken);
        var result = await runtime.SaveDefinitionAsync(xml, publish ?? false, request.HttpContext.User.ToActor(), cancellationToken);
        var definition = result.Definition;
        var issues = result.Issues.Select(i => new DefinitionIssue(i.ElementId, i.ElementType, i.Message, i.Severity)).ToList();
        // A re-upload of the latest version's exact file answers with that version (Created = false),
        // still 201: the client's intent "this file is stored" holds either way.
        return TypedResults.Created(
            $"/api/definitions/{Uri.EscapeDataString(definition.Key)}/versions/{definition.Version}/xml",
            new DefinitionCreated(definition.Key, definition.Version, definition.Name, definition.Status, result.Created, issues));
    }

    internal static async Task<Ok<DefinitionCheckResponse>> ValidateAsync(
        HttpRequest request, IWorkflowRuntime runtime, IOptions<WorkflowEngineOptions> options, CancellationToken cancellationToken)
    {
        var xml = await RequestBodyLimits.ReadTextAsync(request, options.Value.MaxDefinitionBytes, cancellationToken);
        var check = runtime.ValidateDefinition(xml);
        return TypedResults.Ok(new DefinitionCheckResponse(
            check.Key, check.Name, check.CanPublish, [.. check.Issues.Select(i => new DefinitionIssue(i.ElementId, i.ElementType, i.Message, i.Severity))]));
    }

    internal static async Task<Results<Ok<List<DefinitionChangeResponse>>, ProblemHttpResult>> DiffAsync(
        string key, int version, int? from, IWorkflowQueries queries, CancellationToken cancellationToken)
    {
        var older = from ?? version - 1;
        if (older >= version || older < 1)
        {
            return Problems.BadRequest("from", "from must name an earlier version (1 or more, below this version).");
        }
        var newer = await queries.FindDefinitionAsync(key, version, cancellationToken);
        if (newer is null)
        {
            return Problems.NotFound($"Definition '{key}' has no version {version}.");
        }
        var before = await queries.FindDefinitionAsync(key, older, cancellationToken);
        if (before is null)
        {
            return Problems.NotFound($"Definition '{key}' has no version {older}.");
        }
        return TypedResults.Ok(DefinitionDiff.Compare(before.Xml, newer.Xml)
            .Select(c => new DefinitionChangeResponse(c.ElementId, c.ElementType, c.Name, c.Kind, c.Details))
            .ToList());
    }

    internal static async Task<Ok<List<DefinitionResponse>>> ListAsync(string? key, IWorkflowQueries queries, CancellationToken cancellationToken)
    {
        var definitions = await queries.ListDefinitionsAsync(key, cancellationToken);
        return TypedResults.Ok(definitions
            .Select(d => new DefinitionResponse(d.Key, d.Version, d.Name, d.Status, d.CreatedAt, d.CreatedBy, d.PublishedAt))
            .ToList());
    }

    internal static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetXmlAsync(
        string key, int version, IWorkflowQueries queries, CancellationToken cancellationToken)
    {
        var definition = await queries.FindDefinitionAsync(key, version, cancellationToken);
        return definition is null
            ? Problems.NotFound($"Definition '{key}' has no version {version}.")
            : TypedResults.Text(definition.Xml, "application/xml; charset=utf-8");
    }

    internal static async Task<Ok<DefinitionResponse>> PublishAsync(
        string key, int version, ClaimsPrincipal user, IWorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        var d = await runtime.PublishDefinitionAsync(key, version, user.ToActor(), cancellationToken);
        return TypedResults.Ok(new DefinitionResponse(d.Key, d.Version, d.Name, d.Status, d.CreatedAt, d.CreatedBy, d.PublishedAt));
    }
}
