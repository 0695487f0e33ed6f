namespace Workflows.Procedures.PublicConsultation;

/// <summary>
/// The public-comment adoption summary for meeting materials (Decree 713 art. 29) and the statement
/// of statutory steps done: what was asked, how many answered, what was adopted.
/// </summary>
public sealed record ConsultationSummary(
    Guid ConsultationId,
    string Title,
    string Subject,
    string Period,
    DateTimeOffset OpenedAt,
    DateOnly LastDay,
    bool Closed,
    DateTimeOffset? ClosedEarlyAt,
    string? EarlyCloseReason,
    int Comments,
    int Adopted,
    int Partly,
    int NotAdopted,
    int Pending,
    string? FeedbackSummary,
    Guid? FeedbackDocumentId,
    DateTimeOffset? FeedbackPublishedAt);

public sealed class ConsultationSummaries(ConsultationBook book)
{
    /// <summary>The instance's latest consultation, summarised; null when it has had none.</summary>
    public async Task<ConsultationSummary?> ForInstanceAsync(Guid instanceId, CancellationToken cancellationToken = default)
    {
        var consultation = (await book.ListForInstanceAsync(instanceId, cancellationToken)).FirstOrDefault();
        if (consultation is null)
        {
            return null;
        }
        var comments = await book.CommentsAsync(consultation.Id, cancellationToken);
        int Count(AdoptionDecision? decision) => comments.Count(c => c.Decision == decision);
        return new ConsultationSummary(
            consultation.Id, consultation.Title, consultation.Subject, consultation.Period, consultation.OpenedAt, consultation.LastDay,
            consultation.IsClosed(book.Now), consultation.ClosedEarlyAt, consultation.EarlyCloseReason,
            comments.Count, Count(AdoptionDecision.Adopted), Count(AdoptionDecision.Partly), Count(AdoptionDecision.NotAdopted), Count(null),
            consultation.FeedbackSummary, consultation.FeedbackDocumentId, consultation.FeedbackPublishedAt);
    }
}
