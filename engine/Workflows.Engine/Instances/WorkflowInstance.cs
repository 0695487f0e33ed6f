namespace Workflows.Engine.Instances;

public enum InstanceStatus
{
    Running,
    Completed,
    Cancelled,
    Faulted,
}

public sealed class WorkflowInstance
{
    public Guid Id { get; set; }
    public Guid DefinitionId { get; set; }
    public required string DefinitionKey { get; set; }
    public int DefinitionVersion { get; set; }
    public string? BusinessKey { get; set; }
    public InstanceStatus Status { get; set; }

    /// <summary>Process variables as a JSON object.</summary>
    public string Variables { get; set; } = "{}";
    public string? StartedBy { get; set; }

    /// <summary>The unit of the person who started it (the lead unit, 承办单位): <c>{unit}</c> in recipient specs.</summary>
    public string? UnitCode { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>Set when a call activity started this instance.</summary>
    public Guid? ParentInstanceId { get; set; }
    public Guid? ParentTokenId { get; set; }

    public string? FaultMessage { get; set; }
    public string? FaultActivityId { get; set; }

    /// <summary>The command that faulted (JSON), re-run by a retry.</summary>
    public string? FaultCommand { get; set; }

    /// <summary>The last journal entry's sequence and hash, so appending needs no query.</summary>
    public long JournalSequence { get; set; }
    public string JournalHash { get; set; } = "";

    /// <summary>
    /// Optimistic concurrency token, incremented by every execution step: two steps on one
    /// instance never both commit, so a join fires once and a task completes once.
    /// </summary>
    public long Revision { get; set; }
}

public enum TokenState
{
    /// <summary>Executing; only seen inside a step.</summary>
    Active,

    /// <summary>Waiting at a bookmark: a user task, a timer, a message, a called instance.</summary>
    Waiting,

    /// <summary>Arrived at a parallel join and waiting for the other branches.</summary>
    Joined,

    /// <summary>Owns child tokens: an embedded sub-process or a multi-instance body.</summary>
    Scope,
}

/// <summary>A position in a running instance. Tokens that finish are deleted; the journal keeps their history.</summary>
public sealed class Token
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }

    /// <summary>The scope token (sub-process or multi-instance body) this token runs inside; null at process level.</summary>
    public Guid? ParentId { get; set; }
    public required string ActivityId { get; set; }
    public TokenState State { get; set; }

    /// <summary>The sequence flow the token arrived by (parallel joins count distinct flows).</summary>
    public string? ArrivedVia { get; set; }

    /// <summary>True for the body of one multi-instance iteration (runs the activity itself, not the loop).</summary>
    public bool IsIteration { get; set; }
    public int? LoopCounter { get; set; }

    /// <summary>The instance a call activity started and waits for.</summary>
    public Guid? CalledInstanceId { get; set; }

    /// <summary>Local variables (multi-instance element variable and counters) as a JSON object, or null.</summary>
    public string? LocalVariables { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
