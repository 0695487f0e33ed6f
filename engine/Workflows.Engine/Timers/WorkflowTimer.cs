namespace Workflows.Engine.Timers;

public enum TimerRole
{
    /// <summary>An intermediate timer catch event: the token waits on it.</summary>
    Intermediate,

    /// <summary>A timer boundary event on the activity the token waits in.</summary>
    Boundary,

    /// <summary>A timer start event of a published definition.</summary>
    Start,

    /// <summary>A rung of a user task's reminder and escalation ladder.</summary>
    Ladder,

    /// <summary>The next run of a recurring job (<see cref="Scheduling.IRecurringJob"/>); its key is the activity id.</summary>
    Recurring,
}

public enum TimerStatus
{
    Pending,
    Fired,
    Cancelled,
}

/// <summary>
/// A timer bookmark. The database row is the truth; the scheduler (Quartz, or the simulated
/// clock) only decides when to tell the engine that it fell due.
/// </summary>
public sealed class WorkflowTimer
{
    public Guid Id { get; set; }
    public TimerRole Role { get; set; }
    public Guid? InstanceId { get; set; }
    public Guid? TokenId { get; set; }
    public Guid? DefinitionId { get; set; }

    /// <summary>The timer event's id (the boundary or catch event, or the start event).</summary>
    public required string ActivityId { get; set; }
    public DateTimeOffset DueAt { get; set; }

    /// <summary>The timer definition's kind and its expression after <c>${...}</c> was resolved, for the next cycle.</summary>
    public Bpmn.Model.TimerKind Kind { get; set; }
    public string? Expression { get; set; }
    public TimerStatus Status { get; set; }

    /// <summary>For cycles: how many more firings remain after this one (null: unbounded).</summary>
    public int? RemainingRepetitions { get; set; }

    /// <summary>For a ladder timer: the index of its rung in the task's ladder.</summary>
    public int? LadderStep { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? FiredAt { get; set; }
}
