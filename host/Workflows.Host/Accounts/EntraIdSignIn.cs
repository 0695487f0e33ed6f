using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.Identity.Web;

namespace Workflows.Host.Accounts;

/// <summary>
/// Sign-in with Microsoft Entra ID beside the local accounts, registered only when an <c>AzureAd</c>
/// section with a ClientId is configured. The OpenID Connect handler signs into Identity's application
/// cookie, so an Entra user and a local user are the same kind of session; the app roles of the
/// registration (their values equal the product's role names, or are mapped by <c>AzureAd:RoleMap</c>)
/// become role claims, and the optional <c>AzureAd:UnitClaim</c> names the claim holding the unit code.
/// </summary>
public static class EntraIdSignIn
{
    public const string Section = "AzureAd";

    public static IServiceCollection AddEntraIdSignIn(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        if (string.IsNullOrWhiteSpace(section["ClientId"]))
        {
            return services;
        }
        var roleMap = section.GetSection("RoleMap").Get<Dictionary<string, string>>() ?? [];
        var unitClaim = section["UnitClaim"];

        services.AddAuthentication()
            .AddMicrosoftIdentityWebApp(section, OpenIdConnectDefaults.AuthenticationScheme, cookieScheme: null, displayName: "Microsoft Entra ID");
        services.PostConfigure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, o =>
        {
            o.SignInScheme = IdentityConstants.ApplicationScheme;
            // The user name the engine records (assignee, journal actor) is the UPN, which is stable.
            o.TokenValidationParameters.NameClaimType = "preferred_username";
            var previous = o.Events.OnTokenValidated;
            o.Events.OnTokenValidated = async context =>
            {
                await previous(context);
                if (context.Principal?.Identity is ClaimsIdentity identity)
                {
                    AddProductClaims(identity, roleMap, unitClaim);
                }
            };
        });
        return services;
    }

    internal static void AddProductClaims(ClaimsIdentity identity, IReadOnlyDictionary<string, string> roleMap, string? unitClaim)
    {
        var appRoles = identity.FindAll("roles").Select(c => c.Value).ToList();
        foreach (var appRole in appRoles)
        {
            var role = roleMap.TryGetValue(appRole, out var mapped) ? mapped : appRole;
            if (Roles.DisplayNames.ContainsKey(role) && !identity.HasClaim(ClaimTypes.Role, role))
            {
                identity.AddClaim(new Claim(ClaimTypes.Role, role));
            }
        }
        if (unitClaim is not null && identity.FindFirst(unitClaim)?.Value is { Length: > 0 } unit)
        {
            identity.AddClaim(new Claim(WorkflowClaimTypes.Unit, unit));
        }
    }
}
