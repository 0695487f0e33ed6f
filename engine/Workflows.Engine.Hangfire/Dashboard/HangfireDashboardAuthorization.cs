using Hangfire.Dashboard;

namespace Workflows.Engine.Hangfire.Dashboard;

/// <summary>
/// Lets only signed-in administrators into the Hangfire dashboard. Without a filter Hangfire allows
/// local requests only, which behind a reverse proxy means everyone or no one.
/// </summary>
/// <remarks>
/// The host maps the dashboard after authentication has run, so <c>HttpContext.User</c> is set:
/// <code>
/// app.UseAuthentication();
/// app.UseAuthorization();
/// app.MapHangfireDashboard("/hangfire", new DashboardOptions
/// {
///     Authorization = [new HangfireDashboardAuthorization()],
/// });
/// </code>
/// A browser does not send the API's bearer token when it navigates to <c>/hangfire</c>, so the
/// user must arrive through a scheme the browser carries by itself (the web UI's sign-in cookie).
/// <see cref="System.Security.Claims.ClaimsPrincipal.IsInRole"/> reads the identity's role claim type;
/// a token handler that keeps the raw <c>role</c> claim name must map it.
/// </remarks>
public sealed class HangfireDashboardAuthorization : IDashboardAuthorizationFilter
{
    public const string RequiredRole = "admin";

    public bool Authorize(DashboardContext context)
    {
        var user = context.GetHttpContext().User;
        return user.Identity?.IsAuthenticated == true && user.IsInRole(RequiredRole);
    }
}
