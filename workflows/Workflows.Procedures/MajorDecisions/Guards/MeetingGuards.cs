using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Procedures.MajorDecisions.Compilation;
using Workflows.Procedures.MajorDecisions.Journal;
using Workflows.Procedures.MajorDecisions.Records;

namespace Workflows.Procedures.MajorDecisions.Guards;

/// <summary>Art. 29: the lead unit confirms the materials; every applicable item must be there.</summary>
public sealed class MeetingMaterialsGuard : DecisionGuard
{
    public override string Key => "decision-meeting-materials";

    protected override string Variable => "materialsConfirmation";

    protected override RecordCheck Shape(JsonObject? record, string prefix) => DecisionRecords.MaterialsConfirmation(record, prefix);

    protected override async Task CheckContextAsync(DecisionGuardContext context, JsonObject record, RecordCheck check, CancellationToken cancellationToken)
    {
        var materials = await MeetingMaterials.CompileAsync(
            await context.HistoryAsync(cancellationToken), await context.DocumentsAsync(cancellationToken),
            context.Services.GetRequiredService<IParticipationSummaries>(), context.Now, cancellationToken);
        foreach (var item in (materials["items"] as JsonArray ?? []).OfType<JsonObject>().Where(i => (bool)i["required"]! && !(bool)i["present"]!))
        {
            check.Fail($"materials.{item["key"]}", $"集体讨论材料缺少「{item["name"]}」。{item["note"]}");
        }
    }
}

/// <summary>
/// Art. 30: the collective decision — only after a lawful opinion and complete materials, dated no
/// earlier than the opinion, with an evaluator other than whoever assessed the risks (art. 36).
/// </summary>
public sealed class MeetingRecordGuard : DecisionGuard
{
    public override string Key => "decision-meeting-record";

    protected override string Variable => "meetingRecord";

    protected override RecordCheck Shape(JsonObject? record, string prefix) => MeetingRecords.Check(record, prefix);

    protected override async Task CheckContextAsync(DecisionGuardContext context, JsonObject record, RecordCheck check, CancellationToken cancellationToken)
    {
        var history = await context.HistoryAsync(cancellationToken);
        var opinion = history.Latest(DecisionSteps.LegalityReview, after: history.RoundStart);
        if ((string?)opinion?.Record["opinion"] != "lawful")
        {
            check.Fail(DecisionSteps.LegalityReview, "未经合法性审查或经审查不合法的，不得提请集体讨论（条例第28条）。");
            return;
        }
        var materials = history.LatestOfKind(MeetingMaterials.JournalKind);
        if (materials is null || materials.Sequence < opinion.Sequence || (bool?)materials.Data?["complete"] != true)
        {
            check.Fail(DecisionSteps.MeetingMaterials, "集体讨论材料尚未齐备。");
        }
        var meetingDate = RecordCheck.DateOf(record["meetingDate"]);
        var opinionDate = context.DateOf(opinion.At);
        check.Require(meetingDate is null || meetingDate >= opinionDate, "meetingDate",
            $"{check.PathOf("meetingDate")}：会议日期早于合法性审查意见（{opinionDate:yyyy-MM-dd}）。");
        context.RequireNotAfterToday(check, "meetingDate");
        if (check.Json?["execution"] is JsonObject plan)
        {
            var planCheck = new RecordCheck(plan, check.PathOf("execution"));
            await context.RequireUnitAsync(planCheck, "executingUnit", cancellationToken);
            await context.RequireUnitAsync(planCheck, "evaluatorUnit", cancellationToken);
            if (RiskAssessorUnit(history) is { } assessor && string.Equals(assessor, (string?)plan["evaluatorUnit"], StringComparison.OrdinalIgnoreCase))
            {
                planCheck.Fail("evaluatorUnit", $"{planCheck.PathOf("evaluatorUnit")}：决策后评估不能由承担风险评估的单位（{assessor}）进行（条例第36条）。");
            }
            foreach (var error in planCheck.Errors)
            {
                check.Fail(error.Target[(check.PathOf("").Length)..], error.Message);
            }
        }
    }

    public static string? RiskAssessorUnit(DecisionHistory history) =>
        (string?)history.Latest(DecisionSteps.RiskAssessment)?.Record["assessorUnit"];
}

/// <summary>Art. 31: the report to the Party committee, dated after the decision.</summary>
public sealed class PartyReportGuard : DecisionGuard
{
    public override string Key => "decision-party-report";

    protected override string Variable => "partyReport";

    protected override RecordCheck Shape(JsonObject? record, string prefix) => DecisionRecords.PartyReport(record, prefix);

    protected override async Task CheckContextAsync(DecisionGuardContext context, JsonObject record, RecordCheck check, CancellationToken cancellationToken)
    {
        var history = await context.HistoryAsync(cancellationToken);
        RequireAfterMeeting(history, check, "reportedOn");
        context.RequireNotAfterToday(check, "reportedOn");
        await context.RequireDocumentAsync(check, "documentId", null, cancellationToken);
    }

    internal static void RequireAfterMeeting(DecisionHistory history, RecordCheck check, string field)
    {
        var meeting = RecordCheck.DateOf(history.Latest(DecisionSteps.CollectiveDecision)?.Record["meetingDate"]);
        var date = RecordCheck.DateOf(check.Json?[field]);
        check.Require(meeting is null || date is null || date >= meeting, field,
            $"{check.PathOf(field)}：早于集体讨论决定的日期（{meeting:yyyy-MM-dd}）。");
    }
}

/// <summary>Art. 31-32: publication only after the Party committee has been reported to; where it was published is recorded.</summary>
public sealed class PublicationGuard : DecisionGuard
{
    public override string Key => "decision-publication";

    protected override string Variable => "publication";

    protected override RecordCheck Shape(JsonObject? record, string prefix) => DecisionRecords.Publication(record, prefix);

    protected override async Task CheckContextAsync(DecisionGuardContext context, JsonObject record, RecordCheck check, CancellationToken cancellationToken)
    {
        var history = await context.HistoryAsync(cancellationToken);
        var meeting = history.Latest(DecisionSteps.CollectiveDecision);
        if (meeting is null || history.Latest(DecisionSteps.PartyReport, after: meeting.Sequence) is null)
        {
            check.Fail(DecisionSteps.PartyReport, "决策公布前须向同级党委请示报告（条例第31条）。");
        }
        PartyReportGuard.RequireAfterMeeting(history, check, "publishedOn");
        context.RequireNotAfterToday(check, "publishedOn");
        await context.RequireDocumentAsync(check, "documentId", null, cancellationToken);
    }
}
