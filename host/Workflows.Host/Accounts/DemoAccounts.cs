using System.Net;
using Microsoft.AspNetCore.Authorization;

namespace Workflows.Host.Accounts;

/// <summary>
/// Demo accounts have a published password, so they are refused on any address that is not
/// loopback: at sign-in and, through the default policy, on every request made with their token.
/// </summary>
public static class DemoAccounts
{
    public static bool IsLocal(ConnectionInfo connection) =>
        // The in-process TestServer sets no remote address: the request comes from this process
        // itself, which is as local as loopback.
        connection.RemoteIpAddress is null || IPAddress.IsLoopback(connection.RemoteIpAddress);
}

public sealed class DemoAccountsLoopbackOnlyRequirement : IAuthorizationRequirement;

public sealed class DemoAccountsLoopbackOnlyHandler(IHttpContextAccessor accessor) : AuthorizationHandler<DemoAccountsLoopbackOnlyRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, DemoAccountsLoopbackOnlyRequirement requirement)
    {
        var isDemo = context.User.HasClaim(WorkflowClaimTypes.Demo, "true");
        var http = context.Resource as HttpContext ?? accessor.HttpContext;
        if (!isDemo || (http is not null && DemoAccounts.IsLocal(http.Connection)))
        {
            context.Succeed(requirement);
        }
        else
        {
            context.Fail(new AuthorizationFailureReason(this, "Demo accounts may be used from this machine (loopback) only."));
        }
        return Task.CompletedTask;
    }
}
