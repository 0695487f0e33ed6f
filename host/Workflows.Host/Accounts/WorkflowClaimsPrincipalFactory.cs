using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Workflows.Host.Accounts;

/// <summary>Adds the unit (for <c>unit:role</c> candidate groups) and the demo flag to Identity's claims.</summary>
public sealed class WorkflowClaimsPrincipalFactory(
    UserManager<WorkflowUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<WorkflowUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(WorkflowUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (!string.IsNullOrEmpty(user.UnitCode))
        {
            identity.AddClaim(new Claim(WorkflowClaimTypes.Unit, user.UnitCode));
        }
        if (user.IsDemo)
        {
            identity.AddClaim(new Claim(WorkflowClaimTypes.Demo, "true"));
        }
        return identity;
    }
}
