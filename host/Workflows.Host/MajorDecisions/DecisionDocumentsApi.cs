using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Workflows.Activities.Documents;
using Workflows.Engine.Runtime;
using Workflows.Engine.Tasks;
using Workflows.Host.Accounts;
using Workflows.Host.Infrastructure;
using Workflows.Procedures.MajorDecisions;
using Workflows.Procedures.MajorDecisions.Dossier;
using Workflows.Procedures.MajorDecisions.Register;

namespace Workflows.Host.MajorDecisions;

/// <summary>A decision's documents (journalled by hash as they arrive) and its complete dossier.</summary>
public static class DecisionDocumentsApi
{
    public static IEndpointRouteBuilder MapDecisionDocumentsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/decisions/{id:guid}").WithTags("Major decisions").RequireAuthorization();
        group.MapPost("/documents", UploadAsync).WithBodyLimit(RequestBodyLimits.ServerMaxBytes).DisableAntiforgery()
            .WithSummary("Uploads a document of the decision (multipart: file, kind, title): the lead unit, the starter, or whoever holds an open step.");
        group.MapGet("/documents", ListAsync).WithSummary("The decision's documents, oldest first.");
        group.MapGet("/dossier", DossierAsync)
            .WithSummary("The complete dossier as a zip: every document, the records and the journal as JSON, and the hash-chain verification result.");
        return app;
    }

    internal static async Task<Results<Created<DecisionDocumentResponse>, ProblemHttpResult>> UploadAsync(
        Guid id, HttpRequest request, ClaimsPrincipal user, DecisionRegister register, IWorkflowQueries queries, DocumentStore documents,
        CancellationToken cancellationToken)
    {
        if (await register.FindAsync(id, cancellationToken) is not { } decision)
        {
            return DecisionsApi.NotFound(id);
        }
        if (!request.HasFormContentType)
        {
            return Problems.BadRequest("file", "Send the document as multipart/form-data with the fields file, kind and title.");
        }
        var actor = user.ToActor();
        var instance = await queries.GetInstanceAsync(id, cancellationToken);
        var holdsStep = (await queries.ListTasksAsync(new TaskFilter(id, Mine: true), actor, cancellationToken)).Any();
        if (!actor.IsInRole(Roles.Admin) && !holdsStep
            && !string.Equals(instance?.StartedBy, actor.UserName, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(decision.LeadUnit, actor.UnitCode, StringComparison.OrdinalIgnoreCase))
        {
            throw new WorkflowForbiddenException("只有承办单位、提出人或正在办理本事项某一环节的人员可以上传材料。");
        }
        var form = await request.ReadFormAsync(cancellationToken);
        var kind = form["kind"].ToString().Trim();
        if (!DecisionDocumentKinds.Names.ContainsKey(kind))
        {
            return Problems.BadRequest("kind", $"kind must be one of: {string.Join(", ", DecisionDocumentKinds.Names.Keys)}.");
        }
        if (form.Files.GetFile("file") is not { } file)
        {
            return Problems.BadRequest("file", "The form has no file field named 'file'.");
        }
        await using var content = file.OpenReadStream();
        var title = form["title"].ToString();
        var stored = await documents.AddAsync(
            new DocumentUpload(file.FileName, file.ContentType, content, kind, id, $"{DecisionSteps.DefinitionKey}:{id}",
                instance?.ActiveActivityIds.FirstOrDefault(), title.Length == 0 ? null : title[..Math.Min(title.Length, 500)]),
            actor, cancellationToken);
        return TypedResults.Created($"/api/decisions/{id}/documents", DecisionDocumentResponse.From(stored));
    }

    /// <remarks>The case's documents follow the case's visibility (<see cref="InstanceAccess"/>), as a single document's download does: 404 for whoever may not see it.</remarks>
    internal static async Task<Results<Ok<List<DecisionDocumentResponse>>, ProblemHttpResult>> ListAsync(
        Guid id, ClaimsPrincipal user, DecisionRegister register, DocumentStore documents, InstanceAccess access, CancellationToken cancellationToken) =>
        await register.FindAsync(id, cancellationToken) is null || !await access.MaySeeInstanceAsync(id, user.ToActor(), cancellationToken)
            ? DecisionsApi.NotFound(id)
            : TypedResults.Ok((await documents.ListAsync(id, null, cancellationToken)).Select(DecisionDocumentResponse.From).ToList());

    /// <remarks>Every document of the case, its records and its journal: only for whoever may see the case (<see cref="InstanceAccess"/>); 404 otherwise.</remarks>
    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DossierAsync(
        Guid id, ClaimsPrincipal user, DecisionRegister register, DecisionProjection projection, IWorkflowQueries queries, DecisionDossier dossier,
        InstanceAccess access, TaskDeadlines deadlines, CancellationToken cancellationToken)
    {
        if (!await access.MaySeeInstanceAsync(id, user.ToActor(), cancellationToken))
        {
            return DecisionsApi.NotFound(id);
        }
        await projection.SyncAsync(id, queries, cancellationToken);
        if (await register.FindAsync(id, cancellationToken) is not { } decision)
        {
            return DecisionsApi.NotFound(id);
        }
        var zip = await dossier.BuildAsync(decision, await register.RecordsAsync(id, cancellationToken), queries, cancellationToken);
        return TypedResults.File(zip, "application/zip", DecisionDossier.FileName(decision, deadlines.Clock.Today()));
    }
}
