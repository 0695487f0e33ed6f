using System.Text.Json.Nodes;
using Workflows.Activities.Documents;
using Workflows.Engine.Runtime;
using Workflows.Procedures.MajorDecisions;
using Workflows.Procedures.MajorDecisions.Persistence;

namespace Workflows.Host.MajorDecisions;

public sealed record DecisionApplicability(bool? PublicParticipation, bool? Hearing, bool? ExpertConsultation, bool? RiskAssessment);

public sealed record DecisionResponse(
    Guid Id,
    string Title,
    int CatalogueYear,
    Guid? CatalogueItemId,
    string DecisionBody,
    string? ProposerUnit,
    string? ProposedBy,
    DateTimeOffset ProposedAt,
    bool MarketActorsAffected,
    Guid? AdjustsDecisionId,
    DecisionStatus Status,
    IReadOnlyList<string> Stage,
    string? LeadUnit,
    DecisionApplicability Applicability,
    string? RiskLevel,
    string? LegalityOpinion,
    string? MeetingOutcome,
    DateOnly? DecidedOn,
    DateOnly? PublishedOn)
{
    public static DecisionResponse From(Decision d) => new(
        d.Id, d.Title, d.CatalogueYear, d.CatalogueItemId, d.DecisionBody, d.ProposerUnit, d.ProposedBy, d.ProposedAt, d.MarketActorsAffected,
        d.AdjustsDecisionId, d.Status, string.IsNullOrEmpty(d.Stage) ? [] : d.Stage.Split(','), d.LeadUnit,
        new DecisionApplicability(d.PublicParticipation, d.Hearing, d.ExpertConsultation, d.RiskAssessment),
        d.RiskLevel, d.LegalityOpinion, d.MeetingOutcome, d.DecidedOn, d.PublishedOn);
}

public sealed record DecisionRecordResponse(long Sequence, string Kind, string Step, string? RecordedBy, DateTimeOffset RecordedAt, JsonNode? Content)
{
    public static DecisionRecordResponse From(DecisionRecord r) =>
        new(r.Sequence, r.Kind, DecisionSteps.NameOf(r.Kind), r.RecordedBy, r.RecordedAt, JsonNode.Parse(r.Content));
}

public sealed record OpenStepResponse(Guid TaskId, string ActivityId, string Name, string? Assignee, IReadOnlyList<string> CandidateGroups, DateTimeOffset? DueAt, DateTimeOffset? EarliestCompletion)
{
    public static OpenStepResponse From(TaskView t) =>
        new(t.Id, t.ActivityId, DecisionSteps.NameOf(t.ActivityId), t.Assignee, t.CandidateGroups, t.DueAt, t.EarliestCompletion);
}

public sealed record DecisionDocumentResponse(Guid Id, string Kind, string KindName, string? Title, string FileName, long Size, string Sha256, string UploadedBy, DateTimeOffset UploadedAt)
{
    public static DecisionDocumentResponse From(StoredDocument d) =>
        new(d.Id, d.Kind, DecisionDocumentKinds.Names.GetValueOrDefault(d.Kind, d.Kind), d.Title, d.FileName, d.Size, d.Sha256, d.UploadedBy, d.UploadedAt);
}

public sealed record DecisionDetailResponse(
    DecisionResponse Decision,
    IReadOnlyList<OpenStepResponse> OpenSteps,
    IReadOnlyList<DecisionRecordResponse> Records,
    IReadOnlyList<DecisionDocumentResponse> Documents);
