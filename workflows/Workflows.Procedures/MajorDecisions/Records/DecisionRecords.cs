using System.Text.Json.Nodes;

namespace Workflows.Procedures.MajorDecisions.Records;

/// <summary>
/// The shape of every record of the procedure, checked field by field. The same checks run in the
/// API (targets relative to the body) and in the step's guard (targets under the variable name), so
/// a record is refused the same way whichever way it arrives.
/// </summary>
public static class DecisionRecords
{
    public static readonly string[] RiskLevels = ["low", "medium", "high", "uncontrollable"];
    public static readonly string[] Opinions = ["lawful", "lawful-after-changes", "unlawful"];
    public static readonly string[] MeetingTypes = ["executive", "plenary"];
    public static readonly string[] Outcomes = ["adopt", "adopt-with-changes", "defer", "reject"];
    public static readonly string[] Positions = ["support", "oppose", "abstain"];

    public static RecordCheck Proposal(JsonObject? json, string prefix = "")
    {
        var c = new RecordCheck(json, prefix);
        c.Text("reasons");
        c.Texts("legalBasis", min: 1);
        c.Text("firstPlan");
        c.Flag("marketActorsAffected");
        return c;
    }

    public static RecordCheck StartDecision(JsonObject? json, string prefix = "")
    {
        var c = new RecordCheck(json, prefix);
        var started = c.Flag("started");
        c.Date("decidedOn");
        c.Text("meeting", required: false, max: RecordCheck.ShortText);
        if (started != true)
        {
            c.Text("reason");
            return c;
        }
        c.Text("leadUnit", max: 64);
        var applicability = c.Object("applicability");
        var publicParticipation = false;
        foreach (var key in Applicability.All)
        {
            var step = applicability?.Object(key);
            var applies = step?.Flag("applies");
            publicParticipation |= key == Applicability.PublicParticipation && applies == true;
            if (step is null || applies != false)
            {
                if (key == Applicability.ExpertConsultation && applies == true)
                {
                    step!.Texts("fields", min: 0, maxItems: 20, maxLength: 100);
                    step.Number("count", 1, 30, required: false);
                }
                continue;
            }
            step.Text("reason");
            if (key == Applicability.PublicParticipation)
            {
                // Art. 14: public participation may be left out only for matters that may not be disclosed.
                step.Require(step.Flag("notDisclosable", required: false) == true, "notDisclosable",
                    $"{step.PathOf("notDisclosable")}：只有依法不予公开的决策事项才可以不公开征求意见（须为 true 并说明理由）。");
            }
        }
        if (publicParticipation)
        {
            var days = c.Number("commentPeriodDays", 1, 365);
            if (days < Applicability.StatutoryCommentDays)
            {
                c.Text("commentShortenReason", max: RecordCheck.ShortText * 4);
            }
        }
        return c;
    }

    public static RecordCheck Drafting(JsonObject? json, string prefix = "")
    {
        var c = new RecordCheck(json, prefix);
        c.Id("draftDocumentId");
        c.Text("explanation");
        c.Texts("legalBasis", min: 1);
        var views = c.Flag("viewsDiffer", required: false);
        // Art. 13: where views differ on a major point, two or more options are drafted.
        c.Texts("options", min: views == true ? 2 : 0, maxItems: 10, maxLength: RecordCheck.LongText);
        foreach (var unit in c.Objects("consultedUnits", min: 0))
        {
            unit.Text("unit", max: RecordCheck.ShortText);
            unit.Text("opinion");
        }
        c.Text("changes", required: false);
        return c;
    }

    public static RecordCheck RiskAssessment(JsonObject? json, string prefix = "")
    {
        var c = new RecordCheck(json, prefix);
        c.Text("assessorUnit", max: 64);
        c.Text("thirdParty", required: false, max: RecordCheck.ShortText);
        foreach (var point in c.Objects("riskPoints", min: 1))
        {
            point.Text("description");
            point.Text("likelihood", required: false, max: 100);
        }
        c.Texts("mitigations", min: 1);
        c.Text("contingencyPlan");
        c.OneOf("level", RiskLevels);
        c.Id("reportDocumentId", required: false);
        return c;
    }

    public static RecordCheck LegalitySubmission(JsonObject? json, string prefix = "")
    {
        var c = new RecordCheck(json, prefix);
        c.Texts("legalBasis", min: 1);
        c.Text("note", required: false);
        return c;
    }

    public static RecordCheck LegalityOpinion(JsonObject? json, string prefix = "")
    {
        var c = new RecordCheck(json, prefix);
        var opinion = c.OneOf("opinion", Opinions);
        c.Text("reasons");
        c.Texts("requiredChanges", min: opinion == "lawful-after-changes" ? 1 : 0);
        c.Id("opinionDocumentId");
        c.Texts("reviewers", min: 0, maxItems: 20, maxLength: 100);
        return c;
    }

    public static RecordCheck UnlawfulDisposition(JsonObject? json, string prefix = "")
    {
        var c = new RecordCheck(json, prefix);
        c.OneOf("action", ["redraft", "terminate"]);
        c.Text("reason");
        return c;
    }

    public static RecordCheck MaterialsConfirmation(JsonObject? json, string prefix = "")
    {
        var c = new RecordCheck(json, prefix);
        c.Text("note", required: false);
        return c;
    }

    public static RecordCheck PartyReport(JsonObject? json, string prefix = "")
    {
        var c = new RecordCheck(json, prefix);
        c.Date("reportedOn");
        c.Text("reportedTo", max: RecordCheck.ShortText);
        c.OneOf("form", ["request", "report"]);
        c.Text("summary", required: false);
        c.Id("documentId", required: false);
        return c;
    }

    public static RecordCheck Publication(JsonObject? json, string prefix = "")
    {
        var c = new RecordCheck(json, prefix);
        c.Date("publishedOn");
        foreach (var channel in c.Objects("channels", min: 1, maxItems: 20))
        {
            channel.Text("name", max: RecordCheck.ShortText);
            channel.Text("url", required: false, max: 2000);
            channel.Text("reference", required: false, max: RecordCheck.ShortText);
        }
        c.Text("documentNumber", required: false, max: 100);
        c.Text("adoptionExplanation", required: false);
        c.Id("documentId", required: false);
        return c;
    }

    public static RecordCheck ExecutionReport(JsonObject? json, string prefix = "")
    {
        var c = new RecordCheck(json, prefix);
        c.Date("reportedOn");
        c.Text("progress");
        foreach (var goal in c.Objects("goals", min: 0))
        {
            goal.Text("goal", max: RecordCheck.ShortText * 2);
            goal.OneOf("status", ["on-track", "delayed", "done"]);
            goal.Text("note", required: false);
        }
        c.Text("problems", required: false);
        c.Flag("final");
        c.Id("documentId", required: false);
        return c;
    }

    public static RecordCheck EvaluationRequest(JsonObject? json, string prefix = "")
    {
        var c = new RecordCheck(json, prefix);
        c.Text("reason");
        return c;
    }

    public static RecordCheck PostEvaluation(JsonObject? json, string prefix = "")
    {
        var c = new RecordCheck(json, prefix);
        c.Text("evaluatorUnit", max: 64);
        c.Text("thirdParty", required: false, max: RecordCheck.ShortText);
        c.Text("conclusion");
        c.OneOf("recommendation", ["continue", "adjust", "stop"]);
        c.Id("reportDocumentId");
        return c;
    }

    public static RecordCheck ArchiveNote(JsonObject? json, string prefix = "")
    {
        var c = new RecordCheck(json, prefix);
        c.Text("note", required: false);
        return c;
    }
}
