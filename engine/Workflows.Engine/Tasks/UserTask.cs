namespace Workflows.Engine.Tasks;

public enum UserTaskStatus
{
    Open,
    Completed,
    Cancelled,
}

public enum HumanTaskKind
{
    /// <summary>A step of the process: completing it moves the token on.</summary>
    Step,

    /// <summary>A supervision task (督办) opened by the escalation ladder of an overdue step.</summary>
    Escalation,
}

/// <summary>A human task: the bookmark a user task leaves for a person to complete.</summary>
public sealed class HumanTask
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }
    public Guid TokenId { get; set; }
    public required string ActivityId { get; set; }
    public string? Name { get; set; }
    public string? Assignee { get; set; }

    /// <summary>Set when a member of a candidate group took the task; releasing it clears the assignee again.</summary>
    public string? ClaimedBy { get; set; }

    /// <summary>Comma-separated roles or <c>unit:role</c> codes.</summary>
    public string? CandidateGroups { get; set; }
    public string? CandidateUsers { get; set; }
    public UserTaskStatus Status { get; set; }
    public HumanTaskKind Kind { get; set; }

    /// <summary>For an escalation: the overdue step it supervises.</summary>
    public Guid? ParentTaskId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DueAt { get; set; }

    /// <summary>The resolved <c>fz:due</c> rule (<c>7WD</c>, <c>30D</c>, <c>P15D</c>), kept to recompute the due date.</summary>
    public string? DueRule { get; set; }

    /// <summary>A minimum period (<c>fz:minimum</c>, "不少于"): the step may not close before this instant.</summary>
    public DateTimeOffset? EarliestCompletion { get; set; }
    public string? MinimumRule { get; set; }

    /// <summary>Set while the statutory clock is stopped (see <see cref="TaskClockStop"/>).</summary>
    public DateTimeOffset? ClockPausedAt { get; set; }
    public string? CompletedBy { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public string? Outcome { get; set; }
    public string? Comment { get; set; }

    /// <summary>Variables submitted with the completion, as a JSON object.</summary>
    public string? SubmittedVariables { get; set; }

    public IReadOnlyList<string> CandidateGroupList => Split(CandidateGroups);
    public IReadOnlyList<string> CandidateUserList => Split(CandidateUsers);

    private static string[] Split(string? list) =>
        string.IsNullOrWhiteSpace(list) ? [] : list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
