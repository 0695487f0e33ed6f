namespace Workflows.Procedures.NormativeDocuments.Register;

/// <summary>Where a document stands in the register. Persisted by <see cref="DocumentStatusNames"/>, never by number.</summary>
public enum DocumentStatus
{
    /// <summary>起草中: the procedure runs, no number yet.</summary>
    Drafting,

    /// <summary>已登记: numbered, not yet published — it may not be used as a basis for administration.</summary>
    Registered,

    /// <summary>已发布: published on the official channel, in force once effective.</summary>
    Published,

    /// <summary>已备案: published and filed with both bodies.</summary>
    Filed,

    /// <summary>已失效: its validity ran out.</summary>
    Expired,

    /// <summary>已废止: repealed in a clean-up round.</summary>
    Repealed,

    /// <summary>已延期: re-registered after evaluation with a new validity period.</summary>
    Extended,

    /// <summary>终止制定: stopped by a failed fair-competition review, an unlawful opinion or a rejection.</summary>
    Abandoned,
}

public static class DocumentStatusNames
{
    private static readonly Dictionary<DocumentStatus, (string Name, string Chinese)> Names = new()
    {
        [DocumentStatus.Drafting] = ("drafting", "起草中"),
        [DocumentStatus.Registered] = ("registered", "已登记"),
        [DocumentStatus.Published] = ("published", "现行有效"),
        [DocumentStatus.Filed] = ("filed", "现行有效"),
        [DocumentStatus.Expired] = ("expired", "已失效"),
        [DocumentStatus.Repealed] = ("repealed", "已废止"),
        [DocumentStatus.Extended] = ("extended", "现行有效（已延期）"),
        [DocumentStatus.Abandoned] = ("abandoned", "终止制定"),
    };

    public static string Of(DocumentStatus status) => Names[status].Name;

    public static string ChineseOf(DocumentStatus status) => Names[status].Chinese;

    public static bool TryParse(string? text, out DocumentStatus status)
    {
        foreach (var (key, value) in Names)
        {
            if (string.Equals(value.Name, text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                status = key;
                return true;
            }
        }
        status = default;
        return false;
    }

    public static IEnumerable<string> All => Names.Values.Select(v => v.Name);

    /// <summary>The states in which a published document is in force (subject to its dates).</summary>
    public static readonly IReadOnlyList<DocumentStatus> InForce = [DocumentStatus.Published, DocumentStatus.Filed, DocumentStatus.Extended];
}

/// <summary>
/// One normative document in the register (登记簿): the "one register" of the three
/// unifications. Created when drafting starts; the number, publication, filings and validity are
/// written by the register's own commands, each recorded in <see cref="RegisterHistoryEntry"/>.
/// </summary>
public sealed class NormativeDocument
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }
    public required string Title { get; set; }

    /// <summary>The issuing body's unit code (制定机关).</summary>
    public required string IssuerCode { get; set; }
    public required string IssuerName { get; set; }

    /// <summary>The drafting unit's code (起草单位).</summary>
    public required string DraftUnit { get; set; }
    public DocumentStatus Status { get; set; }

    /// <summary>Closely tied to businesses: at least 30 days of public comment.</summary>
    public bool BusinessRelated { get; set; }
    public bool MarketActorsAffected { get; set; }
    public bool PublicCommentExempt { get; set; }
    public string? PublicCommentExemptReason { get; set; }
    public int ValidityYears { get; set; }

    public string? Number { get; set; }
    public int? Year { get; set; }
    public int? Sequence { get; set; }

    /// <summary>The year the catalogue and the search file it under: the registration year, or the start year while drafting.</summary>
    public int CatalogueYear { get; set; }
    public DateOnly StartedOn { get; set; }
    public DateOnly? RegisteredOn { get; set; }
    public DateOnly? PublishedOn { get; set; }
    public DateOnly? FiledOn { get; set; }
    public DateOnly? EffectiveOn { get; set; }

    /// <summary>有效期至: the last day it is valid; from the day after, it has expired.</summary>
    public DateOnly? ExpiresOn { get; set; }
    public DateOnly? ExpiredOn { get; set; }
    public DateOnly? RepealedOn { get; set; }

    /// <summary><c>pass</c>, <c>fail</c>, or null when no market actors are affected.</summary>
    public string? FairCompetitionResult { get; set; }
    public string? FairCompetitionConclusion { get; set; }

    /// <summary><c>lawful</c> (after any rounds of changes), as the legal affairs office gave it.</summary>
    public string? LegalityResult { get; set; }
    public string? LegalityOpinion { get; set; }

    public string? PublicationChannel { get; set; }
    public string? PublicationUrl { get; set; }

    /// <summary>The expiry date for which the evaluation reminder went out, so it goes once per validity period.</summary>
    public DateOnly? EvaluationRemindedFor { get; set; }
    public string? AbandonedReason { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }

    /// <summary>Bumped by every change: two commands on one document cannot both win.</summary>
    public int Revision { get; set; }

    public List<FilingRecord> Filings { get; set; } = [];
    public List<ValidityPeriod> ValidityPeriods { get; set; } = [];
}

/// <summary>The bodies a document is filed with (备案).</summary>
public static class FilingAuthorities
{
    public const string HigherGovernment = "higher-government";
    public const string CongressStandingCommittee = "congress-standing-committee";

    public static readonly IReadOnlyDictionary<string, string> ChineseNames = new Dictionary<string, string>
    {
        [HigherGovernment] = "上一级人民政府",
        [CongressStandingCommittee] = "本级人大常委会",
    };
}

public sealed class FilingRecord
{
    public Guid Id { get; set; }
    public Guid DocumentId { get; set; }
    public required string Authority { get; set; }
    public DateOnly FiledOn { get; set; }

    /// <summary>The last day of the filing period, counted from publication on the statutory calendar.</summary>
    public DateOnly DueOn { get; set; }
    public bool OnTime { get; set; }
    public string? Reference { get; set; }
    public required string RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>A validity period: the first from publication, each further one from a re-registration (重新登记).</summary>
public sealed class ValidityPeriod
{
    public Guid Id { get; set; }
    public Guid DocumentId { get; set; }
    public int Index { get; set; }
    public DateOnly EffectiveOn { get; set; }
    public DateOnly ExpiresOn { get; set; }
    public int Years { get; set; }

    /// <summary>For a re-registration: the evaluation that supports the extension.</summary>
    public string? Evaluation { get; set; }
    public required string RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>The register's own history: what happened to a document outside (or after) its workflow instance.</summary>
public sealed class RegisterHistoryEntry
{
    public Guid Id { get; set; }
    public Guid DocumentId { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Kind { get; set; }
    public required string Actor { get; set; }
    public string? Data { get; set; }
}

/// <summary>The numbering counter of one issuing body in one year, advanced under its row lock.</summary>
public sealed class NumberSequence
{
    public required string IssuerCode { get; set; }
    public int Year { get; set; }
    public int LastValue { get; set; }
}
