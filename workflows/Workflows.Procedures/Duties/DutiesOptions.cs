namespace Workflows.Procedures.Duties;

/// <summary>
/// <c>Workflows:Duties</c>: the recurring statutory duties (法定周期性职责) and the quarterly
/// deadline notices. The built-in catalogue (<see cref="BuiltInDuties"/>) applies unless a duty
/// under <see cref="Catalogue"/> overrides some of its settings; a new key adds a duty.
/// </summary>
public sealed class DutiesOptions
{
    public const string Section = "Workflows:Duties";

    /// <summary>Local time (in the engine's time zone) at which duties start and digests are sent, on the first working day of a period.</summary>
    public TimeOnly StartTime { get; set; } = new(9, 0);

    /// <summary>
    /// Who "the legal affairs office" is in the duties' ladders (<c>{legalOffice}</c> in the shipped BPMN):
    /// recipient specs such as <c>legal-office:supervisor</c>. When empty, the supervisors (督办) of every unit of kind
    /// legal-office in the unit directory.
    /// </summary>
    public string? LegalOffice { get; set; }

    /// <summary>Overrides and additions by duty key, e.g. <c>Catalogue:executive-meeting-report:Frequency = HalfYearly</c>.</summary>
    public Dictionary<string, DutyOptions> Catalogue { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public QuarterlyDigestOptions QuarterlyDigest { get; set; } = new();
}

/// <summary>
/// One duty's settings. For a built-in duty every property left null keeps the built-in value; a
/// new duty needs at least <see cref="Name"/>, <see cref="Definition"/> and <see cref="UnitKinds"/> or <see cref="Units"/>.
/// </summary>
public sealed class DutyOptions
{
    public bool? Enabled { get; set; }

    /// <summary>The duty's Chinese name, e.g. 规范性文件目录公布.</summary>
    public string? Name { get; set; }

    /// <summary>The key of the BPMN process started for each responsible unit.</summary>
    public string? Definition { get; set; }

    public DutyFrequency? Frequency { get; set; }

    /// <summary>The due date (<c>dueDate</c> variable): <c>end</c>, <c>03-31</c>, or one <c>MM-dd</c> per period.</summary>
    public string? Due { get; set; }

    /// <summary>Further dates as variables, same syntax as <see cref="Due"/>, e.g. <c>publishDueDate: 04-01</c>.</summary>
    public Dictionary<string, string>? Dates { get; set; }

    /// <summary>Responsible units by kind: <c>government</c>, <c>department</c>, <c>town</c>, <c>legal-office</c>.</summary>
    public List<string>? UnitKinds { get; set; }

    /// <summary>Responsible units by code, in addition to those of <see cref="UnitKinds"/>.</summary>
    public List<string>? Units { get; set; }

    /// <summary>True for duties about the year before (annual reports, last year's catalogue): sets <c>coveredYear</c>.</summary>
    public bool? CoversPreviousYear { get; set; }

    /// <summary>Replaces the reminder ladder of every user task in the shipped BPMN of this duty; null keeps the file's.</summary>
    public List<LadderRungOptions>? Ladder { get; set; }
}

/// <summary>One rung of a duty's ladder, written into the BPMN as <c>&lt;fz:remind before="5WD" /&gt;</c> and the like.</summary>
public sealed class LadderRungOptions
{
    /// <summary><c>remind</c>, <c>notify</c> or <c>escalate</c>.</summary>
    public string Action { get; set; } = "";

    /// <summary>Working days before the due date, e.g. <c>5WD</c>.</summary>
    public string? Before { get; set; }

    /// <summary>Working days after the due date, e.g. <c>1WD</c>.</summary>
    public string? After { get; set; }

    /// <summary>Recipient specs; <c>{unit}</c> is the responsible unit, <c>{legalOffice}</c> the legal affairs office.</summary>
    public string? To { get; set; }
}

public sealed class QuarterlyDigestOptions
{
    /// <summary>季度到期事项提示 on the first working day of each quarter.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The role whose holders in a unit receive the unit's digest.</summary>
    public string SupervisorRole { get; set; } = "supervisor";
}
