using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Engine.Runtime;

namespace Workflows.Procedures.MajorDecisions.Journal;

/// <summary>One step's record as the journal holds it: what was submitted, by whom, when.</summary>
public sealed record RecordedStep(string ActivityId, long Sequence, DateTimeOffset At, string? Actor, Guid? TaskId, JsonObject Record);

/// <summary>
/// An instance's journal read as the procedure's records. The journal is the truth: it is
/// hash-chained and every step's record arrives in it with the step's completion, in the same
/// transaction, so guards, the statement, the materials and the register all read from here.
/// </summary>
public sealed class DecisionHistory(Guid instanceId, IReadOnlyList<HistoryEntryView> entries)
{
    public Guid InstanceId { get; } = instanceId;
    public IReadOnlyList<HistoryEntryView> Entries { get; } = entries;

    public static async Task<DecisionHistory> LoadAsync(IServiceProvider services, Guid instanceId, CancellationToken cancellationToken)
    {
        // Guards and activities run on the root provider; the query service is scoped.
        await using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        var queries = scope.ServiceProvider.GetRequiredService<IWorkflowQueries>();
        return new DecisionHistory(instanceId, await queries.GetHistoryAsync(instanceId, cancellationToken));
    }

    /// <summary>The variables the instance started with (the proposal).</summary>
    public JsonObject StartVariables =>
        Entries.FirstOrDefault(e => e.Kind == "InstanceStarted")?.Data?["variables"] as JsonObject ?? [];

    /// <summary>Every completion of <paramref name="activityId"/>, oldest first, with the record it carried (empty when none).</summary>
    public IEnumerable<RecordedStep> Completions(string activityId, long after = 0)
    {
        var variable = DecisionSteps.RecordVariables.GetValueOrDefault(activityId);
        foreach (var entry in Entries)
        {
            if (entry.Kind != "TaskCompleted" || entry.ActivityId != activityId || entry.Sequence <= after)
            {
                continue;
            }
            var variables = entry.Data?["variables"] as JsonObject;
            var record = variable is not null && variables?[variable] is JsonObject r ? r : new JsonObject();
            var taskId = Guid.TryParse((string?)entry.Data?["taskId"], out var id) ? id : (Guid?)null;
            yield return new RecordedStep(activityId, entry.Sequence, entry.At, entry.Actor, taskId, record);
        }
    }

    public RecordedStep? Latest(string activityId, long after = 0) => Completions(activityId, after).LastOrDefault();

    /// <summary>The last entry of a kind written by the procedure's own activities (statement, materials).</summary>
    public HistoryEntryView? LatestOfKind(string kind) => Entries.LastOrDefault(e => e.Kind == kind);

    /// <summary>
    /// Where the current round of the statutory steps began: the last time the participation fork
    /// ran. A redraft after an unlawful opinion runs it again, and only steps done since then count.
    /// </summary>
    public long RoundStart => Entries.LastOrDefault(e => e.ActivityId == DecisionSteps.ForkParticipation)?.Sequence ?? 0;

    /// <summary>The start decision (art. 11) with the applicability of each statutory step.</summary>
    public JsonObject? StartDecision => Latest(DecisionSteps.Proposal)?.Record;

    public bool Applies(string step) =>
        StartDecision?["applicability"]?[step]?["applies"] is JsonValue v && v.TryGetValue<bool>(out var applies) && applies;

    public string? ApplicabilityReason(string step) => (string?)StartDecision?["applicability"]?[step]?["reason"];

    public string? LeadUnit => (string?)StartDecision?["leadUnit"];
}
