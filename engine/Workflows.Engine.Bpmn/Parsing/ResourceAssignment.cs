using System.Xml.Linq;

namespace Workflows.Engine.Bpmn.Parsing;

/// <summary>
/// The standard BPMN way to say who does a user task: <c>potentialOwner</c> and
/// <c>humanPerformer</c> with a formal expression such as <c>user(li.wei), group(legal)</c>.
/// Only the Activiti-style forms are understood; a <c>resourceRef</c> without an expression is ignored.
/// </summary>
internal sealed record ResourceAssignment(string? Assignee, IReadOnlyList<string> Users, IReadOnlyList<string> Groups)
{
    public static ResourceAssignment Read(XElement task)
    {
        string? assignee = null;
        var users = new List<string>();
        var groups = new List<string>();
        foreach (var role in task.Elements())
        {
            var isPerformer = role.Name == BpmnVocabulary.HumanPerformer;
            if (!isPerformer && role.Name != BpmnVocabulary.PotentialOwner)
            {
                continue;
            }
            var expression = XmlValues.Text(
                role.Element(BpmnVocabulary.ResourceAssignmentExpression)?.Element(BpmnVocabulary.FormalExpression));
            if (expression is null)
            {
                continue;
            }
            foreach (var part in ExpressionText.SplitTopLevel(expression))
            {
                if (Argument(part, "user") is { } user)
                {
                    if (isPerformer)
                    {
                        assignee ??= user;
                    }
                    else
                    {
                        users.Add(user);
                    }
                }
                else if (Argument(part, "group") is { } group)
                {
                    groups.Add(group);
                }
                else if (isPerformer)
                {
                    assignee ??= part;
                }
                else
                {
                    // A bare name on a potential owner is a group, as in Activiti and Flowable.
                    groups.Add(part);
                }
            }
        }
        return new ResourceAssignment(assignee, users, groups);
    }

    /// <summary>"user(li.wei)" with <paramref name="function"/> "user" → "li.wei".</summary>
    private static string? Argument(string part, string function)
    {
        if (!part.StartsWith(function, StringComparison.Ordinal) || !part.EndsWith(')'))
        {
            return null;
        }
        var rest = part[function.Length..].TrimStart();
        if (!rest.StartsWith('('))
        {
            return null;
        }
        var argument = rest[1..^1].Trim();
        return argument.Length == 0 ? null : argument;
    }
}
