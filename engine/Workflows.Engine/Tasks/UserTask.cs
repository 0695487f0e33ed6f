namespace Workflows.Engine.Tasks;

public enum UserTaskStatus
{
    Open,
    Completed,
    Cancelled,
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

    /// <summary>Comma-separated roles or <c>unit:role</c> codes.</summary>
    public string? CandidateGroups { get; set; }
    public string? CandidateUsers { get; set; }
    public UserTaskStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DueAt { get; set; }
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
