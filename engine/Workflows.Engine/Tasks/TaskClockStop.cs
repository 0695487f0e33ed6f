namespace Workflows.Engine.Tasks;

/// <summary>A time a task's statutory clock stood still, with who stopped and restarted it and why.</summary>
public sealed class TaskClockStop
{
    public Guid Id { get; set; }
    public Guid TaskId { get; set; }
    public Guid InstanceId { get; set; }
    public DateTimeOffset PausedAt { get; set; }
    public required string PausedBy { get; set; }
    public required string Reason { get; set; }
    public DateTimeOffset? ResumedAt { get; set; }
    public string? ResumedBy { get; set; }
}
