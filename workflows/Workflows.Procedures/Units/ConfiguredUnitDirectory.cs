using Microsoft.Extensions.Options;

namespace Workflows.Procedures.Units;

/// <summary>One unit as configured under <c>Workflows:Units</c> (a list).</summary>
public sealed class ConfiguredUnit
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";

    /// <summary><c>government</c>, <c>department</c>, <c>town</c> or <c>legal-office</c>.</summary>
    public string Kind { get; set; } = "";
}

public sealed class UnitDirectoryOptions
{
    /// <summary>The configuration key of the list itself, e.g. <c>Workflows:Units:0:Code</c>.</summary>
    public const string Section = "Workflows:Units";

    public List<ConfiguredUnit> Units { get; set; } = [];
}

/// <summary>The stand-in directory: units listed in configuration. Registered with TryAdd so the host can replace it.</summary>
public sealed class ConfiguredUnitDirectory(IOptionsMonitor<UnitDirectoryOptions> options) : IUnitDirectory
{
    public Task<IReadOnlyList<OrgUnit>> ListAsync(CancellationToken cancellationToken)
    {
        var units = new List<OrgUnit>();
        foreach (var entry in options.CurrentValue.Units)
        {
            if (string.IsNullOrWhiteSpace(entry.Code))
            {
                throw new InvalidOperationException($"A unit in {UnitDirectoryOptions.Section} has no code.");
            }
            if (!UnitKinds.TryParse(entry.Kind, out var kind))
            {
                // A unit of unknown kind would silently escape every duty: refuse the configuration instead.
                throw new InvalidOperationException(
                    $"The unit '{entry.Code}' in {UnitDirectoryOptions.Section} has the kind '{entry.Kind}'; use government, department, town or legal-office.");
            }
            units.Add(new OrgUnit(entry.Code.Trim(), string.IsNullOrWhiteSpace(entry.Name) ? entry.Code.Trim() : entry.Name.Trim(), kind));
        }
        var duplicate = units.GroupBy(u => u.Code, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"The unit code '{duplicate.Key}' appears twice in {UnitDirectoryOptions.Section}.");
        }
        return Task.FromResult<IReadOnlyList<OrgUnit>>(units);
    }
}
