using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Workflows.Activities.Notifications.Recipients;
using Workflows.Host.Accounts;

namespace Workflows.Host.Notifications;

/// <summary>
/// Resolves notification recipients against the Identity accounts: a user name, the holders of a
/// role, the holders of a role within a unit (<c>unit:role</c>) or everyone in a unit
/// (<c>unit:*</c>). Each spec is one query on the indexed normalized names and the unit column.
/// Names match as the engine matches candidate groups: user names, roles and unit codes without
/// regard to case.
/// </summary>
public sealed class AccountsRecipientDirectory(IServiceScopeFactory scopes) : IRecipientDirectory
{
    public async Task<IReadOnlyList<NotificationRecipient>> ResolveAsync(RecipientSpec spec, CancellationToken cancellationToken)
    {
        // The outbox handler is a singleton; the accounts context is scoped to one unit of work.
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        var normalizer = scope.ServiceProvider.GetRequiredService<ILookupNormalizer>();

        IQueryable<WorkflowUser> users;
        switch (spec.Kind)
        {
            case RecipientSpecKind.User:
                users = Named(db, normalizer, spec.Name);
                break;
            case RecipientSpecKind.Role:
                users = InRole(db, normalizer, spec.Name);
                break;
            case RecipientSpecKind.UserOrRole:
                users = Named(db, normalizer, spec.Name).Union(InRole(db, normalizer, spec.Name));
                break;
            case RecipientSpecKind.UnitRole or RecipientSpecKind.Unit:
                if (await UnitCodeAsync(db, spec.Unit, cancellationToken) is not { } unit)
                {
                    return [];
                }
                users = spec.Kind == RecipientSpecKind.Unit
                    ? db.Users.Where(u => u.UnitCode == unit)
                    : InRole(db, normalizer, spec.Name).Where(u => u.UnitCode == unit);
                break;
            default:
                return [];
        }

        var people = await users
            .Select(u => new { u.UserName, u.DisplayName, u.Email })
            .ToListAsync(cancellationToken);
        return [.. people
            .Where(p => !string.IsNullOrEmpty(p.UserName))
            .OrderBy(p => p.UserName, StringComparer.Ordinal)
            .Select(p => new NotificationRecipient(
                p.UserName!,
                string.IsNullOrWhiteSpace(p.DisplayName) ? p.UserName! : p.DisplayName,
                string.IsNullOrWhiteSpace(p.Email) ? null : p.Email.Trim()))];
    }

    private static IQueryable<WorkflowUser> Named(AccountsDbContext db, ILookupNormalizer normalizer, string userName)
    {
        var normalized = normalizer.NormalizeName(userName.Trim());
        return db.Users.Where(u => u.NormalizedUserName == normalized);
    }

    private static IQueryable<WorkflowUser> InRole(AccountsDbContext db, ILookupNormalizer normalizer, string role)
    {
        var normalized = normalizer.NormalizeName(role.Trim());
        return
            from r in db.Roles
            where r.NormalizedName == normalized
            join ur in db.UserRoles on r.Id equals ur.RoleId
            join u in db.Users on ur.UserId equals u.Id
            select u;
    }

    /// <summary>The stored spelling of a unit code, so the users are then found by the indexed foreign key.</summary>
    private static async Task<string?> UnitCodeAsync(AccountsDbContext db, string? unit, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(unit))
        {
            return null;
        }
        var lower = unit.Trim().ToLowerInvariant();
        return await db.Units.Where(u => u.Code.ToLower() == lower).Select(u => u.Code).FirstOrDefaultAsync(cancellationToken);
    }
}
