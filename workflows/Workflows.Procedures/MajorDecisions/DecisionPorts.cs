using System.Text.Json.Nodes;

namespace Workflows.Procedures.MajorDecisions;

/// <summary>The organisation's units (承办单位, 执行单位, 评估单位), which live with the accounts in the host.</summary>
public interface IUnitDirectory
{
    /// <summary>The unit's name, or null when no unit has this code.</summary>
    Task<string?> NameOfAsync(string unitCode, CancellationToken cancellationToken);
}

/// <summary>A summary the meeting materials carry (公众意见采纳情况, 专家论证意见采纳情况).</summary>
public sealed record ParticipationSummary(string Title, JsonNode Content, Guid? DocumentId = null);

/// <summary>
/// Where the adoption summaries of public participation and expert consultation come from. The
/// consultation module owns them; the default reads the summary documents the lead unit uploads.
/// </summary>
public interface IParticipationSummaries
{
    Task<ParticipationSummary?> PublicCommentAdoptionAsync(Guid instanceId, CancellationToken cancellationToken);

    Task<ParticipationSummary?> ExpertAdoptionAsync(Guid instanceId, CancellationToken cancellationToken);
}

/// <summary>The document kinds a decision's dossier holds; an upload must name one.</summary>
public static class DecisionDocumentKinds
{
    public const string Draft = "draft";
    public const string LegalityOpinion = "legality-opinion";
    public const string RiskReport = "risk-report";
    public const string FairCompetitionReview = "fair-competition-review";
    public const string PublicCommentAdoption = "public-comment-adoption";
    public const string ExpertAdoption = "expert-adoption";
    public const string EvaluationReport = "evaluation-report";

    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>
    {
        [Draft] = "决策草案",
        ["drafting-explanation"] = "起草说明",
        ["legal-basis"] = "法律政策依据",
        ["consultation-record"] = "征求有关单位意见记录",
        [PublicCommentAdoption] = "公众意见采纳情况",
        ["hearing-record"] = "听证笔录",
        ["expert-opinion"] = "专家论证意见",
        [ExpertAdoption] = "专家意见采纳情况",
        [RiskReport] = "风险评估报告",
        [LegalityOpinion] = "合法性审查意见书",
        [FairCompetitionReview] = "公平竞争审查意见",
        ["meeting-minutes"] = "会议纪要",
        ["party-report"] = "请示报告",
        ["publication"] = "公布文本",
        ["execution-report"] = "执行情况报告",
        [EvaluationReport] = "决策后评估报告",
        ["other"] = "其他材料",
    };
}
