namespace Workflows.Procedures.MajorDecisions.Records;

/// <summary>The statutory steps whose applicability the start decision records (keys inside <c>startDecision.applicability</c>).</summary>
public static class Applicability
{
    public const string PublicParticipation = "publicParticipation";
    public const string Hearing = "hearing";
    public const string ExpertConsultation = "expertConsultation";
    public const string RiskAssessment = "riskAssessment";

    public static readonly IReadOnlyList<string> All = [PublicParticipation, Hearing, ExpertConsultation, RiskAssessment];

    /// <summary>The activity that completes each step: experts are done when their adoption is recorded.</summary>
    public static string ActivityOf(string key) => key switch
    {
        PublicParticipation => DecisionSteps.PublicParticipation,
        Hearing => DecisionSteps.Hearing,
        ExpertConsultation => DecisionSteps.ExpertAdoption,
        RiskAssessment => DecisionSteps.RiskAssessment,
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, null),
    };

    public static string NameOf(string key) => key switch
    {
        PublicParticipation => "公众参与",
        Hearing => "听证",
        ExpertConsultation => "专家论证",
        RiskAssessment => "风险评估",
        _ => key,
    };

    public const int StatutoryCommentDays = 30;
}
