using Workflows.Activities.Documents;
using Workflows.Procedures.PublicConsultation;

namespace Workflows.Host.PublicConsultation;

public sealed record CommentRequest(string? Name, string? Contact, string? Content);

public sealed record AdoptionRequest(string? Decision, string? Reason);

public sealed record FeedbackRequest(string? Summary);

/// <summary>A consultation open for comment, as the public list shows it.</summary>
public sealed record PublicConsultationListItem(
    Guid Id, string Title, string Subject, string Period, DateTimeOffset OpenedAt, DateOnly LastDay, DateTimeOffset ClosesAt,
    string Explanation, string DraftUrl, string CommentsUrl)
{
    public static PublicConsultationListItem From(Consultation c) => new(
        c.Id, c.Title, c.Subject, c.Period, c.OpenedAt, c.LastDay, c.ClosesAt, c.Explanation,
        PublicConsultationApi.DraftUrl(c.Id), PublicConsultationApi.CommentsUrl(c.Id));
}

public sealed record PublicDraft(string FileName, string ContentType, long Size, string Sha256, string Url);

public sealed record PublicFeedback(string Summary, DateTimeOffset PublishedAt);

/// <summary>A comment as published after closing: what was said and what became of it, never who said it or how to reach them.</summary>
public sealed record PublicCommentOutcome(int Number, string Content, DateTimeOffset SubmittedAt, string? Decision, string? DecisionText, string? Reason);

/// <summary>The public page of a consultation; the feedback and the outcomes appear once it has closed.</summary>
public sealed record PublicConsultationDetail(
    Guid Id, string Title, string Subject, string Period, DateTimeOffset OpenedAt, DateOnly LastDay, DateTimeOffset ClosesAt,
    string Status, DateTimeOffset? ClosedEarlyAt, string? EarlyCloseReason, string Explanation, PublicDraft? Draft, string CommentsUrl,
    int CommentCount, PublicFeedback? Feedback, IReadOnlyList<PublicCommentOutcome>? Comments)
{
    public static PublicConsultationDetail From(Consultation c, StoredDocument? draft, IReadOnlyList<ConsultationComment> comments, DateTimeOffset now)
    {
        var closed = c.IsClosed(now);
        return new(
            c.Id, c.Title, c.Subject, c.Period, c.OpenedAt, c.LastDay, c.ClosesAt, closed ? "closed" : "open", c.ClosedEarlyAt, c.EarlyCloseReason,
            c.Explanation,
            draft is null ? null : new PublicDraft(draft.FileName, draft.ContentType, draft.Size, draft.Sha256, PublicConsultationApi.DraftUrl(c.Id)),
            PublicConsultationApi.CommentsUrl(c.Id),
            comments.Count,
            closed && c.FeedbackSummary is { } summary && c.FeedbackPublishedAt is { } at ? new PublicFeedback(summary, at) : null,
            closed ? [.. comments.Select(x => new PublicCommentOutcome(
                x.Number, x.Content, x.SubmittedAt,
                x.Decision is { } d ? AdoptionDecisions.Name(d) : null,
                x.Decision is { } t ? AdoptionDecisions.ChineseName(t) : null,
                x.DecisionReason))] : null);
    }
}

public sealed record PublicCommentReceipt(Guid Id, int Number, DateTimeOffset SubmittedAt, string Message);

/// <summary>The lead unit's view of a consultation.</summary>
public sealed record ConsultationResponse(
    Guid Id, Guid InstanceId, string DefinitionKey, string? BusinessKey, string ActivityId, string Title, string Subject, string Period,
    DateTimeOffset OpenedAt, DateOnly LastDay, DateTimeOffset ClosesAt, string Status, DateTimeOffset? ClosedEarlyAt, string? EarlyCloseReason,
    DateTimeOffset? FinalizedAt, string Explanation, Guid DraftDocumentId,
    int Comments, int Adopted, int Partly, int NotAdopted, int Pending,
    string? FeedbackSummary, Guid? FeedbackDocumentId, DateTimeOffset? FeedbackPublishedAt, string? FeedbackPublishedBy)
{
    public static ConsultationResponse From(Consultation c, IReadOnlyList<ConsultationComment> comments, DateTimeOffset now)
    {
        int Count(AdoptionDecision? d) => comments.Count(x => x.Decision == d);
        return new(
            c.Id, c.InstanceId, c.DefinitionKey, c.BusinessKey, c.ActivityId, c.Title, c.Subject, c.Period,
            c.OpenedAt, c.LastDay, c.ClosesAt, c.IsClosed(now) ? "closed" : "open", c.ClosedEarlyAt, c.EarlyCloseReason,
            c.FinalizedAt, c.Explanation, c.DraftDocumentId,
            comments.Count, Count(AdoptionDecision.Adopted), Count(AdoptionDecision.Partly), Count(AdoptionDecision.NotAdopted), Count(null),
            c.FeedbackSummary, c.FeedbackDocumentId, c.FeedbackPublishedAt, c.FeedbackPublishedBy);
    }
}

/// <summary>A comment as the lead unit sees it, contact details included.</summary>
public sealed record CommentResponse(
    Guid Id, int Number, string? Name, string? Contact, string Content, DateTimeOffset SubmittedAt, string AddressHash,
    string? Decision, string? DecisionText, string? Reason, string? DecidedBy, DateTimeOffset? DecidedAt)
{
    public static CommentResponse From(ConsultationComment c) => new(
        c.Id, c.Number, c.Name, c.Contact, c.Content, c.SubmittedAt, c.AddressHash,
        c.Decision is { } d ? AdoptionDecisions.Name(d) : null,
        c.Decision is { } t ? AdoptionDecisions.ChineseName(t) : null,
        c.DecisionReason, c.DecidedBy, c.DecidedAt);
}
