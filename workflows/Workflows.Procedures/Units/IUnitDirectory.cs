namespace Workflows.Procedures.Units;

/// <summary>
/// The units that duties are assigned to. The host implements it over its units table (which
/// needs a kind column); until then <see cref="ConfiguredUnitDirectory"/> reads <c>Workflows:Units</c>.
/// </summary>
public interface IUnitDirectory
{
    Task<IReadOnlyList<OrgUnit>> ListAsync(CancellationToken cancellationToken);
}
