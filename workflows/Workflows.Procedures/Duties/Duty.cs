using Workflows.Engine.Tasks;
using Workflows.Procedures.Units;

namespace Workflows.Procedures.Duties;

/// <summary>
/// A recurring statutory duty, resolved and validated: what starts, when, for whom and due when.
/// Each period it becomes one workflow instance per responsible unit.
/// </summary>
public sealed record Duty(
    string Key,
    string Name,
    string DefinitionKey,
    DutyFrequency Frequency,
    DutyDateRule Due,
    IReadOnlyDictionary<string, DutyDateRule> Dates,
    IReadOnlySet<UnitKind> UnitKinds,
    IReadOnlySet<string> UnitCodes,
    bool CoversPreviousYear,
    IReadOnlyList<LadderRung>? Ladder)
{
    /// <summary>The recurring job's key, persisted in <c>wf_timers</c>.</summary>
    public string JobKey => "duty:" + Key;

    /// <summary><c>duty:&lt;key&gt;:&lt;period&gt;:&lt;unit&gt;</c>: one instance per duty, period and unit, ever.</summary>
    public string BusinessKey(DutyPeriod period, string unitCode) => $"{BusinessKeyPrefix(period)}{unitCode}";

    public string BusinessKeyPrefix(DutyPeriod period) => $"duty:{Key}:{period.Id}:";

    public bool IsResponsible(OrgUnit unit) =>
        UnitKinds.Contains(unit.Kind) || UnitCodes.Contains(unit.Code);
}
