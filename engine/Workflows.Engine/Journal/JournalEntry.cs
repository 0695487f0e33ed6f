namespace Workflows.Engine.Journal;

/// <summary>
/// One append-only record of what happened in an instance. Each entry carries the SHA-256 of
/// the one before, so a changed or deleted record breaks the chain.
/// </summary>
public sealed class JournalEntry
{
    public long Id { get; set; }
    public Guid InstanceId { get; set; }
    public long Sequence { get; set; }
    public DateTimeOffset At { get; set; }
    public string? ActivityId { get; set; }
    public required string Kind { get; set; }
    public string? Actor { get; set; }

    /// <summary>A JSON object, stored as text so the hashed bytes are the stored bytes.</summary>
    public string Data { get; set; } = "{}";
    public required string Hash { get; set; }
    public required string PreviousHash { get; set; }
}
