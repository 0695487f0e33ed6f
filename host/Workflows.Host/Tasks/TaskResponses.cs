using System.Text.Json.Nodes;
using Workflows.Engine.Runtime;
using Workflows.Engine.Tasks;

namespace Workflows.Host.Tasks;

/// <param name="ShortenReason">Why a step with a minimum period (不少于) closes before the period ends; required then, recorded in the journal.</param>
public sealed record CompleteTaskRequest(string? Outcome, JsonObject? Variables, string? Comment, string? ShortenReason = null);

public sealed record PauseClockRequest(string? Reason);

/// <param name="Kind"><c>Step</c> for a step of the procedure, <c>Escalation</c> for a supervision task (督办) opened by the ladder.</param>
/// <param name="ParentTaskId">For an escalation: the overdue step it supervises.</param>
/// <param name="EarliestCompletion">For a minimum period (不少于): completing before this instant needs a shortenReason.</param>
/// <param name="ClockStopped">The statutory clock is stopped (期限中止); the due date moves when it resumes.</param>
public sealed record TaskResponse(
    Guid Id,
    Guid InstanceId,
    string ActivityId,
    string? Name,
    string? Assignee,
    IReadOnlyList<string> CandidateGroups,
    DateTimeOffset? DueAt,
    UserTaskStatus Status,
    DateTimeOffset CreatedAt,
    string DefinitionKey,
    string? BusinessKey,
    string? Outcome,
    string? CompletedBy,
    DateTimeOffset? CompletedAt,
    HumanTaskKind Kind,
    Guid? ParentTaskId,
    DateTimeOffset? EarliestCompletion,
    bool ClockStopped)
{
    public static TaskResponse From(TaskView t) => new(
        t.Id, t.InstanceId, t.ActivityId, t.Name, t.Assignee, t.CandidateGroups, t.DueAt, t.Status, t.CreatedAt,
        t.DefinitionKey, t.BusinessKey, t.Outcome, t.CompletedBy, t.CompletedAt, t.Kind, t.ParentTaskId, t.EarliestCompletion, t.ClockStopped);
}

/// <summary>One time the task's clock stood still: who stopped it and why, who restarted it and when. <c>resumedAt</c> is null while it stands.</summary>
public sealed record ClockStopResponse(DateTimeOffset PausedAt, string PausedBy, string Reason, DateTimeOffset? ResumedAt, string? ResumedBy)
{
    public static ClockStopResponse From(TaskClockStop s) => new(s.PausedAt, s.PausedBy, s.Reason, s.ResumedAt, s.ResumedBy);
}
