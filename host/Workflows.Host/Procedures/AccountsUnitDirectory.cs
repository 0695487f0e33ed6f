using Microsoft.EntityFrameworkCore;
using Workflows.Host.Accounts;
using Workflows.Procedures.Units;

namespace Workflows.Host.Procedures;

/// <summary>
/// The units of the host's accounts: for the duties each unit carries, and for the major-decision
/// procedure's checks of lead, executing and evaluating units.
/// </summary>
/// <remarks>Guards and activities run on the engine's root provider; the accounts context is scoped, hence a scope per call.</remarks>
public sealed class AccountsUnitDirectory(IServiceScopeFactory scopes, ILogger<AccountsUnitDirectory> logger) : IUnitDirectory
{
    public async Task<IReadOnlyList<OrgUnit>> ListAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        var units = await db.Units.AsNoTracking().OrderBy(u => u.Code).ToListAsync(cancellationToken);
        return [.. units.Select(ToOrgUnit).OfType<OrgUnit>()];
    }

    public async Task<OrgUnit?> FindAsync(string unitCode, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        var code = unitCode.Trim().ToLowerInvariant();
        var unit = await db.Units.AsNoTracking().Where(u => u.Code.ToLower() == code).FirstOrDefaultAsync(cancellationToken);
        return unit is null ? null : ToOrgUnit(unit);
    }

    private OrgUnit? ToOrgUnit(Unit unit)
    {
        if (UnitKinds.TryParse(unit.Kind, out var kind))
        {
            return new OrgUnit(unit.Code, unit.Name, kind);
        }
        logger.LogWarning("Unit {Code} has the unknown kind '{Kind}': it carries no duties and cannot lead a procedure", unit.Code, unit.Kind);
        return null;
    }
}
