namespace Workflows.Procedures.AnnualReport;

/// <summary>The stable names of <c>annual-report.bpmn</c>: persisted in journals, documents and URLs.</summary>
public static class AnnualReportSteps
{
    public const string DefinitionKey = "annual-report";

    public const string GenerateDraft = "generate-draft";
    public const string Drafting = "drafting";
    public const string LegalReview = "legal-review";
    public const string LeaderApproval = "leader-approval";
    public const string Submission = "submission";
    public const string Publication = "publication";

    /// <summary>The case document kind of a draft, generated or uploaded while drafting.</summary>
    public const string DraftKind = "annual-report-draft";

    /// <summary>The activity type (<c>fz:type</c>) that counts the figures and writes the draft.</summary>
    public const string DraftActivityType = "annual-report-draft";

    /// <summary>The outbox message that writes the draft once the step that asked for it has committed.</summary>
    public const string DraftOutboxType = "annual-report.draft";

    /// <summary>The year reported on, set by the duty (<c>CoversPreviousYear</c>) or by a start by hand.</summary>
    public const string CoveredYear = "coveredYear";

    public const string SubmissionRecord = "submission";
    public const string PublicationRecord = "publication";
    public const string ReviewOpinion = "reviewOpinion";
    public const string ApprovalOpinion = "approvalOpinion";

    /// <summary>The bodies the government reports to (Supervision Rules art. 24).</summary>
    public static readonly IReadOnlyDictionary<string, string> Recipients = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["party-committee"] = "同级党委",
        ["congress-standing-committee"] = "同级人大常委会",
        ["higher-government"] = "上一级人民政府",
    };

    /// <summary>The two the report must reach before it may be published.</summary>
    public static readonly IReadOnlyList<string> RequiredRecipients = ["party-committee", "congress-standing-committee"];

    /// <summary>The five parts of the report, in order (RULES.md section 3).</summary>
    public static readonly IReadOnlyList<string> Parts =
    [
        "一、主要举措和成效",
        "二、存在的不足和原因",
        "三、党政主要负责人履行推进法治建设第一责任人职责情况",
        "四、下一年度推进法治政府建设的主要安排",
        "五、其他需要报告的情况",
    ];
}
