using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Workflows.Host.Accounts;

/// <summary>A county government as it would be set up for a demonstration; seeding is idempotent.</summary>
internal static class DemoData
{
    public const string CountyGovernment = "county-gov";
    public const string LegalOffice = "legal-office";
    public const string DevelopmentReform = "county-drc";
    public const string Town = "town-chengguan";

    private static readonly Unit[] Units =
    [
        new() { Code = CountyGovernment, Name = "县人民政府", Kind = "government" },
        new() { Code = LegalOffice, Name = "县司法局（县委依法治县办公室）", ParentCode = CountyGovernment, Kind = "legal-office" },
        new() { Code = DevelopmentReform, Name = "县发展和改革局", ParentCode = CountyGovernment, Kind = "department" },
        new() { Code = Town, Name = "城关镇人民政府", ParentCode = CountyGovernment, Kind = "town" },
    ];

    /// <summary>Each demo user holds the role of the same name.</summary>
    private static readonly (string UserName, string DisplayName, string Unit)[] Users =
    [
        (Roles.Admin, "系统管理员", LegalOffice),
        (Roles.Owner, "承办科员（县发展和改革局）", DevelopmentReform),
        (Roles.Reviewer, "审查科员（县司法局）", LegalOffice),
        (Roles.Legal, "合法性审查员（县司法局）", LegalOffice),
        (Roles.Leader, "分管副县长", CountyGovernment),
        (Roles.Expert, "法律顾问专家", LegalOffice),
        (Roles.Supervisor, "督办科员（县委依法治县办）", LegalOffice),
    ];

    /// <returns>How many users were created (0 when the demo was already there).</returns>
    public static async Task<int> SeedAsync(AccountsDbContext db, UserManager<WorkflowUser> users, string password, CancellationToken cancellationToken)
    {
        var existing = await db.Units.Select(u => u.Code).ToListAsync(cancellationToken);
        // Parents first, so each foreign key is satisfied in one SaveChanges.
        db.Units.AddRange(Units.Where(u => !existing.Contains(u.Code)).Select(u => new Unit { Code = u.Code, Name = u.Name, ParentCode = u.ParentCode, Kind = u.Kind }));
        // Databases seeded before units had kinds: give the demo units theirs.
        foreach (var stale in await db.Units.Where(u => existing.Contains(u.Code)).ToListAsync(cancellationToken))
        {
            stale.Kind = Units.FirstOrDefault(u => u.Code == stale.Code)?.Kind ?? stale.Kind;
        }
        await db.SaveChangesAsync(cancellationToken);

        var created = 0;
        foreach (var (userName, displayName, unit) in Users)
        {
            if (await users.FindByNameAsync(userName) is { } present)
            {
                // Databases seeded before notifications existed have demo users without an address.
                if (present.IsDemo && string.IsNullOrEmpty(present.Email))
                {
                    AccountsStartup.Ensure(await users.SetEmailAsync(present, EmailOf(userName)), $"email of demo user {userName}");
                }
                continue;
            }
            var user = new WorkflowUser { UserName = userName, DisplayName = displayName, UnitCode = unit, IsDemo = true, Email = EmailOf(userName) };
            AccountsStartup.Ensure(await users.CreateAsync(user, password), $"demo user {userName}");
            AccountsStartup.Ensure(await users.AddToRoleAsync(user, userName), $"role of demo user {userName}");
            created++;
        }
        return created;
    }

    /// <summary>e.g. <c>reviewer@fazhi.local</c>: a <c>.local</c> domain never resolves on the internet, so demo mail cannot leave the pickup folder or the catcher.</summary>
    public static string EmailOf(string userName) => $"{userName}@fazhi.local";
}
