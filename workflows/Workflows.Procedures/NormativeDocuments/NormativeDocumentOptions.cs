using Workflows.Engine.Calendar;

namespace Workflows.Procedures.NormativeDocuments;

/// <summary>
/// One issuing body (制定机关) of normative documents: the "three unifications" give each one
/// register, one numbering sequence and one issuing channel.
/// </summary>
public sealed class IssuingBodyOptions
{
    /// <summary>Its name as printed in the catalogue, e.g. 县人民政府.</summary>
    public string Name { get; set; } = "";

    /// <summary>The number prefix: <c>柳江规</c> gives <c>柳江规〔2026〕3号</c>.</summary>
    public string Prefix { get; set; } = "";

    /// <summary>The one official channel its documents are published on (统一发布载体), e.g. 县人民政府门户网站.</summary>
    public string Channel { get; set; } = "";
}

/// <summary>
/// Settings of the normative-document procedure (<c>Workflows:NormativeDocuments</c>). The
/// defaults are the national rules of RULES.md section 2; those marked [local] there vary by
/// province and are settings for that reason.
/// </summary>
public sealed class NormativeDocumentOptions
{
    public const string Section = "Workflows:NormativeDocuments";

    /// <summary>The statutory cap on validity [local, Mile plan item 11]; a deployment may lower it, never raise it.</summary>
    public const int StatutoryMaxValidityYears = 5;

    /// <summary>Issuing bodies by unit code (the account units' codes).</summary>
    public Dictionary<string, IssuingBodyOptions> Issuers { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Public comment for documents with major impact on rights: at least 7 working days [local].</summary>
    public string CommentPeriod { get; set; } = "7WD";

    /// <summary>Documents closely tied to businesses: at least 30 days (Business Environment Regs art. 62).</summary>
    public string BusinessCommentPeriod { get; set; } = "30D";

    /// <summary>Legality review (合法性审核): the reviewer gets at least this many working days ...</summary>
    public int LegalityReviewMinimumWorkingDays { get; set; } = 5;

    /// <summary>... and at most this many [national guidance, confirm locally].</summary>
    public int LegalityReviewMaximumWorkingDays { get; set; } = 15;

    /// <summary>Publication after the decision: within 20 working days (Open Government Information Regs art. 26).</summary>
    public string PublicationPeriod { get; set; } = "20WD";

    /// <summary>Filing with the higher government and the people's congress standing committee: within 30 days of publication [local].</summary>
    public string FilingPeriod { get; set; } = "30D";

    /// <summary>Validity when a document names none; at most <see cref="MaxValidityYears"/>.</summary>
    public int DefaultValidityYears { get; set; } = 5;

    /// <summary>The longest validity a document may be given here (at most 5 years).</summary>
    public int MaxValidityYears { get; set; } = StatutoryMaxValidityYears;

    /// <summary>How long before expiry the issuing body is asked to evaluate the document.</summary>
    public int EvaluationMonthsBeforeExpiry { get; set; } = 6;

    /// <summary>Clean-up rounds (清理) start by themselves this often [local, Mile plan]; 0 turns that off (rounds on demand only).</summary>
    public int CleanupIntervalYears { get; set; } = 2;

    /// <summary>Local time of the daily validity check.</summary>
    public TimeOnly DailyCheckTime { get; set; } = new(1, 0);

    /// <summary>Problems with the settings, each naming its key; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!LegalPeriod.TryParse(CommentPeriod, PeriodKind.Minimum, out _))
        {
            problems.Add($"{Section}:CommentPeriod '{CommentPeriod}' is not a period such as 7WD.");
        }
        if (!LegalPeriod.TryParse(BusinessCommentPeriod, PeriodKind.Minimum, out var business)
            || business is { Unit: PeriodUnit.CalendarDays, Amount: < 30 })
        {
            problems.Add($"{Section}:BusinessCommentPeriod '{BusinessCommentPeriod}' must be a period of at least 30 days (30D).");
        }
        if (LegalityReviewMinimumWorkingDays < 1 || LegalityReviewMaximumWorkingDays < LegalityReviewMinimumWorkingDays)
        {
            problems.Add($"{Section}:LegalityReviewMinimumWorkingDays must be at least 1 and not above LegalityReviewMaximumWorkingDays.");
        }
        if (!LegalPeriod.TryParse(PublicationPeriod, PeriodKind.Maximum, out _))
        {
            problems.Add($"{Section}:PublicationPeriod '{PublicationPeriod}' is not a period such as 20WD.");
        }
        if (!LegalPeriod.TryParse(FilingPeriod, PeriodKind.Maximum, out _))
        {
            problems.Add($"{Section}:FilingPeriod '{FilingPeriod}' is not a period such as 30D.");
        }
        if (MaxValidityYears is < 1 or > StatutoryMaxValidityYears)
        {
            problems.Add($"{Section}:MaxValidityYears must be 1 to {StatutoryMaxValidityYears}.");
        }
        if (DefaultValidityYears < 1 || DefaultValidityYears > MaxValidityYears)
        {
            problems.Add($"{Section}:DefaultValidityYears must be 1 to MaxValidityYears.");
        }
        if (EvaluationMonthsBeforeExpiry is < 1 or > 24)
        {
            problems.Add($"{Section}:EvaluationMonthsBeforeExpiry must be 1 to 24.");
        }
        if (CleanupIntervalYears is < 0 or > 10)
        {
            problems.Add($"{Section}:CleanupIntervalYears must be 0 (off) to 10.");
        }
        foreach (var (code, issuer) in Issuers)
        {
            if (string.IsNullOrWhiteSpace(issuer.Name) || string.IsNullOrWhiteSpace(issuer.Prefix) || string.IsNullOrWhiteSpace(issuer.Channel))
            {
                problems.Add($"{Section}:Issuers:{code} needs Name, Prefix and Channel.");
            }
        }
        return problems;
    }
}
