namespace Workflows.Procedures.Units;

/// <summary>
/// The organisation's units: the ones duties are assigned to, and the lead, executing and evaluating
/// units (承办单位, 执行单位, 评估单位) a major decision names. The host implements it over its units
/// table; <see cref="ConfiguredUnitDirectory"/> reads <c>Workflows:Units</c> where there is no host.
/// </summary>
public interface IUnitDirectory
{
    Task<IReadOnlyList<OrgUnit>> ListAsync(CancellationToken cancellationToken);

    /// <summary>The unit with this code (compared without regard to case), or null when there is none.</summary>
    Task<OrgUnit?> FindAsync(string unitCode, CancellationToken cancellationToken);
}
