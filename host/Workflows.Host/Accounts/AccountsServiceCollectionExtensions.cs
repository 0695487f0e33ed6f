using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Workflows.Engine.Persistence;
using Workflows.Host.Infrastructure;

namespace Workflows.Host.Accounts;

public static class AccountsServiceCollectionExtensions
{
    /// <summary>Picks bearer for the API and for any request that carries a token, the Identity cookie otherwise.</summary>
    public const string DefaultScheme = "BearerOrCookie";

    /// <summary>Identity, its tables in the workflow database, bearer tokens, the cookie, and the authorization policies.</summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services, WorkflowStorage storage)
    {
        // First of all hosted services: the Data Protection key ring is read from these tables as soon
        // as its own hosted service starts, so they must exist by then.
        services.AddHostedService<AccountsStartup>();
        if (storage.Provider == DatabaseProvider.PostgreSql)
        {
            services.AddDbContext<AccountsDbContext, PostgreSqlAccountsDbContext>(o => o.UseNpgsql(
                storage.ConnectionString, npgsql => npgsql.MigrationsHistoryTable(AccountsDbContext.MigrationsHistoryTable)));
        }
        else
        {
            services.AddDbContext<AccountsDbContext, SqliteAccountsDbContext>(o => o.UseSqlite(
                storage.ConnectionString, sqlite => sqlite.MigrationsHistoryTable(AccountsDbContext.MigrationsHistoryTable)));
        }

        services.AddIdentityCore<WorkflowUser>(o =>
            {
                o.Password.RequiredLength = 8;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.User.RequireUniqueEmail = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AccountsDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<WorkflowClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();

        // Bearer tickets and cookies are protected with keys kept in the database, so every host of a
        // scaled-out installation accepts a token that another one issued.
        services.AddDataProtection()
            .SetApplicationName("Fazhi.Workflows")
            .PersistKeysToDbContext<AccountsDbContext>();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = DefaultScheme;
                o.DefaultChallengeScheme = DefaultScheme;
            })
            .AddPolicyScheme(DefaultScheme, "Bearer token or sign-in cookie", o => o.ForwardDefaultSelector = SelectScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, o =>
            {
                o.BearerTokenExpiration = TimeSpan.FromHours(8);
                // Sessions run on the wall clock even when the workflow clock is simulated: moving the
                // demo clock three days ahead must not sign everybody out.
                o.TimeProvider = TimeProvider.System;
            })
            .AddIdentityCookies(cookies => cookies.ApplicationCookie?.Configure(o =>
            {
                o.TimeProvider = TimeProvider.System;
                o.SlidingExpiration = true;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
            }));

        services.AddSingleton<IAuthorizationHandler, DemoAccountsLoopbackOnlyHandler>();
        services.AddAuthorizationBuilder()
            .SetDefaultPolicy(SignedIn().Build())
            .AddPolicy(Policies.Admin, SignedIn().RequireRole(Roles.Admin).Build());

        return services;
    }

    private static AuthorizationPolicyBuilder SignedIn() => new AuthorizationPolicyBuilder()
        .RequireAuthenticatedUser()
        .AddRequirements(new DemoAccountsLoopbackOnlyRequirement());

    private static string SelectScheme(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api") || context.Request.Headers.Authorization.Count > 0
            ? IdentityConstants.BearerScheme
            : IdentityConstants.ApplicationScheme;
}

public static class Policies
{
    public const string Admin = "admin";
}
