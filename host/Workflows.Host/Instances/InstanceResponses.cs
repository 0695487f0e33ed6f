using System.Text.Json.Nodes;
using Workflows.Engine.Instances;
using Workflows.Engine.Runtime;

namespace Workflows.Host.Instances;

public sealed record StartInstanceRequest(string? DefinitionKey, string? BusinessKey, JsonObject? Variables, int? Version);

public sealed record CancelInstanceRequest(string? Reason);

/// <summary>The contract's instance shape; the host owns it so an engine refactoring cannot change the API by accident.</summary>
public sealed record InstanceResponse(
    Guid Id,
    string DefinitionKey,
    int Version,
    string? BusinessKey,
    InstanceStatus Status,
    JsonObject Variables,
    IReadOnlyList<string> ActiveActivityIds,
    string? StartedBy,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    Guid? ParentInstanceId,
    string? FaultMessage,
    string? FaultActivityId)
{
    public static InstanceResponse From(InstanceView v) => new(
        v.Id, v.DefinitionKey, v.Version, v.BusinessKey, v.Status, v.Variables, v.ActiveActivityIds,
        v.StartedBy, v.StartedAt, v.EndedAt, v.ParentInstanceId, v.FaultMessage, v.FaultActivityId);
}

public sealed record HistoryEntryResponse(long Sequence, DateTimeOffset At, string? ActivityId, string Kind, string? Actor, JsonNode? Data, string Hash, string PreviousHash)
{
    public static HistoryEntryResponse From(HistoryEntryView v) => new(v.Sequence, v.At, v.ActivityId, v.Kind, v.Actor, v.Data, v.Hash, v.PreviousHash);
}

public sealed record JournalVerificationResponse(Guid InstanceId, bool Valid, int Entries, long? FirstBrokenSequence, string? Reason)
{
    public static JournalVerificationResponse From(JournalVerification v) => new(v.InstanceId, v.Valid, v.Entries, v.FirstBrokenSequence, v.Reason);
}
