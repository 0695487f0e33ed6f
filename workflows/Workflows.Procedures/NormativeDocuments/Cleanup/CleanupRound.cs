namespace Workflows.Procedures.NormativeDocuments.Cleanup;

/// <summary>
/// A clean-up round (清理) of one issuing body's documents: every document in force when it
/// starts is in scope and gets a decision (keep / amend / repeal); the result is then published
/// and repeals take effect.
/// </summary>
public sealed class CleanupRound
{
    public Guid Id { get; set; }
    public required string IssuerCode { get; set; }
    public required string Title { get; set; }
    public DateOnly StartedOn { get; set; }
    public required string StartedBy { get; set; }

    /// <summary><c>scheduled</c> (every CleanupIntervalYears) or <c>on-demand</c> (e.g. a reform requires it).</summary>
    public required string Trigger { get; set; }
    public DateOnly? PublishedOn { get; set; }
    public string? PublicationUrl { get; set; }
    public string? PublishedBy { get; set; }
    public int Revision { get; set; }
    public List<CleanupItem> Items { get; set; } = [];
}

public sealed class CleanupItem
{
    public Guid RoundId { get; set; }
    public Guid DocumentId { get; set; }

    /// <summary>Null until decided; then one of <see cref="CleanupDecisions"/>.</summary>
    public string? Decision { get; set; }
    public string? Reason { get; set; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
}

public static class CleanupDecisions
{
    public const string Keep = "keep";
    public const string Amend = "amend";
    public const string Repeal = "repeal";

    public static readonly IReadOnlyDictionary<string, string> ChineseNames = new Dictionary<string, string>
    {
        [Keep] = "继续有效",
        [Amend] = "修改",
        [Repeal] = "废止",
    };
}
