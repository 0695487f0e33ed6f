using System.Globalization;
using System.Text.Json.Nodes;
using Workflows.Engine.Bpmn.Model;
using Workflows.Engine.Runtime;
using Workflows.Procedures.MajorDecisions.Compilation;
using Workflows.Procedures.MajorDecisions.Records;

namespace Workflows.Procedures.MajorDecisions.Guards;

/// <summary>Art. 22-24: risk points, mitigations, contingency plan and a level, by a named assessing unit.</summary>
public sealed class RiskAssessmentGuard : DecisionGuard
{
    public override string Key => "decision-risk-assessment";

    protected override string Variable => "riskAssessment";

    protected override RecordCheck Shape(JsonObject? record, string prefix) => DecisionRecords.RiskAssessment(record, prefix);

    protected override async Task CheckContextAsync(DecisionGuardContext context, JsonObject record, RecordCheck check, CancellationToken cancellationToken)
    {
        await context.RequireUnitAsync(check, "assessorUnit", cancellationToken);
        await context.RequireDocumentAsync(check, "reportDocumentId", null, cancellationToken);
    }
}

/// <summary>Art. 25, 27: legality review may be asked for only when every applicable statutory step is complete.</summary>
public sealed class LegalitySubmissionGuard : DecisionGuard
{
    public override string Key => "decision-legality-submission";

    protected override string Variable => "legalitySubmission";

    protected override RecordCheck Shape(JsonObject? record, string prefix) => DecisionRecords.LegalitySubmission(record, prefix);

    protected override async Task CheckContextAsync(DecisionGuardContext context, JsonObject record, RecordCheck check, CancellationToken cancellationToken)
    {
        var statement = ProcedureStatement.Compile(await context.HistoryAsync(cancellationToken), await context.DocumentsAsync(cancellationToken), context.Now);
        foreach (var step in (statement["steps"] as JsonArray ?? []).OfType<JsonObject>().Where(s => (bool?)s["applies"] == true && (bool?)s["done"] != true))
        {
            var target = (string)step["activityId"]!;
            var level = (string?)step["level"];
            check.Fail(target, level is null
                ? $"「{step["name"]}」尚未完成，不能送请合法性审查。"
                : $"风险评估等级为 {level}，须修改草案并重新评估为可控后才能送请合法性审查。");
        }
    }
}

/// <summary>
/// Art. 26-28: the written opinion of the legal affairs office. A person gives it — never a timer or
/// the lead unit — and the reviewer's seven working days are part of the procedure's definition.
/// </summary>
public sealed class LegalityOpinionGuard : DecisionGuard
{
    public const int MinimumWorkingDays = 7;

    public override string Key => "decision-legality-opinion";

    protected override string Variable => "legalityOpinion";

    protected override RecordCheck Shape(JsonObject? record, string prefix) => DecisionRecords.LegalityOpinion(record, prefix);

    public override IEnumerable<string> Validate(UserTask task)
    {
        var minimum = task.Extension("minimum");
        if (minimum is null || !minimum.EndsWith("WD", StringComparison.OrdinalIgnoreCase)
            || !int.TryParse(minimum[..^2], NumberStyles.None, CultureInfo.InvariantCulture, out var days) || days < MinimumWorkingDays)
        {
            yield return $"合法性审查须保证审查机构不少于 {MinimumWorkingDays} 个工作日（条例第26条）：设置 fz:minimum=\"{MinimumWorkingDays}WD\" 或更长。";
        }
        if (task.BoundaryEvents.Any(b => b.Trigger is TimerEventDefinition && b.Interrupting))
        {
            yield return "合法性审查不能由定时器结束：期限届满不等于审查通过，请去掉中断型定时边界事件。";
        }
    }

    protected override async Task CheckContextAsync(DecisionGuardContext context, JsonObject record, RecordCheck check, CancellationToken cancellationToken)
    {
        if (context.Actor.IsSystem)
        {
            check.Fail("opinion", "合法性审查意见须由审查人员出具，不能由系统或期限届满自动形成。");
        }
        var history = await context.HistoryAsync(cancellationToken);
        if (context.Actor.UnitCode is { } unit && string.Equals(unit, history.LeadUnit, StringComparison.OrdinalIgnoreCase))
        {
            check.Fail("opinion", "决策承办单位不能对本单位的决策草案出具合法性审查意见。");
        }
        await context.RequireDocumentAsync(check, "opinionDocumentId", DecisionDocumentKinds.LegalityOpinion, cancellationToken);
    }
}

/// <summary>After an unlawful opinion the decision body ends the procedure or sends the matter back to drafting.</summary>
public sealed class UnlawfulDispositionGuard : DecisionGuard
{
    public override string Key => "decision-unlawful-disposition";

    protected override string Variable => "unlawfulDisposition";

    protected override RecordCheck Shape(JsonObject? record, string prefix) => DecisionRecords.UnlawfulDisposition(record, prefix);
}
