using System.Globalization;
using System.Text.Json.Nodes;
using Workflows.Activities.Documents;
using Workflows.Procedures.MajorDecisions.Journal;
using Workflows.Procedures.MajorDecisions.Records;

namespace Workflows.Procedures.MajorDecisions.Compilation;

/// <summary>
/// The statement of which statutory steps were done (art. 27: the submission for legality review
/// carries 履行法定程序的说明), compiled from the journal rather than written by the lead unit, so it
/// cannot claim a step that did not happen.
/// </summary>
public static class ProcedureStatement
{
    public const string JournalKind = "ProcedureStatementCompiled";

    public static JsonObject Compile(DecisionHistory history, IReadOnlyList<StoredDocument> documents, DateTimeOffset now)
    {
        var round = history.RoundStart;
        var steps = new JsonArray();
        var missing = new JsonArray();
        foreach (var key in Applicability.All)
        {
            var activity = Applicability.ActivityOf(key);
            var applies = history.Applies(key);
            var step = new JsonObject
            {
                ["key"] = key,
                ["activityId"] = activity,
                ["name"] = Applicability.NameOf(key),
                ["applies"] = applies,
            };
            if (!applies)
            {
                step["reason"] = history.ApplicabilityReason(key);
                steps.Add(step);
                continue;
            }
            var completion = history.Latest(activity, after: round);
            var done = completion is not null;
            if (key == Applicability.RiskAssessment && completion is not null)
            {
                var level = (string?)completion.Record["level"];
                step["level"] = level;
                done = level is "low" or "medium";
            }
            if (key == Applicability.ExpertConsultation)
            {
                step["opinions"] = history.Completions(DecisionSteps.ExpertConsultation, after: round).Count();
            }
            if (key == Applicability.PublicParticipation
                && history.Entries.LastOrDefault(e => e.Kind == "MinimumPeriodShortened" && e.ActivityId == activity && e.Sequence > round) is { } shortened)
            {
                step["periodShortenedReason"] = (string?)shortened.Data?["reason"];
            }
            step["done"] = done;
            step["completedAt"] = completion?.At.ToString("O", CultureInfo.InvariantCulture);
            step["completedBy"] = completion?.Actor;
            if (!done)
            {
                missing.Add(Applicability.NameOf(key));
            }
            steps.Add(step);
        }
        var start = history.Latest(DecisionSteps.Proposal);
        var drafting = history.Latest(DecisionSteps.Drafting);
        return new JsonObject
        {
            ["compiledAt"] = now.ToString("O", CultureInfo.InvariantCulture),
            ["startDecision"] = start is null ? null : new JsonObject
            {
                ["decidedOn"] = (string?)start.Record["decidedOn"],
                ["leadUnit"] = (string?)start.Record["leadUnit"],
                ["recordedBy"] = start.Actor,
            },
            ["draft"] = drafting is null ? null : DocumentReference(documents, (string?)drafting.Record["draftDocumentId"]),
            ["steps"] = steps,
            ["missing"] = missing,
            ["complete"] = start is not null && drafting is not null && missing.Count == 0,
        };
    }

    public static JsonObject? DocumentReference(IReadOnlyList<StoredDocument> documents, string? id) =>
        Guid.TryParse(id, out var documentId) && documents.FirstOrDefault(d => d.Id == documentId) is { } document
            ? new JsonObject
            {
                ["documentId"] = document.Id.ToString(),
                ["kind"] = document.Kind,
                ["fileName"] = document.FileName,
                ["sha256"] = document.Sha256,
            }
            : null;
}
