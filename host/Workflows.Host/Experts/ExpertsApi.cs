using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Workflows.Activities.Documents;
using Workflows.Engine.Runtime;
using Workflows.Host.Accounts;
using Workflows.Host.Infrastructure;
using Workflows.Procedures.Experts;
using Workflows.Procedures.PublicConsultation;

namespace Workflows.Host.Experts;

/// <summary>
/// Expert consultation (专家论证): the expert pool, read by everyone signed in and kept by the legal
/// affairs office (role <c>legal</c>) or an admin; experts' signed opinions, filed by the experts
/// themselves; and their adoption, recorded by the case's owners.
/// </summary>
public static class ExpertsApi
{
    public static IEndpointRouteBuilder MapExpertsApi(this IEndpointRouteBuilder app)
    {
        var pool = app.MapGroup("/api/experts").WithTags("Experts").RequireAuthorization();
        pool.MapGet("/", ListAsync).WithSummary("The expert pool by name; ?field= one field of expertise, ?active= true or false.");
        pool.MapGet("/{id:guid}", GetAsync).WithSummary("One expert.");
        pool.MapPost("/", AddAsync).WithSmallJsonBody().RequireAuthorization(p => p.RequireRole(Roles.Legal, Roles.Admin))
            .WithSummary("Adds an expert (legal affairs office or admin).");
        pool.MapPut("/{id:guid}", UpdateAsync).WithSmallJsonBody().RequireAuthorization(p => p.RequireRole(Roles.Legal, Roles.Admin))
            .WithSummary("Changes an expert; give the revision you read to be told when someone else changed it first.");

        var opinions = app.MapGroup("/api/expert-opinions").WithTags("Experts").RequireAuthorization();
        opinions.MapGet("/", ListOpinionsAsync).WithSummary("Each expert's latest opinion in an instance (?instanceId=) with its adoption.");
        opinions.MapPost("/", SubmitOpinionAsync).DisableAntiforgery()
            .WithSummary("An expert files their signed written opinion: multipart form with instanceId, file and optional title.");
        opinions.MapGet("/{documentId:guid}/file", DownloadOpinionAsync).WithSummary("The opinion's file (the case's owners and its author).");
        opinions.MapPut("/{documentId:guid}/adoption", RecordAdoptionAsync).WithSmallJsonBody()
            .WithSummary("Records whether an opinion is adopted {decision: adopted|partly|not-adopted, reason} (the case's owners, not the expert).");
        return app;
    }

    internal static async Task<Ok<List<ExpertResponse>>> ListAsync(string? field, bool? active, ExpertPool pool, CancellationToken cancellationToken) =>
        TypedResults.Ok((await pool.ListAsync(field, active, cancellationToken)).Select(ExpertResponse.From).ToList());

    internal static async Task<Results<Ok<ExpertResponse>, ProblemHttpResult>> GetAsync(Guid id, ExpertPool pool, CancellationToken cancellationToken) =>
        await pool.FindAsync(id, cancellationToken) is { } expert ? TypedResults.Ok(ExpertResponse.From(expert)) : ExpertNotFound(id);

    internal static async Task<Created<ExpertResponse>> AddAsync(ExpertRequest request, ExpertPool pool, CancellationToken cancellationToken)
    {
        var expert = await pool.AddAsync(request.ToInput(), cancellationToken);
        return TypedResults.Created($"/api/experts/{expert.Id}", ExpertResponse.From(expert));
    }

    internal static async Task<Ok<ExpertResponse>> UpdateAsync(Guid id, ExpertRequest request, ExpertPool pool, CancellationToken cancellationToken) =>
        TypedResults.Ok(ExpertResponse.From(await pool.UpdateAsync(id, request.ToInput(), cancellationToken)));

    internal static async Task<Results<Ok<List<ExpertOpinionResponse>>, ProblemHttpResult>> ListOpinionsAsync(
        Guid? instanceId, ClaimsPrincipal user, ExpertOpinions opinions, InstanceFacts facts, CancellationToken cancellationToken)
    {
        if (instanceId is not { } instance)
        {
            return Problems.BadRequest("instanceId", "Give the instance: ?instanceId=.");
        }
        if (!await facts.MayManageAsync(instance, user.ToActor(), cancellationToken))
        {
            throw new WorkflowForbiddenException("只有事项的发起人、承办人或系统管理员可以查看本事项的专家论证意见。");
        }
        return TypedResults.Ok((await opinions.ForInstanceAsync(instance, cancellationToken)).Select(ExpertOpinionResponse.From).ToList());
    }

    internal static async Task<Results<Created<ExpertOpinionResponse>, ProblemHttpResult>> SubmitOpinionAsync(
        HttpRequest request, ClaimsPrincipal user, ExpertOpinions opinions, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return Problems.BadRequest("body", "Send a multipart/form-data form with instanceId, file and optional title.");
        }
        var form = await request.ReadFormAsync(cancellationToken);
        if (!Guid.TryParse(form["instanceId"], out var instanceId))
        {
            return Problems.BadRequest("instanceId", "instanceId must be the id of the instance the opinion is for.");
        }
        if (form.Files.GetFile("file") is not { } file)
        {
            return Problems.BadRequest("file", "请附上签名的书面论证意见文件（form field 'file'）。");
        }
        await using var content = file.OpenReadStream();
        var document = await opinions.SubmitAsync(instanceId, file.FileName, file.ContentType, content, form["title"], user.ToActor(), cancellationToken);
        return TypedResults.Created($"/api/expert-opinions/{document.Id}/file", ExpertOpinionResponse.From(new ExpertOpinion(document, null, null)));
    }

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadOpinionAsync(
        Guid documentId, HttpContext http, ClaimsPrincipal user, DocumentStore documents, InstanceFacts facts, CancellationToken cancellationToken)
    {
        if (await documents.FindAsync(documentId, cancellationToken) is not { Kind: ExpertOpinions.DocumentKind, InstanceId: { } instanceId } document)
        {
            return Problems.NotFound($"没有编号为 {documentId} 的专家论证意见。");
        }
        var actor = user.ToActor();
        if (!string.Equals(document.UploadedBy, actor.UserName, StringComparison.OrdinalIgnoreCase)
            && !await facts.MayManageAsync(instanceId, actor, cancellationToken))
        {
            throw new WorkflowForbiddenException("只有事项的发起人、承办人、系统管理员或意见的作者可以查阅该论证意见。");
        }
        var bytes = await documents.ReadAsync(documentId, cancellationToken);
        if (bytes is null)
        {
            return Problems.NotFound($"专家论证意见 {documentId} 的文件内容不存在。");
        }
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(bytes, document.ContentType, document.FileName);
    }

    internal static async Task<Ok<ExpertOpinionResponse>> RecordAdoptionAsync(
        Guid documentId, ExpertAdoptionRequest request, ClaimsPrincipal user, ExpertOpinions opinions, CancellationToken cancellationToken) =>
        TypedResults.Ok(ExpertOpinionResponse.From(await opinions.RecordAdoptionAsync(documentId, request.Decision, request.Reason, user.ToActor(), cancellationToken)));

    private static ProblemHttpResult ExpertNotFound(Guid id) => Problems.NotFound($"专家 {id} 不在专家库中。");
}
