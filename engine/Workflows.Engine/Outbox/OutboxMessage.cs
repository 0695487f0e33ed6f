namespace Workflows.Engine.Outbox;

/// <summary>
/// Work that must happen after a step commits (an email, resuming a parent instance ...),
/// written in the step's own transaction and dispatched by the background executor.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; }

    /// <summary>A stable type key such as <c>engine.resume-parent</c> or <c>email</c>; never a CLR type name.</summary>
    public required string Type { get; set; }
    public string Payload { get; set; } = "{}";
    public Guid? InstanceId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ProcessedAt { get; set; }
    public int Attempts { get; set; }

    /// <summary>A worker's claim: others leave the message alone until this passes.</summary>
    public DateTimeOffset? LockedUntil { get; set; }
    public string? LastError { get; set; }
}
