using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Workflows.Activities.Documents;
using Workflows.Engine.Runtime;
using Workflows.Host.Accounts;
using Workflows.Host.Infrastructure;
using Workflows.Procedures.PublicConsultation;

namespace Workflows.Host.PublicConsultation;

/// <summary>
/// Public participation (公众参与): the pages anyone may read and comment on without signing in, and
/// the lead unit's side — the comments with contact details, adoption and the feedback summary.
/// Failures of the module (not found, closed, invalid) reach the client as problem+json through the
/// host's exception handler.
/// </summary>
public static class PublicConsultationApi
{
    /// <summary>A 5,000-character comment is at most ~30 KiB of JSON even fully escaped; anything far larger is not a comment.</summary>
    public const long CommentBodyBytes = 64 * 1024;

    public static string DraftUrl(Guid id) => $"/api/public/consultations/{id}/draft";

    public static string CommentsUrl(Guid id) => $"/api/public/consultations/{id}/comments";

    public static IEndpointRouteBuilder MapPublicConsultationApi(this IEndpointRouteBuilder app)
    {
        var open = app.MapGroup("/api/public/consultations").WithTags("Public consultation").AllowAnonymous()
            .RequireRateLimiting(PublicCommentRateLimits.ReadPolicy);
        open.MapGet("/", ListOpenAsync).WithSummary("Drafts open for public comment now, the soonest to close first (no sign-in).");
        open.MapGet("/{id:guid}", GetPublicAsync)
            .WithSummary("A consultation's public page: the draft, its explanation and, after closing, the feedback and what became of each comment.");
        open.MapGet("/{id:guid}/draft", DownloadDraftAsync).WithSummary("The published draft.");
        open.MapPost("/{id:guid}/comments", SubmitCommentAsync).WithBodyLimit(CommentBodyBytes)
            .RequireRateLimiting(PublicCommentRateLimits.CommentPolicy)
            .WithSummary("Sends a comment {name?, contact?, content}: plain text, at most 5,000 characters; 409 once closed, 429 when sent too often.");

        var owner = app.MapGroup("/api/consultations").WithTags("Public consultation").RequireAuthorization();
        owner.MapGet("/", ListForInstanceAsync).WithSummary("An instance's consultations (its owners: starter, task holders, admin).");
        owner.MapGet("/{id:guid}", GetAsync).WithSummary("A consultation with its adoption counts.");
        owner.MapGet("/{id:guid}/comments", ListCommentsAsync).WithSummary("The comments with the commenters' contact details and their adoption.");
        owner.MapPut("/{id:guid}/comments/{commentId:guid}/adoption", RecordAdoptionAsync).WithSmallJsonBody()
            .WithSummary("Records whether a comment is adopted {decision: adopted|partly|not-adopted, reason}.");
        owner.MapPost("/{id:guid}/feedback", PublishFeedbackAsync).WithSmallJsonBody()
            .WithSummary("Publishes the feedback summary (反馈采纳情况和理由), filed as a consultation-feedback document.");
        return app;
    }

    internal static async Task<Ok<List<PublicConsultationListItem>>> ListOpenAsync(ConsultationBook book, CancellationToken cancellationToken) =>
        TypedResults.Ok((await book.ListOpenAsync(cancellationToken)).Select(PublicConsultationListItem.From).ToList());

    internal static async Task<Results<Ok<PublicConsultationDetail>, ProblemHttpResult>> GetPublicAsync(
        Guid id, ConsultationBook book, DocumentStore documents, CancellationToken cancellationToken)
    {
        if (await book.FindAsync(id, cancellationToken) is not { } consultation)
        {
            return NotFound(id);
        }
        var draft = await documents.FindAsync(consultation.DraftDocumentId, cancellationToken);
        var comments = await book.CommentsAsync(id, cancellationToken);
        return TypedResults.Ok(PublicConsultationDetail.From(consultation, draft, comments, book.Now));
    }

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadDraftAsync(
        Guid id, HttpContext http, ConsultationBook book, DocumentStore documents, CancellationToken cancellationToken)
    {
        if (await book.FindAsync(id, cancellationToken) is not { } consultation
            || await documents.FindAsync(consultation.DraftDocumentId, cancellationToken) is not { } draft
            || await documents.ReadAsync(draft.Id, cancellationToken) is not { } bytes)
        {
            return NotFound(id);
        }
        // Served as a download whatever its type, so no uploaded file is ever rendered in our origin.
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(bytes, draft.ContentType, draft.FileName);
    }

