using Workflows.Engine.Bpmn.Model;
using Workflows.Engine.Definitions;
using Workflows.Procedures.Experts;
using Workflows.Procedures.Hearings;
using Workflows.Procedures.PublicConsultation;

namespace Workflows.Procedures.MajorDecisions.Guards;

/// <summary>
/// Holds every published version of <c>major-decision</c> to its statutory gates. Admins adapt units,
/// due rules, ladders and layout, but each step of Decree 713 keeps its stable id and its guard: a
/// version whose legality review has lost its guard would lose the reviewer's seven working days and
/// the opinion check with it, and the meeting guard alone could not tell.
/// </summary>
public sealed class MajorDecisionProcessRule : IProcessRule
{
    /// <summary>Each gated step's activity id and the guard it must keep.</summary>
    public static readonly IReadOnlyDictionary<string, string> Gates = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [DecisionSteps.Proposal] = "decision-start",
        [DecisionSteps.Drafting] = "decision-draft",
        [DecisionSteps.PublicParticipation] = ConsultationFeedbackGuard.GuardKey,
        [DecisionSteps.Hearing] = HearingRecordGuard.GuardKey,
        [DecisionSteps.ExpertConsultation] = ExpertOpinionGuard.GuardKey,
        [DecisionSteps.ExpertAdoption] = ExpertAdoptionGuard.GuardKey,
        [DecisionSteps.RiskAssessment] = "decision-risk-assessment",
        [DecisionSteps.LegalitySubmission] = "decision-legality-submission",
        [DecisionSteps.LegalityReview] = "decision-legality-opinion",
        [DecisionSteps.MeetingMaterials] = "decision-meeting-materials",
        [DecisionSteps.CollectiveDecision] = "decision-meeting-record",
        [DecisionSteps.PartyReport] = "decision-party-report",
        [DecisionSteps.Publication] = "decision-publication",
        [DecisionSteps.ExecutionReport] = "decision-execution-report",
        [DecisionSteps.PostEvaluation] = "decision-post-evaluation",
        [DecisionSteps.Archive] = "decision-archive",
    };

    public IEnumerable<BpmnIssue> Validate(ProcessModel process)
    {
        if (process.Id != DecisionSteps.DefinitionKey)
        {
            yield break;
        }
        foreach (var (activityId, guard) in Gates)
        {
            var name = DecisionSteps.NameOf(activityId);
            if (!process.NodesById.TryGetValue(activityId, out var node) || node is not UserTask task)
            {
                yield return new BpmnIssue(activityId, node?.ElementType ?? "userTask",
                    $"重大行政决策程序须保留用户任务「{name}」（id {activityId}）：法定环节不能删除或改为其他类型。");
                continue;
            }
            var guards = (task.Extension("guard") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (!guards.Contains(guard, StringComparer.OrdinalIgnoreCase))
            {
                yield return new BpmnIssue(activityId, task.ElementType,
                    $"「{name}」须保留 fz:guard=\"{guard}\"：这是该法定环节的关口，调整流程时不能去掉。");
            }
            if (!guards.Contains(DecisionVariablesGuard.GuardKey, StringComparer.OrdinalIgnoreCase))
            {
                yield return new BpmnIssue(activityId, task.ElementType,
                    $"「{name}」须保留 fz:guard=\"{DecisionVariablesGuard.GuardKey}\"，否则办结本环节时可以改写其他环节的记录。");
            }
        }
    }
}
