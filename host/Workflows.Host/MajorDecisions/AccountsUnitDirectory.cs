using Microsoft.EntityFrameworkCore;
using Workflows.Host.Accounts;
using Workflows.Procedures.MajorDecisions;

namespace Workflows.Host.MajorDecisions;

/// <summary>The units of the accounts database, for the procedure's checks of lead, executing and evaluating units.</summary>
public sealed class AccountsUnitDirectory(IServiceScopeFactory scopes) : IUnitDirectory
{
    public async Task<string?> NameOfAsync(string unitCode, CancellationToken cancellationToken)
    {
        // Guards run on the engine's root provider; the accounts context is scoped.
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        var code = unitCode.Trim().ToLowerInvariant();
        return await db.Units.AsNoTracking().Where(u => u.Code.ToLower() == code).Select(u => u.Name).FirstOrDefaultAsync(cancellationToken);
    }
}
