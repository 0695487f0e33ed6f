using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workflows.Engine.Persistence;
using Workflows.Host.Infrastructure;

namespace Workflows.Host.Accounts;

/// <summary>Before the host takes requests: apply the accounts migrations, create the roles, seed the demo.</summary>
internal sealed class AccountsStartup(
    IServiceScopeFactory scopes,
    WorkflowStorage storage,
    IOptions<WorkflowsHostOptions> options,
    ILogger<AccountsStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        await db.Database.MigrateAsync(cancellationToken);

        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Ensure(await roles.CreateAsync(new IdentityRole(role)), $"role {role}");
            }
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<WorkflowUser>>();
        if (options.Value.BootstrapAdmin is { UserName: { Length: > 0 } name, Password: { Length: > 0 } password }
            && await users.FindByNameAsync(name) is null)
        {
            var admin = new WorkflowUser { UserName = name, DisplayName = Roles.DisplayNames[Roles.Admin] };
            Ensure(await users.CreateAsync(admin, password), $"bootstrap administrator {name}");
            Ensure(await users.AddToRoleAsync(admin, Roles.Admin), $"role of bootstrap administrator {name}");
            logger.LogInformation("Created the bootstrap administrator {UserName}", name);
        }

        if (options.Value.SeedDemo ?? storage.Provider == DatabaseProvider.Sqlite)
        {
            var created = await DemoData.SeedAsync(db, users, options.Value.DemoPassword, cancellationToken);
            if (created > 0)
            {
                logger.LogInformation("Seeded {Count} demo users; they may sign in from this machine only", created);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    internal static void Ensure(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not create {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
