using System.Security.Claims;
using Hangfire;
using Hangfire.Dashboard;
using Hangfire.InMemory;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Engine.Hangfire.Dashboard;

namespace Workflows.Adapters.Tests.Hangfire;

public sealed class HangfireDashboardAuthorizationTests
{
    [Theory]
    [InlineData(true, "admin", true)]
    [InlineData(true, "supervisor", false)]
    [InlineData(false, "admin", false)]
    public void Authorize_AdmitsOnlySignedInAdmins(bool authenticated, string role, bool admitted)
    {
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, "someone"), new Claim(ClaimTypes.Role, role)],
            authenticated ? "Test" : null);
        using var services = new ServiceCollection().BuildServiceProvider();
        var http = new DefaultHttpContext { User = new ClaimsPrincipal(identity), RequestServices = services };
        using var storage = new InMemoryStorage();
        var context = new AspNetCoreDashboardContext(storage, new DashboardOptions(), http);

        Assert.Equal(admitted, new HangfireDashboardAuthorization().Authorize(context));
    }
}
