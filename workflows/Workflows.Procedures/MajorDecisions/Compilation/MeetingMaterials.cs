using System.Globalization;
using System.Text.Json.Nodes;
using Workflows.Activities.Documents;
using Workflows.Procedures.MajorDecisions.Journal;
using Workflows.Procedures.MajorDecisions.Records;

namespace Workflows.Procedures.MajorDecisions.Compilation;

/// <summary>
/// The materials submitted to the collective decision (art. 29), compiled from the records: the
/// draft, the adoption summaries, the risk report, the legality opinion and, where market actors
/// are affected, the fair-competition review. Every applicable item must be present.
/// </summary>
public static class MeetingMaterials
{
    public const string JournalKind = "MeetingMaterialsCompiled";

    public static async Task<JsonObject> CompileAsync(
        DecisionHistory history, IReadOnlyList<StoredDocument> documents, IParticipationSummaries summaries, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var round = history.RoundStart;
        var items = new JsonArray();
        void Add(string key, string name, bool required, JsonNode? reference, string? note = null) => items.Add(new JsonObject
        {
            ["key"] = key,
            ["name"] = name,
            ["required"] = required,
            ["present"] = reference is not null,
            ["reference"] = reference,
            ["note"] = note,
        });

        var drafting = history.Latest(DecisionSteps.Drafting);
        Add("draft", "决策草案", true, ProcedureStatement.DocumentReference(documents, (string?)drafting?.Record["draftDocumentId"]));
        Add("explanation", "起草说明", true, drafting?.Record["explanation"]?.DeepClone());

        var publicComment = history.Applies(Applicability.PublicParticipation)
            ? await summaries.PublicCommentAdoptionAsync(history.InstanceId, cancellationToken) : null;
        Add("public-comment-adoption", "公众意见采纳情况", history.Applies(Applicability.PublicParticipation), Summary(publicComment),
            history.Applies(Applicability.PublicParticipation) ? null : "未开展公众参与：" + history.ApplicabilityReason(Applicability.PublicParticipation));

        var experts = history.Applies(Applicability.ExpertConsultation)
            ? await summaries.ExpertAdoptionAsync(history.InstanceId, cancellationToken) : null;
        Add("expert-adoption", "专家论证意见采纳情况", history.Applies(Applicability.ExpertConsultation), Summary(experts),
            history.Applies(Applicability.ExpertConsultation) ? null : "未开展专家论证：" + history.ApplicabilityReason(Applicability.ExpertConsultation));

        var risk = history.Latest(DecisionSteps.RiskAssessment, after: round);
        Add("risk-report", "风险评估报告", history.Applies(Applicability.RiskAssessment), risk is null ? null : new JsonObject
        {
            ["level"] = (string?)risk.Record["level"],
            ["recordedAt"] = risk.At.ToString("O", CultureInfo.InvariantCulture),
            ["document"] = ProcedureStatement.DocumentReference(documents, (string?)risk.Record["reportDocumentId"]),
        }, history.Applies(Applicability.RiskAssessment) ? null : "未开展风险评估：" + history.ApplicabilityReason(Applicability.RiskAssessment));

        var opinion = history.Latest(DecisionSteps.LegalityReview, after: round);
        var lawful = (string?)opinion?.Record["opinion"] == "lawful";
        Add("legality-opinion", "合法性审查意见", true, lawful ? new JsonObject
        {
            ["opinion"] = "lawful",
            ["recordedAt"] = opinion!.At.ToString("O", CultureInfo.InvariantCulture),
            ["document"] = ProcedureStatement.DocumentReference(documents, (string?)opinion.Record["opinionDocumentId"]),
        } : null, lawful ? null : "须有合法性审查意见且结论为合法。");

        var marketActors = history.StartVariables[DecisionSteps.Start.Proposal]?["marketActorsAffected"] is JsonValue m && m.TryGetValue<bool>(out var affected) && affected;
        var fairCompetition = documents.LastOrDefault(d => d.Kind == DecisionDocumentKinds.FairCompetitionReview);
        Add("fair-competition-review", "公平竞争审查意见", marketActors,
            fairCompetition is null ? null : ProcedureStatement.DocumentReference(documents, fairCompetition.Id.ToString()),
            marketActors ? null : "不涉及市场主体经济活动。");

        var missing = new JsonArray([.. items.OfType<JsonObject>()
            .Where(i => (bool)i["required"]! && !(bool)i["present"]!)
            .Select(i => (JsonNode)(string)i["name"]!)]);
        return new JsonObject
        {
            ["compiledAt"] = now.ToString("O", CultureInfo.InvariantCulture),
            ["items"] = items,
            ["missing"] = missing,
            ["complete"] = missing.Count == 0,
        };
    }

    private static JsonObject? Summary(ParticipationSummary? summary) => summary is null ? null : new JsonObject
    {
        ["title"] = summary.Title,
        ["content"] = summary.Content.DeepClone(),
        ["documentId"] = summary.DocumentId?.ToString(),
    };
}
