using System.Text.Json.Nodes;
using Workflows.Procedures.MajorDecisions.Records;

namespace Workflows.Procedures.MajorDecisions.Guards;

/// <summary>Art. 34-35: the executing unit's periodic report.</summary>
public sealed class ExecutionReportGuard : DecisionGuard
{
    public override string Key => "decision-execution-report";

    protected override string Variable => "executionReport";

    protected override RecordCheck Shape(JsonObject? record, string prefix) => DecisionRecords.ExecutionReport(record, prefix);

    protected override async Task CheckContextAsync(DecisionGuardContext context, JsonObject record, RecordCheck check, CancellationToken cancellationToken)
    {
        context.RequireNotAfterToday(check, "reportedOn");
        await context.RequireDocumentAsync(check, "documentId", null, cancellationToken);
    }
}

/// <summary>Art. 36: the evaluation report, by a unit other than the one that assessed the risks.</summary>
public sealed class PostEvaluationGuard : DecisionGuard
{
    public override string Key => "decision-post-evaluation";

    protected override string Variable => "postEvaluation";

    protected override RecordCheck Shape(JsonObject? record, string prefix) => DecisionRecords.PostEvaluation(record, prefix);

    protected override async Task CheckContextAsync(DecisionGuardContext context, JsonObject record, RecordCheck check, CancellationToken cancellationToken)
    {
        await context.RequireUnitAsync(check, "evaluatorUnit", cancellationToken);
        await context.RequireDocumentAsync(check, "reportDocumentId", DecisionDocumentKinds.EvaluationReport, cancellationToken);
        if (MeetingRecordGuard.RiskAssessorUnit(await context.HistoryAsync(cancellationToken)) is not { } assessor)
        {
            return;
        }
        var message = $"决策后评估不能由承担风险评估的单位（{assessor}）进行（条例第36条）。";
        if (string.Equals(assessor, (string?)record["evaluatorUnit"], StringComparison.OrdinalIgnoreCase))
        {
            check.Fail("evaluatorUnit", $"{check.PathOf("evaluatorUnit")}：{message}");
        }
        if (string.Equals(assessor, context.Actor.UnitCode, StringComparison.OrdinalIgnoreCase))
        {
            check.Fail("evaluatorUnit", $"{check.PathOf("evaluatorUnit")}：您所在单位承担了风险评估。{message}");
        }
    }
}

/// <summary>Art. 33: the dossier closes only when every record the path through the procedure requires is in it.</summary>
public sealed class ArchiveGuard : DecisionGuard
{
    public override string Key => "decision-archive";

    protected override string Variable => "archive";

    protected override RecordCheck Shape(JsonObject? record, string prefix) => DecisionRecords.ArchiveNote(record, prefix);

    protected override async Task CheckContextAsync(DecisionGuardContext context, JsonObject record, RecordCheck check, CancellationToken cancellationToken)
    {
        var history = await context.HistoryAsync(cancellationToken);
        var meeting = history.Latest(DecisionSteps.CollectiveDecision);
        if ((string?)meeting?.Record["outcome"] is not ("adopt" or "adopt-with-changes"))
        {
            return; // rejected or ended after an unlawful opinion: what exists is the whole record
        }
        foreach (var step in new[] { DecisionSteps.PartyReport, DecisionSteps.Publication, DecisionSteps.ExecutionReport, DecisionSteps.PostEvaluation })
        {
            if (history.Latest(step, after: meeting.Sequence) is null)
            {
                check.Fail(step, $"归档前须有「{DecisionSteps.NameOf(step)}」的记录。");
            }
        }
    }
}
