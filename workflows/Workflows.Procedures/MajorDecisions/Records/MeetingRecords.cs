using System.Text.Json.Nodes;

namespace Workflows.Procedures.MajorDecisions.Records;

/// <summary>
/// The minutes of the collective decision (art. 30): every attendee's view, dissent included, and
/// the head's reasons whenever the head decides against the majority. Dissent reduces the
/// dissenter's liability (art. 38-41), so it may never be left out.
/// </summary>
public static class MeetingRecords
{
    public static RecordCheck Check(JsonObject? json, string prefix = "")
    {
        var c = new RecordCheck(json, prefix);
        c.OneOf("meetingType", DecisionRecords.MeetingTypes);
        c.Date("meetingDate");
        c.Text("meetingName", required: false, max: RecordCheck.ShortText);
        c.Text("presidedBy", max: 100);
        var attendees = c.Objects("attendees", min: 2, maxItems: 100)
            .Select(a => (Name: a.Text("name", max: 100), Check: a))
            .ToList();
        foreach (var attendee in attendees)
        {
            attendee.Check.Text("position", required: false, max: 100);
        }
        var views = c.Objects("views", min: 1, maxItems: 100)
            .Select(v => (Name: v.Text("name", max: 100), Position: v.OneOf("position", DecisionRecords.Positions), Check: v))
            .ToList();
        foreach (var view in views)
        {
            view.Check.Text("opinion");
        }
        var names = attendees.Where(a => a.Name is not null).Select(a => a.Name!).ToHashSet(StringComparer.Ordinal);
        foreach (var view in views.Where(v => v.Name is not null && !names.Contains(v.Name)))
        {
            view.Check.Fail("name", $"{view.Check.PathOf("name")}：「{view.Name}」不在出席人员名单中。");
        }
        foreach (var missing in names.Where(n => views.All(v => v.Name != n)))
        {
            c.Fail("views", $"{c.PathOf("views")}：须记录每位出席人员的意见（包括不同意见），缺少「{missing}」。");
        }
        var outcome = c.OneOf("outcome", DecisionRecords.Outcomes);
        if (outcome == "adopt-with-changes")
        {
            c.Text("changes");
        }
        var support = views.Count(v => v.Position == "support");
        var oppose = views.Count(v => v.Position == "oppose");
        var againstMajority = outcome switch
        {
            "adopt" or "adopt-with-changes" => oppose > support,
            "reject" or "defer" => support > oppose,
            _ => false,
        };
        var headReasons = c.Text("headReasons", required: false);
        if (againstMajority && headReasons is null)
        {
            c.Fail("headReasons", $"{c.PathOf("headReasons")}：行政首长作出与多数人意见不一致的决定，应当说明理由（赞成 {support}、反对 {oppose}）。");
        }
        c.Id("minutesDocumentId", required: false);
        if (outcome is "adopt" or "adopt-with-changes")
        {
            var plan = c.Object("execution");
            if (plan is not null)
            {
                plan.Text("executingUnit", max: 64);
                foreach (var goal in plan.Objects("goals", min: 1, maxItems: 50))
                {
                    goal.Text("goal", max: RecordCheck.ShortText * 2);
                    goal.Date("deadline");
                }
                plan.Period("reportEvery");
                plan.Period("evaluationAfter");
                plan.Text("evaluatorUnit", max: 64);
            }
        }
        return c;
    }

    /// <summary>Those who voiced opposition: kept apart in the register because the law treats them apart.</summary>
    public static JsonArray Dissent(JsonObject record) =>
        [.. (record["views"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(v => (string?)v["position"] == "oppose")
            .Select(v => (JsonNode)new JsonObject { ["name"] = (string?)v["name"], ["opinion"] = (string?)v["opinion"] })];
}
