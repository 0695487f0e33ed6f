using Workflows.Engine.Bpmn.Model;
using Workflows.Engine.Definitions;
using Workflows.Procedures.NormativeDocuments.Process;
using Workflows.Procedures.PublicConsultation;
using Steps = Workflows.Procedures.NormativeDocuments.Process.NormativeProcess.Activities;
using Vars = Workflows.Procedures.NormativeDocuments.Process.NormativeProcess.Settings;

namespace Workflows.Procedures.NormativeDocuments.Guards;

/// <summary>
/// Holds every published version of <c>normative-document</c> to its statutory gates: each step keeps
/// its stable id and guard, and the periods stay the per-document settings checked at start (the
/// comment period, the legality review's 5 to 15 working days, publication and filing). Without this
/// an adapted version could give the legal affairs office one day, or let a timer end its review.
/// </summary>
public sealed class NormativeDocumentProcessRule : IProcessRule
{
    private static readonly IReadOnlyDictionary<string, string[]> Guards = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [Steps.Drafting] = ["normative-drafting"],
        [Steps.PublicComment] = ["normative-public-comment", ConsultationFeedbackGuard.GuardKey],
        [Steps.FairCompetitionReview] = ["normative-fair-competition"],
        [Steps.LegalityReview] = ["normative-legality-review"],
        [Steps.Revision] = ["normative-revision"],
        [Steps.CollectiveDeliberation] = ["normative-deliberation"],
        [Steps.Registration] = ["normative-registration"],
        [Steps.Publication] = ["normative-publication"],
        [Steps.FilingGovernment] = ["normative-filing"],
        [Steps.FilingCongress] = ["normative-filing"],
    };

    /// <summary>The periods that must stay the document's own settings: (activity, extension, value).</summary>
    private static readonly (string Activity, string Attribute, string Value)[] Periods =
    [
        (Steps.PublicComment, "minimum", Setting(Vars.CommentPeriod)),
        (Steps.LegalityReview, "minimum", Setting(Vars.LegalityReviewMinimum)),
        (Steps.LegalityReview, "due", Setting(Vars.LegalityReviewDue)),
        (Steps.Publication, "due", Setting(Vars.PublicationDue)),
        (Steps.FilingGovernment, "due", Setting(Vars.FilingDue)),
        (Steps.FilingCongress, "due", Setting(Vars.FilingDue)),
    ];

    public IEnumerable<BpmnIssue> Validate(ProcessModel process)
    {
        if (process.Id != NormativeProcess.Key)
        {
            yield break;
        }
        foreach (var (activityId, required) in Guards)
        {
            if (!process.NodesById.TryGetValue(activityId, out var node) || node is not UserTask task)
            {
                yield return new BpmnIssue(activityId, node?.ElementType ?? "userTask",
                    $"规范性文件制定程序须保留用户任务 {activityId}：法定环节不能删除或改为其他类型。");
                continue;
            }
            var guards = (task.Extension("guard") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            foreach (var guard in required.Where(g => !guards.Contains(g, StringComparer.OrdinalIgnoreCase)))
            {
                yield return new BpmnIssue(activityId, task.ElementType, $"{activityId} 须保留 fz:guard=\"{guard}\"：这是该法定环节的关口，调整流程时不能去掉。");
            }
            if (activityId == Steps.LegalityReview && task.BoundaryEvents.Any(b => b.Trigger is TimerEventDefinition && b.Interrupting))
            {
                yield return new BpmnIssue(activityId, task.ElementType, "合法性审核不能由定时器结束：期限届满不等于审核通过，请去掉中断型定时边界事件。");
            }
        }
        foreach (var (activityId, attribute, value) in Periods)
        {
            if (process.NodesById.GetValueOrDefault(activityId) is UserTask task && task.Extension(attribute) != value)
            {
                yield return new BpmnIssue(activityId, task.ElementType,
                    $"{activityId} 的 fz:{attribute} 须为 \"{value}\"：该期限按每件文件登记时核定的设置计算（如合法性审核不少于5个、不超过15个工作日），不能在流程中改写。");
            }
        }
    }

    private static string Setting(string variable) => "${" + variable + "}";
}
