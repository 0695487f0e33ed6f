namespace Workflows.Engine.Bpmn.Model;

public abstract record EventDefinition(string? Id);

public enum TimerKind
{
    /// <summary><c>timeDuration</c>: ISO-8601 duration or <c>&lt;n&gt;WD</c>.</summary>
    Duration,

    /// <summary><c>timeDate</c>: an ISO-8601 date-time.</summary>
    Date,

    /// <summary><c>timeCycle</c>: ISO-8601 repeating interval (<c>R3/PT1H</c>) or a cron expression.</summary>
    Cycle,
}

public sealed record TimerEventDefinition(string? Id, TimerKind Kind, string Expression) : EventDefinition(Id);

public sealed record MessageEventDefinition(string? Id, string? MessageRef, string MessageName) : EventDefinition(Id);

/// <summary>Signal, error, escalation, conditional ... kept but not executable.</summary>
public sealed record UnsupportedEventDefinition(string? Id, string ElementType) : EventDefinition(Id);

public sealed class StartEvent : FlowNode
{
    /// <summary>Null for a none start event.</summary>
    public EventDefinition? Trigger { get; init; }
}

public sealed class EndEvent : FlowNode
{
    public bool Terminate { get; init; }

    /// <summary>An event definition other than terminate (error, message, signal ...): not executable.</summary>
    public EventDefinition? Result { get; init; }
}

public sealed class IntermediateCatchEvent : FlowNode
{
    public required EventDefinition Trigger { get; init; }
}

public sealed class BoundaryEvent : FlowNode
{
    public required string AttachedToRef { get; init; }
    public Activity AttachedTo { get; set; } = null!;

    /// <summary><c>cancelActivity</c>: true (the default) interrupts the activity.</summary>
    public bool Interrupting { get; init; } = true;
    public required EventDefinition Trigger { get; init; }
}

public sealed class ExclusiveGateway : FlowNode;

public sealed class ParallelGateway : FlowNode;
