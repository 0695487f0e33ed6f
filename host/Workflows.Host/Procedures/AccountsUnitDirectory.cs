using Microsoft.EntityFrameworkCore;
using Workflows.Host.Accounts;
using Workflows.Procedures.Units;

namespace Workflows.Host.Procedures;

/// <summary>The units of the host's accounts, for the duties each unit carries.</summary>
public sealed class AccountsUnitDirectory(IServiceScopeFactory scopes, ILogger<AccountsUnitDirectory> logger) : IUnitDirectory
{
    public async Task<IReadOnlyList<OrgUnit>> ListAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        var units = await db.Units.AsNoTracking().OrderBy(u => u.Code).ToListAsync(cancellationToken);
        var result = new List<OrgUnit>();
        foreach (var unit in units)
        {
            if (UnitKinds.TryParse(unit.Kind, out var kind))
            {
                result.Add(new OrgUnit(unit.Code, unit.Name, kind));
            }
            else
            {
                logger.LogWarning("Unit {Code} has the unknown kind '{Kind}' and carries no duties", unit.Code, unit.Kind);
            }
        }
        return result;
    }
}
