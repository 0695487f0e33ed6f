namespace Workflows.Procedures.MajorDecisions.Persistence;

public enum CatalogueStatus
{
    Draft,

    /// <summary>Published after the Party committee agreed; from then on it changes only by collective decision.</summary>
    Published,
}

/// <summary>The yearly catalogue of major decision matters (重大行政决策事项年度目录) of one decision body.</summary>
public sealed class DecisionCatalogue
{
    public int Year { get; set; }
    public required string DecisionBody { get; set; }
    public CatalogueStatus Status { get; set; }
    public DateOnly? PartyCommitteeAgreedOn { get; set; }
    public DateOnly? PublishedOn { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
}

public sealed class CatalogueItem
{
    public Guid Id { get; set; }
    public int Year { get; set; }

    /// <summary>序号 within the year, never reused.</summary>
    public int Number { get; set; }
    public required string Title { get; set; }
    public required string LeadUnit { get; set; }
    public string? LegalBasis { get; set; }
    public string? PlannedCompletion { get; set; }
    public string? Remarks { get; set; }
    public bool Removed { get; set; }
    public DateTimeOffset AddedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>Every change to a catalogue with its reason; after publication, the collective decision that made it.</summary>
public sealed class CatalogueChange
{
    public Guid Id { get; set; }
    public int Year { get; set; }
    public Guid? ItemId { get; set; }

    /// <summary><c>create</c>, <c>add</c>, <c>modify</c>, <c>remove</c> or <c>publish</c>.</summary>
    public required string Action { get; set; }
    public required string Reason { get; set; }
    public string? MeetingType { get; set; }
    public DateOnly? MeetingDate { get; set; }
    public string? MeetingReference { get; set; }

    /// <summary>The item as it was and as it became, JSON.</summary>
    public string? Before { get; set; }
    public string? After { get; set; }
    public required string ChangedBy { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
}
