using Workflows.Procedures.NormativeDocuments.Cleanup;
using Workflows.Procedures.NormativeDocuments.Register;

namespace Workflows.Host.NormativeDocuments;

public sealed record FilingResponse(string Authority, string AuthorityName, DateOnly FiledOn, DateOnly DueOn, bool OnTime, string? Reference, string RecordedBy)
{
    public static FilingResponse From(FilingRecord f) =>
        new(f.Authority, FilingAuthorities.ChineseNames.GetValueOrDefault(f.Authority, f.Authority), f.FiledOn, f.DueOn, f.OnTime, f.Reference, f.RecordedBy);
}

public sealed record ValidityPeriodResponse(int Index, DateOnly EffectiveOn, DateOnly ExpiresOn, int Years, string? Evaluation, string RecordedBy);

public sealed record RegisterHistoryResponse(DateTimeOffset At, string Kind, string Actor, string? Data);

/// <param name="InForce">Whether it may be relied on today: published, not expired or repealed, and effective.</param>
public sealed record NormativeDocumentResponse(
    Guid Id,
    Guid InstanceId,
    string? Number,
    string Title,
    string Issuer,
    string IssuerName,
    string DraftUnit,
    string Status,
    string StatusText,
    bool InForce,
    bool BusinessRelated,
    bool MarketActorsAffected,
    bool PublicCommentExempt,
    string? PublicCommentExemptReason,
    int ValidityYears,
    DateOnly StartedOn,
    DateOnly? RegisteredOn,
    DateOnly? PublishedOn,
    DateOnly? EffectiveOn,
    DateOnly? ExpiresOn,
    DateOnly? FiledOn,
    DateOnly? ExpiredOn,
    DateOnly? RepealedOn,
    string? FairCompetitionResult,
    string? FairCompetitionConclusion,
    string? LegalityResult,
    string? LegalityOpinion,
    string? PublicationChannel,
    string? PublicationUrl,
    bool FiledLate,
    string? AbandonedReason,
    IReadOnlyList<FilingResponse> Filings,
    IReadOnlyList<ValidityPeriodResponse>? ValidityPeriods = null,
    IReadOnlyList<RegisterHistoryResponse>? History = null)
{
    public static NormativeDocumentResponse From(NormativeDocument d, bool inForce, IReadOnlyList<RegisterHistoryEntry>? history = null) => new(
        d.Id, d.InstanceId, d.Number, d.Title, d.IssuerCode, d.IssuerName, d.DraftUnit,
        DocumentStatusNames.Of(d.Status), DocumentStatusNames.ChineseOf(d.Status), inForce,
        d.BusinessRelated, d.MarketActorsAffected, d.PublicCommentExempt, d.PublicCommentExemptReason, d.ValidityYears,
        d.StartedOn, d.RegisteredOn, d.PublishedOn, d.EffectiveOn, d.ExpiresOn, d.FiledOn, d.ExpiredOn, d.RepealedOn,
        d.FairCompetitionResult, d.FairCompetitionConclusion, d.LegalityResult, d.LegalityOpinion,
        d.PublicationChannel, d.PublicationUrl, d.Filings.Any(f => !f.OnTime), d.AbandonedReason,
        [.. d.Filings.OrderBy(f => f.FiledOn).Select(FilingResponse.From)],
        history is null ? null : [.. d.ValidityPeriods.OrderBy(p => p.Index).Select(p => new ValidityPeriodResponse(p.Index, p.EffectiveOn, p.ExpiresOn, p.Years, p.Evaluation, p.RecordedBy))],
        history?.Select(h => new RegisterHistoryResponse(h.At, h.Kind, h.Actor, h.Data)).ToList());
}

public sealed record CleanupItemResponse(Guid DocumentId, string? Decision, string? DecisionText, string? Reason, string? DecidedBy);

public sealed record CleanupRoundResponse(
    Guid Id, string Issuer, string Title, DateOnly StartedOn, string StartedBy, string Trigger, DateOnly? PublishedOn, string? PublicationUrl,
    IReadOnlyList<CleanupItemResponse> Items)
{
    public static CleanupRoundResponse From(CleanupRound r) => new(
        r.Id, r.IssuerCode, r.Title, r.StartedOn, r.StartedBy, r.Trigger, r.PublishedOn, r.PublicationUrl,
        [.. r.Items.Select(i => new CleanupItemResponse(i.DocumentId, i.Decision,
            i.Decision is null ? null : CleanupDecisions.ChineseNames.GetValueOrDefault(i.Decision), i.Reason, i.DecidedBy))]);
}

public sealed record IssuerResponse(string Code, string Name, string Prefix, string Channel);
