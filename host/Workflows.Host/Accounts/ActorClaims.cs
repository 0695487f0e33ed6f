using System.Security.Claims;
using Workflows.Engine.Runtime;

namespace Workflows.Host.Accounts;

public static class ActorClaims
{
    /// <summary>Entra ID puts app roles in <c>roles</c>; local accounts in <see cref="ClaimTypes.Role"/>.</summary>
    private const string EntraRoles = "roles";

    /// <summary>The engine's view of the signed-in person.</summary>
    public static WorkflowActor ToActor(this ClaimsPrincipal user)
    {
        var name = user.Identity?.Name;
        if (string.IsNullOrEmpty(name))
        {
            // Endpoints that call this all require an authenticated user; reaching here is a wiring bug.
            throw new InvalidOperationException("The request has no signed-in user.");
        }
        var roles = user.Claims
            .Where(c => c.Type == ClaimTypes.Role || c.Type == EntraRoles)
            .Select(c => c.Value)
            .ToHashSet(StringComparer.Ordinal);
        return new WorkflowActor(name, roles, user.FindFirstValue(WorkflowClaimTypes.Unit));
    }
}
