using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workflows.Activities.Documents;
using Workflows.Engine.Runtime;
using Workflows.Procedures.PublicConsultation.Persistence;

namespace Workflows.Procedures.PublicConsultation;

/// <summary>
/// The lead unit's answer to a consultation (Decree 713 art. 15): the adoption of each comment, with
/// its reason, and the published feedback summary. Open to the case's owners (an admin, the instance's
/// starter, holders of its open tasks) until the step that answers the consultation completes.
/// </summary>
public sealed class ConsultationAnswers(
    IDbContextFactory<ConsultationsDbContext> dbFactory,
    ConsultationBook book,
    InstanceFacts facts,
    DocumentStore documents,
    IWorkflowJournal journal,
    IOptions<PublicConsultationOptions> options)
{
    public const string AdoptionJournalKind = "PublicCommentAdoptionRecorded";
    public const string FeedbackJournalKind = "ConsultationFeedbackPublished";

    /// <summary>The document kind the feedback summary is filed under, so it goes into the dossier.</summary>
    public const string FeedbackDocumentKind = "consultation-feedback";

    /// <summary>The consultation, when <paramref name="actor"/> may manage it.</summary>
    /// <exception cref="WorkflowNotFoundException">No such consultation.</exception>
    /// <exception cref="WorkflowForbiddenException">Not one of the case's owners.</exception>
    public async Task<Consultation> GetManagedAsync(Guid consultationId, WorkflowActor actor, CancellationToken cancellationToken)
    {
        var consultation = await book.FindAsync(consultationId, cancellationToken)
            ?? throw new WorkflowNotFoundException($"征求意见 {consultationId} 不存在。");
        if (!await facts.MayManageAsync(consultation.InstanceId, actor, cancellationToken))
        {
            throw new WorkflowForbiddenException("只有事项的发起人、承办人或系统管理员可以处理本次征求意见。");
        }
        return consultation;
    }

    public async Task<ConsultationComment> RecordAdoptionAsync(
        Guid consultationId, Guid commentId, string? decision, string? reason, WorkflowActor actor, CancellationToken cancellationToken)
    {
        var errors = new List<ValidationError>();
        if (!AdoptionDecisions.TryParse(decision, out var parsed))
        {
            errors.Add(new("decision", $"采纳情况须为 {AdoptionDecisions.Expected}。"));
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            errors.Add(new("reason", "请说明采纳或不予采纳的理由。"));
        }
        else if (reason.Length > AdoptionDecisions.MaxReasonLength)
        {
            errors.Add(new("reason", $"理由不能超过 {AdoptionDecisions.MaxReasonLength} 字。"));
        }
        ThrowIfAny(errors);

        var consultation = await GetManagedAsync(consultationId, actor, cancellationToken);
        EnsureNotFinal(consultation);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var comment = await db.Comments.SingleOrDefaultAsync(c => c.Id == commentId && c.ConsultationId == consultationId, cancellationToken)
            ?? throw new WorkflowNotFoundException($"本次征求意见中没有编号为 {commentId} 的意见。");

        await journal.AppendAsync(consultation.InstanceId, AdoptionJournalKind, consultation.ActivityId, new JsonObject
        {
            ["consultationId"] = consultationId.ToString(),
            ["commentId"] = commentId.ToString(),
            ["number"] = comment.Number,
            ["decision"] = AdoptionDecisions.Name(parsed!.Value),
            ["reason"] = reason!.Trim(),
        }, actor, cancellationToken);
        comment.Decision = parsed;
        comment.DecisionReason = reason.Trim();
        comment.DecidedBy = actor.UserName;
        comment.DecidedAt = book.Now;
        await db.SaveChangesAsync(cancellationToken);
        return comment;
    }

    /// <summary>
    /// Publishes 反馈采纳情况和理由: stored as a document of kind <c>consultation-feedback</c> (so it is in
    /// the dossier, journalled by hash) and shown on the public page once the consultation has closed.
    /// Publishing again replaces what the public page shows; every version stays in the dossier.
    /// </summary>
    public async Task<Consultation> PublishFeedbackAsync(Guid consultationId, string? summary, WorkflowActor actor, CancellationToken cancellationToken)
    {
        var max = options.Value.MaxPublishedTextLength;
        if (string.IsNullOrWhiteSpace(summary))
        {
            ThrowIfAny([new("summary", "请填写反馈采纳情况和理由。")]);
        }
        else if (summary.Length > max)
        {
            ThrowIfAny([new("summary", $"反馈采纳情况和理由不能超过 {max} 字。")]);
        }
        else if (CommentRules.ContainsMarkup(summary))
        {
            ThrowIfAny([new("summary", "反馈采纳情况和理由将公开发布，不接受 HTML 或其他标记，请以纯文本填写。")]);
        }

        var consultation = await GetManagedAsync(consultationId, actor, cancellationToken);
        EnsureNotFinal(consultation);
        var text = summary!.Trim();
        var document = await documents.AddAsync(new DocumentUpload(
            "反馈采纳情况和理由.txt",
            "text/plain; charset=utf-8",
            new MemoryStream(Encoding.UTF8.GetBytes(text)),
            FeedbackDocumentKind,
            consultation.InstanceId,
            consultation.Subject,
            consultation.ActivityId,
            $"《{consultation.Title}》征求意见反馈采纳情况和理由"), actor, cancellationToken);
        await journal.AppendAsync(consultation.InstanceId, FeedbackJournalKind, consultation.ActivityId, new JsonObject
        {
            ["consultationId"] = consultationId.ToString(),
            ["documentId"] = document.Id.ToString(),
            ["sha256"] = document.Sha256,
            ["publishedAt"] = book.Now.ToString("O", CultureInfo.InvariantCulture),
        }, actor, cancellationToken);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.Consultations.SingleAsync(c => c.Id == consultationId, cancellationToken);
        stored.FeedbackSummary = text;
        stored.FeedbackDocumentId = document.Id;
        stored.FeedbackPublishedAt = book.Now;
        stored.FeedbackPublishedBy = actor.UserName;
        await db.SaveChangesAsync(cancellationToken);
        return stored;
    }

    /// <summary>Once the answering step has completed, the record it answered for may not change under it.</summary>
    private void EnsureNotFinal(Consultation consultation)
    {
        if (consultation.FinalizedAt is { } at)
        {
            throw new WorkflowConflictException(
                $"公众参与环节已于 {book.DayOf(at):yyyy-MM-dd} 办结，采纳情况和反馈不能再更改。");
        }
    }

    private static void ThrowIfAny(IReadOnlyList<ValidationError> errors)
    {
        if (errors.Count > 0)
        {
            throw new WorkflowValidationException(string.Join(" ", errors.Select(e => e.Message)), errors);
        }
    }
}
