using System.Globalization;
using System.Xml.Linq;
using Workflows.Engine.Bpmn;
using Workflows.Engine.Bpmn.Model;

namespace Workflows.Engine.Tasks;

public enum LadderAction
{
    /// <summary>Remind whoever holds the task (assignee, or candidates).</summary>
    Remind,

    /// <summary>Tell someone else, e.g. the legal affairs office.</summary>
    Notify,

    /// <summary>Open a supervision task (督办) for a supervisor and tell them.</summary>
    Escalate,
}

/// <summary>One rung: act <see cref="WorkingDays"/> working days before (or after) the due date, at the reminder time.</summary>
public sealed record LadderRung(LadderAction Action, int WorkingDays, bool BeforeDue, string? To);

/// <summary>
/// A user task's reminder and escalation ladder, modelled in the BPMN so the designer can edit it:
/// <code>
/// &lt;bpmn:extensionElements&gt;
///   &lt;fz:ladder&gt;
///     &lt;fz:remind before="3WD" /&gt;
///     &lt;fz:remind before="0WD" /&gt;
///     &lt;fz:escalate after="1WD" to="{unit}:supervisor" /&gt;
///     &lt;fz:notify after="5WD" to="legal-office:*" /&gt;
///   &lt;/fz:ladder&gt;
/// &lt;/bpmn:extensionElements&gt;
/// </code>
/// <c>to</c> takes recipient specs (a user, a role, <c>unit:role</c>, <c>unit:*</c>, <c>${variable}</c>); <c>{unit}</c> is the unit of
/// the person who started the instance. Rungs fire at the reminder time on working days only.
/// </summary>
public static class TaskLadder
{
    public static IReadOnlyList<LadderRung> Read(UserTask task, List<string>? errors = null)
    {
        var rungs = new List<LadderRung>();
        foreach (var ladder in task.ExtensionElements.Where(e => e.Name == XName.Get("ladder", BpmnNamespaces.Fazhi)))
        {
            foreach (var element in ladder.Elements())
            {
                if (element.Name.NamespaceName != BpmnNamespaces.Fazhi || !Enum.TryParse<LadderAction>(element.Name.LocalName, ignoreCase: true, out var action))
                {
                    errors?.Add(EngineText.Format("Ladder.Unknown", element.Name.LocalName));
                    continue;
                }
                var before = (string?)element.Attribute("before");
                var after = (string?)element.Attribute("after");
                if ((before is null) == (after is null))
                {
                    errors?.Add(EngineText.Format("Ladder.BeforeOrAfter", element.Name.LocalName));
                    continue;
                }
                if (!TryParseWorkingDays(before ?? after!, out var days))
                {
                    errors?.Add(EngineText.Format("Ladder.NotWorkingDays", element.Name.LocalName, before ?? after));
                    continue;
                }
                var to = (string?)element.Attribute("to");
                if (action != LadderAction.Remind && string.IsNullOrWhiteSpace(to))
                {
                    errors?.Add(EngineText.Format("Ladder.NeedsTo", element.Name.LocalName));
                    continue;
                }
                rungs.Add(new LadderRung(action, days, before is not null, string.IsNullOrWhiteSpace(to) ? null : to.Trim()));
            }
        }
        return rungs;
    }

    private static bool TryParseWorkingDays(string text, out int days)
    {
        var trimmed = text.Trim();
        days = 0;
        return trimmed.EndsWith("WD", StringComparison.OrdinalIgnoreCase)
            && int.TryParse(trimmed[..^2].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out days)
            && days <= 250;
    }
}
