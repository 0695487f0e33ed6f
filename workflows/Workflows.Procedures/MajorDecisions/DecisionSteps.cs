namespace Workflows.Procedures.MajorDecisions;

/// <summary>
/// The procedure's stable names: activity ids of <c>major-decision.bpmn</c>, the variables each
/// step's record lives in, and which step may write which variable. Persisted and used in URLs.
/// </summary>
public static class DecisionSteps
{
    public const string DefinitionKey = "major-decision";
    public const string EvaluateMessage = "major-decision-evaluate";

    public const string Proposal = "proposal";
    public const string Drafting = "drafting";
    public const string PublicParticipation = "public-participation";
    public const string Hearing = "hearing";
    public const string ExpertConsultation = "expert-consultation";
    public const string ExpertAdoption = "expert-adoption";
    public const string RiskAssessment = "risk-assessment";
    public const string LegalitySubmission = "legality-submission";
    public const string ProcedureStatement = "procedure-statement";
    public const string LegalityReview = "legality-review";
    public const string UnlawfulDisposition = "unlawful-disposition";
    public const string MeetingMaterials = "meeting-materials";
    public const string CompileMaterials = "compile-materials";
    public const string CollectiveDecision = "collective-decision";
    public const string PartyReport = "party-report";
    public const string Publication = "publication";
    public const string Execution = "execution";
    public const string ExecutionReport = "execution-report";
    public const string EvaluationTrigger = "evaluation-trigger";
    public const string EvaluationPeriod = "evaluation-period";
    public const string PostEvaluation = "post-evaluation";
    public const string Archive = "archive";
    public const string ForkParticipation = "fork-participation";

    /// <summary>Variables set when the instance starts (the proposal, art. 10).</summary>
    public static class Start
    {
        public const string Title = "title";
        public const string DecisionBody = "decisionBody";
        public const string CatalogueYear = "catalogueYear";
        public const string CatalogueItemId = "catalogueItemId";
        public const string Proposal = "proposal";
        public const string Adjusts = "adjusts";
    }

    /// <summary>Each recorded step's record variable.</summary>
    public static readonly IReadOnlyDictionary<string, string> RecordVariables = new Dictionary<string, string>
    {
        [Proposal] = "startDecision",
        [Drafting] = "drafting",
        [RiskAssessment] = "riskAssessment",
        [LegalitySubmission] = "legalitySubmission",
        [LegalityReview] = "legalityOpinion",
        [UnlawfulDisposition] = "unlawfulDisposition",
        [MeetingMaterials] = "materialsConfirmation",
        [CollectiveDecision] = "meetingRecord",
        [PartyReport] = "partyReport",
        [Publication] = "publication",
        [ExecutionReport] = "executionReport",
        [PostEvaluation] = "postEvaluation",
        [Archive] = "archive",
    };

    /// <summary>Variables the drafting step writes beside its record: the consultation reads them (contract with the consult module).</summary>
    public const string DraftDocumentId = "draftDocumentId";
    public const string Explanation = "explanation";

    /// <summary>
    /// Variables only the process itself (start, scripts, service tasks, the evaluation message) or
    /// one named step may write. A completion that tries to set any other one is refused, so no step
    /// can rewrite the applicability, a risk level or a legality opinion after the fact.
    /// </summary>
    public static readonly IReadOnlySet<string> Protected = new HashSet<string>(RecordVariables.Values, StringComparer.Ordinal)
    {
        Start.Title, Start.DecisionBody, Start.CatalogueYear, Start.CatalogueItemId, Start.Proposal, Start.Adjusts,
        "leadUnit", "commentPeriod", "expertFields", "expertCount", "revisionFor",
        DraftDocumentId, Explanation, "procedureStatement", "meetingMaterials", "publicationDue",
        "executingUnit", "evaluatorUnit", "reportEvery", "evaluationAfter", "evaluationRequest",
        "consultationId", "experts",
    };

    /// <summary>The protected variables a step's completion may set.</summary>
    public static IReadOnlySet<string> WritableBy(string activityId) => activityId switch
    {
        Drafting => new HashSet<string> { "drafting", DraftDocumentId, Explanation },
        _ when RecordVariables.TryGetValue(activityId, out var variable) => new HashSet<string> { variable },
        _ => new HashSet<string>(),
    };

    /// <summary>Names people see, for messages and the dossier.</summary>
    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>
    {
        [Proposal] = "决策启动",
        [Drafting] = "拟订决策草案",
        [PublicParticipation] = "公众参与",
        [Hearing] = "听证",
        [ExpertConsultation] = "专家论证",
        [ExpertAdoption] = "专家意见采纳",
        [RiskAssessment] = "风险评估",
        [LegalitySubmission] = "送请合法性审查",
        [ProcedureStatement] = "法定程序履行情况说明",
        [LegalityReview] = "合法性审查",
        [UnlawfulDisposition] = "审查不合法的处理",
        [MeetingMaterials] = "集体讨论材料",
        [CompileMaterials] = "汇编集体讨论材料",
        [CollectiveDecision] = "集体讨论决定",
        [PartyReport] = "向党委请示报告",
        [Publication] = "公布",
        [Execution] = "决策执行",
        [ExecutionReport] = "执行情况报告",
        [EvaluationTrigger] = "等待决策后评估",
        [PostEvaluation] = "决策后评估",
        [Archive] = "归档",
    };

    public static string NameOf(string activityId) => Names.GetValueOrDefault(activityId, activityId);
}