    internal static async Task<Results<Created<PublicCommentReceipt>, ProblemHttpResult>> SubmitCommentAsync(
        Guid id, HttpRequest request, CommentIntake intake, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        var body = await RequestBodyLimits.ReadTextAsync(request, CommentBodyBytes, cancellationToken);
        CommentRequest? comment;
        try
        {
            comment = JsonSerializer.Deserialize<CommentRequest>(body, json.Value.SerializerOptions);
        }
        catch (JsonException ex)
        {
            var target = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "body" : ex.Path.TrimStart('$', '.');
            return Problems.BadRequest(target, $"请求不是有效的 JSON（{target}）：应为 {{\"name\"?, \"contact\"?, \"content\"}}。");
        }
        if (comment is null)
        {
            return Problems.BadRequest("body", "请求体应为 {\"name\"?, \"contact\"?, \"content\"}。");
        }
        var stored = await intake.SubmitAsync(
            id, new CommentSubmission(comment.Name, comment.Contact, comment.Content), PublicCommentRateLimits.ClientKey(request.HttpContext), cancellationToken);
        return TypedResults.Created(
            $"/api/public/consultations/{id}",
            new PublicCommentReceipt(stored.Id, stored.Number, stored.SubmittedAt, $"您的意见已收到（第 {stored.Number} 条）。征求意见结束后，将在本页公布意见采纳情况和理由。"));
    }

    internal static async Task<Results<Ok<List<ConsultationResponse>>, ProblemHttpResult>> ListForInstanceAsync(
        Guid? instanceId, ClaimsPrincipal user, ConsultationBook book, InstanceFacts facts, CancellationToken cancellationToken)
    {
        if (instanceId is not { } instance)
        {
            return Problems.BadRequest("instanceId", "Give the instance: ?instanceId=.");
        }
        if (!await facts.MayManageAsync(instance, user.ToActor(), cancellationToken))
        {
            throw new WorkflowForbiddenException("只有事项的发起人、承办人或系统管理员可以查看本事项的征求意见。");
        }
        var result = new List<ConsultationResponse>();
        foreach (var consultation in await book.ListForInstanceAsync(instance, cancellationToken))
        {
            result.Add(ConsultationResponse.From(consultation, await book.CommentsAsync(consultation.Id, cancellationToken), book.Now));
        }
        return TypedResults.Ok(result);
    }

    internal static async Task<Ok<ConsultationResponse>> GetAsync(
        Guid id, ClaimsPrincipal user, ConsultationAnswers answers, ConsultationBook book, CancellationToken cancellationToken)
    {
        var consultation = await answers.GetManagedAsync(id, user.ToActor(), cancellationToken);
        return TypedResults.Ok(ConsultationResponse.From(consultation, await book.CommentsAsync(id, cancellationToken), book.Now));
    }

    internal static async Task<Ok<List<CommentResponse>>> ListCommentsAsync(
        Guid id, ClaimsPrincipal user, ConsultationAnswers answers, ConsultationBook book, CancellationToken cancellationToken)
    {
        await answers.GetManagedAsync(id, user.ToActor(), cancellationToken);
        return TypedResults.Ok((await book.CommentsAsync(id, cancellationToken)).Select(CommentResponse.From).ToList());
    }

    internal static async Task<Ok<CommentResponse>> RecordAdoptionAsync(
        Guid id, Guid commentId, AdoptionRequest request, ClaimsPrincipal user, ConsultationAnswers answers, CancellationToken cancellationToken) =>
        TypedResults.Ok(CommentResponse.From(await answers.RecordAdoptionAsync(id, commentId, request.Decision, request.Reason, user.ToActor(), cancellationToken)));

    internal static async Task<Ok<ConsultationResponse>> PublishFeedbackAsync(
        Guid id, FeedbackRequest request, ClaimsPrincipal user, ConsultationAnswers answers, ConsultationBook book, CancellationToken cancellationToken)
    {
        var consultation = await answers.PublishFeedbackAsync(id, request.Summary, user.ToActor(), cancellationToken);
        return TypedResults.Ok(ConsultationResponse.From(consultation, await book.CommentsAsync(id, cancellationToken), book.Now));
    }

    private static ProblemHttpResult NotFound(Guid id) => Problems.NotFound($"征求意见 {id} 不存在。");
}
