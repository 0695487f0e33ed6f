using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Workflows.Engine.Runtime;
using Workflows.Host.Accounts;

namespace Workflows.Host.Components.Shared;

/// <summary>The signed-in person of the circuit, as the engine sees them.</summary>
public sealed class CurrentUser(AuthenticationStateProvider authentication)
{
    public async Task<ClaimsPrincipal> PrincipalAsync() => (await authentication.GetAuthenticationStateAsync()).User;

    public async Task<WorkflowActor> ActorAsync() => (await PrincipalAsync()).ToActor();
}
