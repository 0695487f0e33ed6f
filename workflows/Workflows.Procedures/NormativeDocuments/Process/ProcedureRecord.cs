using System.Text.Json.Nodes;
using Workflows.Engine.Runtime;

namespace Workflows.Procedures.NormativeDocuments.Process;

/// <summary>One closed step as the hash-chained journal records it: who, when, with what outcome.</summary>
public sealed record StepRecord(string ActivityId, string? Outcome, string? Actor, DateTimeOffset At, JsonObject? Variables);

/// <summary>
/// What the instance's journal proves about the procedure. Gates read it rather than process
/// variables: variables can be overwritten, the journal cannot be changed unnoticed.
/// </summary>
public sealed class ProcedureRecord(IReadOnlyList<StepRecord> steps)
{
    /// <summary>The engine's journal kind for a completed task (a persisted name).</summary>
    public const string TaskCompletedKind = "TaskCompleted";

    public static async Task<ProcedureRecord> ReadAsync(IWorkflowQueries queries, Guid instanceId, CancellationToken cancellationToken)
    {
        var history = await queries.GetHistoryAsync(instanceId, cancellationToken);
        var steps = history
            .Where(e => e.Kind == TaskCompletedKind && e.ActivityId is not null)
            .Select(e => new StepRecord(e.ActivityId!, (string?)e.Data?["outcome"], e.Actor, e.At, e.Data?["variables"] as JsonObject))
            .ToList();
        return new ProcedureRecord(steps);
    }

    /// <summary>The most recent completion of <paramref name="activityId"/>, or null if it never closed.</summary>
    public StepRecord? Latest(string activityId) => steps.LastOrDefault(s => s.ActivityId == activityId);

    public string? Text(string activityId, string variable) => Latest(activityId)?.Variables?[variable] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
