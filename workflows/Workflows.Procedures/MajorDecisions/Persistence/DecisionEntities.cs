namespace Workflows.Procedures.MajorDecisions.Persistence;

public enum DecisionStatus
{
    /// <summary>Proposed; the decision body has not decided whether to start (启动).</summary>
    Proposed,
    NotStarted,
    InProgress,
    Adopted,
    Published,
    Rejected,
    Terminated,
    Archived,
    Cancelled,
}

/// <summary>
/// A major decision matter (决策事项) in the register. Its id is its workflow instance's id; every
/// column after the proposal is projected from the instance's journal, which stays the truth.
/// </summary>
public sealed class Decision
{
    public Guid Id { get; set; }
    public required string Title { get; set; }
    public int CatalogueYear { get; set; }
    public Guid? CatalogueItemId { get; set; }
    public required string DecisionBody { get; set; }
    public string? ProposerUnit { get; set; }
    public string? ProposedBy { get; set; }
    public DateTimeOffset ProposedAt { get; set; }
    public bool MarketActorsAffected { get; set; }

    /// <summary>The decision this one adjusts (art. 37): an adjustment runs the whole procedure again.</summary>
    public Guid? AdjustsDecisionId { get; set; }

    public DecisionStatus Status { get; set; }

    /// <summary>The steps the instance waits in, comma-separated activity ids.</summary>
    public string? Stage { get; set; }
    public string? LeadUnit { get; set; }
    public bool? PublicParticipation { get; set; }
    public bool? Hearing { get; set; }
    public bool? ExpertConsultation { get; set; }
    public bool? RiskAssessment { get; set; }
    public string? RiskLevel { get; set; }
    public string? LegalityOpinion { get; set; }
    public string? MeetingOutcome { get; set; }
    public DateOnly? DecidedOn { get; set; }
    public DateOnly? PublishedOn { get; set; }

    /// <summary>The last journal entry projected into the register.</summary>
    public long SyncedSequence { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>One record of the procedure (start decision, risk assessment, legality opinion, minutes ...) as the journal holds it.</summary>
public sealed class DecisionRecord
{
    public Guid Id { get; set; }
    public Guid DecisionId { get; set; }

    /// <summary>The journal entry it comes from: one record per entry.</summary>
    public long Sequence { get; set; }

    /// <summary>The activity id, or the journal kind for compiled records (<c>ProcedureStatementCompiled</c>).</summary>
    public required string Kind { get; set; }
    public Guid? TaskId { get; set; }

    /// <summary>The record as JSON.</summary>
    public required string Content { get; set; }
    public string? RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}
