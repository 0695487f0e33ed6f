using Workflows.Engine.Runtime;

namespace Workflows.Engine.Tasks;

/// <summary>Who may act on a human task.</summary>
public static class TaskAccess
{
    /// <summary>
    /// An assigned task belongs to its assignee alone. An unassigned one to its candidate users
    /// and to holders of a candidate group: a role (<c>reviewer</c>), a role within a unit
    /// (<c>legal-office:reviewer</c>) or everyone in a unit (<c>legal-office:*</c>).
    /// </summary>
    public static bool CanAct(string? assignee, IReadOnlyList<string> candidateGroups, IReadOnlyList<string> candidateUsers, WorkflowActor actor)
    {
        if (!string.IsNullOrEmpty(assignee))
        {
            return string.Equals(assignee, actor.UserName, StringComparison.OrdinalIgnoreCase);
        }
        if (candidateUsers.Any(u => string.Equals(u, actor.UserName, StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }
        foreach (var group in candidateGroups)
        {
            var colon = group.IndexOf(':');
            if (colon < 0)
            {
                if (actor.IsInRole(group))
                {
                    return true;
                }
                continue;
            }
            var unit = group[..colon];
            var role = group[(colon + 1)..];
            if (string.Equals(unit, actor.UnitCode, StringComparison.OrdinalIgnoreCase) && (role == "*" || actor.IsInRole(role)))
            {
                return true;
            }
        }
        return false;
    }

    public static bool CanAct(HumanTask task, WorkflowActor actor) =>
        CanAct(task.Assignee, task.CandidateGroupList, task.CandidateUserList, actor);
}
