using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Workflows.Engine.Tasks;
using Workflows.Procedures.Units;

namespace Workflows.Procedures.Duties;

/// <summary>
/// The duties in force: the built-in catalogue merged with <c>Workflows:Duties:Catalogue</c>,
/// validated once at start so a wrong setting stops the host instead of silently skipping a
/// statutory duty.
/// </summary>
public sealed partial class DutyCatalogue
{
    /// <summary>Variables every duty instance gets; <c>Dates</c> may not reuse them.</summary>
    public static readonly IReadOnlySet<string> ReservedVariables = new HashSet<string>(StringComparer.Ordinal)
    {
        "unit", "unitName", "unitKind", "ownerGroup", "dutyKey", "dutyName", "year", "period", "periodName",
        "dueDate", "coveredYear", "calendarWarnings",
    };

    private readonly Dictionary<string, Duty> _byKey;

    public DutyCatalogue(IOptions<DutiesOptions> options)
        : this(Build(options.Value))
    {
    }

    private DutyCatalogue(IReadOnlyList<Duty> duties)
    {
        Duties = duties;
        _byKey = duties.ToDictionary(d => d.Key, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<Duty> Duties { get; }

    public Duty? Find(string key) => _byKey.GetValueOrDefault(key);

    /// <summary>The enabled duties, in the order built-ins first, then added ones by key.</summary>
    /// <exception cref="OptionsValidationException">Any duty is misconfigured; the message lists every problem.</exception>
    public static IReadOnlyList<Duty> Build(DutiesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builtIns = BuiltInDuties.Create();
        var keys = BuiltInDuties.Keys
            .Concat(options.Catalogue.Keys.Where(k => !builtIns.ContainsKey(k)).Order(StringComparer.Ordinal))
            .ToList();
        var errors = new List<string>();
        var duties = new List<Duty>();
        foreach (var key in keys)
        {
            var merged = Merge(builtIns.GetValueOrDefault(key), options.Catalogue.GetValueOrDefault(key));
            if (merged.Enabled == false)
            {
                continue;
            }
            var problems = new List<string>();
            var duty = Resolve(key, merged, problems);
            errors.AddRange(problems.Select(p => $"{DutiesOptions.Section}:Catalogue:{key}: {p}"));
            if (duty is not null && problems.Count == 0)
            {
                duties.Add(duty);
            }
        }
        errors.AddRange(LadderConflicts(duties));
        if (errors.Count > 0)
        {
            throw new OptionsValidationException(DutiesOptions.Section, typeof(DutiesOptions), errors);
        }
        return duties;
    }

    /// <summary>
    /// The process keys the duties of this configuration start, switched off ones included (switching a
    /// duty back on must find its process published). A shipped duty process that none of them names —
    /// the government's two-step report once the annual-report module points that duty at its own
    /// procedure — is not installed, so admins do not find two procedures for one duty.
    /// </summary>
    public static IReadOnlySet<string> NamedDefinitions(DutiesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builtIns = BuiltInDuties.Create();
        return builtIns.Keys.Union(options.Catalogue.Keys, StringComparer.OrdinalIgnoreCase)
            .Select(key => Merge(builtIns.GetValueOrDefault(key), options.Catalogue.GetValueOrDefault(key)).Definition?.Trim())
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>A ladder setting rewrites a shipped file, which all duties starting that file share.</summary>
    private static IEnumerable<string> LadderConflicts(IReadOnlyList<Duty> duties)
    {
        foreach (var duty in duties.Where(d => d.Ladder is not null && !DutyBpmn.ShippedResources.ContainsKey(d.DefinitionKey)))
        {
            yield return $"{DutiesOptions.Section}:Catalogue:{duty.Key}: Ladder can only rewrite a shipped duty process, and '{duty.DefinitionKey}' is not one; "
                + "model the ladder in that process's BPMN (fz:ladder) instead.";
        }
        foreach (var shared in duties.GroupBy(d => d.DefinitionKey).Where(g => g.Count() > 1))
        {
            var first = shared.First().Ladder;
            if (shared.Any(d => !SameLadder(d.Ladder, first)))
            {
                yield return $"{DutiesOptions.Section}:Catalogue: the duties {string.Join(", ", shared.Select(d => d.Key))} start the same process "
                    + $"'{shared.Key}' but set different ladders; give them the same Ladder or separate processes.";
            }
        }
    }

    private static bool SameLadder(IReadOnlyList<LadderRung>? a, IReadOnlyList<LadderRung>? b) =>
        a is null || b is null ? a is null && b is null : a.SequenceEqual(b);

    private static DutyOptions Merge(DutyOptions? builtIn, DutyOptions? setting) => new()
    {
        Enabled = setting?.Enabled ?? builtIn?.Enabled,
        Name = setting?.Name ?? builtIn?.Name,
        Definition = setting?.Definition ?? builtIn?.Definition,
        Frequency = setting?.Frequency ?? builtIn?.Frequency,
        Due = setting?.Due ?? builtIn?.Due,
        Dates = setting?.Dates ?? builtIn?.Dates,
        UnitKinds = setting?.UnitKinds ?? builtIn?.UnitKinds,
        Units = setting?.Units ?? builtIn?.Units,
        CoversPreviousYear = setting?.CoversPreviousYear ?? builtIn?.CoversPreviousYear,
        Ladder = setting?.Ladder ?? builtIn?.Ladder,
    };

    private static Duty? Resolve(string key, DutyOptions o, List<string> problems)
    {
        if (!KeyShape().IsMatch(key))
        {
            problems.Add("a duty key may hold only lower-case letters, digits and hyphens (it is part of business keys).");
        }
        if (string.IsNullOrWhiteSpace(o.Name))
        {
            problems.Add("Name is required (the duty's Chinese name).");
        }
        if (string.IsNullOrWhiteSpace(o.Definition))
        {
            problems.Add("Definition is required (the key of the BPMN process to start).");
        }
        var frequency = o.Frequency ?? DutyFrequency.Yearly;
        var due = ParseDate("Due", o.Due ?? "end", frequency, problems);
        var dates = new Dictionary<string, DutyDateRule>(StringComparer.Ordinal);
        foreach (var (name, text) in o.Dates ?? [])
        {
            if (!VariableShape().IsMatch(name) || ReservedVariables.Contains(name))
            {
                problems.Add($"Dates:{name} cannot be a variable name (letters and digits, not one of {string.Join(", ", ReservedVariables)}).");
            }
            else if (ParseDate("Dates:" + name, text, frequency, problems) is { } rule)
            {
                dates[name] = rule;
            }
        }
        var kinds = new HashSet<UnitKind>();
        foreach (var text in o.UnitKinds ?? [])
        {
            if (UnitKinds.TryParse(text, out var kind))
            {
                kinds.Add(kind);
            }
            else
            {
                problems.Add($"UnitKinds has '{text}'; use government, department, town or legal-office.");
            }
        }
        var codes = new HashSet<string>((o.Units ?? []).Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()), StringComparer.OrdinalIgnoreCase);
        if (kinds.Count == 0 && codes.Count == 0)
        {
            problems.Add("no responsible units: set UnitKinds or Units.");
        }
        var ladder = o.Ladder is null ? null : ParseLadder(o.Ladder, problems);
        if (problems.Count > 0 || due is null)
        {
            return null;
        }
        return new Duty(key, o.Name!.Trim(), o.Definition!.Trim(), frequency, due, dates, kinds, codes, o.CoversPreviousYear ?? false, ladder);
    }

    private static DutyDateRule? ParseDate(string what, string text, DutyFrequency frequency, List<string> problems)
    {
        try
        {
            return DutyDateRule.Parse(text, frequency);
        }
        catch (FormatException ex)
        {
            problems.Add($"{what}: {ex.Message}");
            return null;
        }
    }

    private static List<LadderRung> ParseLadder(List<LadderRungOptions> rungs, List<string> problems)
    {
        var result = new List<LadderRung>();
        for (var i = 0; i < rungs.Count; i++)
        {
            var rung = rungs[i];
            var where = $"Ladder:{i}";
            if (!Enum.TryParse<LadderAction>(rung.Action?.Trim(), ignoreCase: true, out var action) || !Enum.IsDefined(action) || int.TryParse(rung.Action, out _))
            {
                problems.Add($"{where}: Action '{rung.Action}' is not remind, notify or escalate.");
                continue;
            }
            if ((rung.Before is null) == (rung.After is null))
            {
                problems.Add($"{where}: give exactly one of Before or After (e.g. 5WD).");
                continue;
            }
            var text = (rung.Before ?? rung.After)!.Trim();
            if (!WorkingDays().IsMatch(text) || !int.TryParse(text[..^2], NumberStyles.None, CultureInfo.InvariantCulture, out var days) || days > 250)
            {
                problems.Add($"{where}: '{text}' is not a number of working days such as 5WD.");
                continue;
            }
            if (action != LadderAction.Remind && string.IsNullOrWhiteSpace(rung.To))
            {
                problems.Add($"{where}: {action.ToString().ToLowerInvariant()} needs To (who is told).");
                continue;
            }
            result.Add(new LadderRung(action, days, rung.Before is not null, string.IsNullOrWhiteSpace(rung.To) ? null : rung.To.Trim()));
        }
        return result;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyShape();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]*$", RegexOptions.CultureInvariant)]
    private static partial Regex VariableShape();

    [GeneratedRegex("^[0-9]{1,3}WD$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex WorkingDays();
}
