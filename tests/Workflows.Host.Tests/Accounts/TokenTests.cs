using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Host.Accounts;
using Workflows.Host.Tests.Infrastructure;

namespace Workflows.Host.Tests.Accounts;

public sealed class TokenTests(HostFactory host) : IClassFixture<HostFactory>
{
    private static readonly IPAddress Remote = IPAddress.Parse("203.0.113.7");

    [Fact]
    public async Task Token_Returns200WithTokenAndExpiry_ForDemoAdmin()
    {
        using var client = host.CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/token", new { userName = "admin", password = HostFactory.DemoPassword });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(string.IsNullOrEmpty(body.GetProperty("accessToken").GetString()));
        Assert.True(body.GetProperty("expiresAt").GetDateTimeOffset() > TimeProvider.System.GetUtcNow().AddHours(1));
    }

    [Theory]
    [InlineData("owner")]
    [InlineData("reviewer")]
    [InlineData("legal")]
    [InlineData("leader")]
    [InlineData("expert")]
    [InlineData("supervisor")]
    public async Task Token_CarriesRoleAndUnit_ForEachDemoUser(string userName)
    {
        using var scope = host.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<WorkflowUser>>();
        var user = await users.FindByNameAsync(userName);
        Assert.NotNull(user);
        Assert.True(user.IsDemo);
        Assert.NotNull(user.UnitCode);
        Assert.Equal([userName], await users.GetRolesAsync(user));
        Assert.NotEqual(HostFactory.DemoPassword, user.PasswordHash); // stored hashed
        Assert.False(string.IsNullOrEmpty(await host.TokenAsync(userName)));
    }

    [Fact]
    public async Task Token_Returns401Problem_WhenPasswordWrong()
    {
        using var client = host.CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/token", new { userName = "supervisor", password = "not-the-password" });
        var problem = await Problem.AssertAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("password", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Token_Returns401Problem_WhenUserUnknown()
    {
        using var client = host.CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/token", new { userName = "nobody", password = HostFactory.DemoPassword });
        await Problem.AssertAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Token_Returns400NamingFields_WhenTheyAreMissing()
    {
        using var client = host.CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/token", new { userName = "" });
        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["userName", "password"], Problem.Targets(problem));
    }

    [Fact]
    public async Task Token_Returns423_AfterFiveWrongPasswords()
    {
        await CreateUserAsync("locked.user", "Locked@12345", isDemo: false);
        using var client = host.CreateClient();
        for (var i = 0; i < 4; i++)
        {
            var wrong = await client.PostAsJsonAsync("/api/auth/token", new { userName = "locked.user", password = "wrong" });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }
        await client.PostAsJsonAsync("/api/auth/token", new { userName = "locked.user", password = "wrong" });

        // Even the right password is refused while the lockout lasts.
        var response = await client.PostAsJsonAsync("/api/auth/token", new { userName = "locked.user", password = "Locked@12345" });
        var problem = await Problem.AssertAsync(response, (HttpStatusCode)StatusCodes.Status423Locked);
        Assert.Contains("locked", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Token_Returns403_ForDemoUserFromNonLoopbackAddress()
    {
        var context = await SignInFromAsync(Remote, "admin", HostFactory.DemoPassword);

        Assert.Equal(StatusCodes.Status403Forbidden, context.Response.StatusCode);
        Assert.Contains("loopback", await new StreamReader(context.Response.Body).ReadToEndAsync());
    }

    [Fact]
    public async Task Token_Returns200_ForOrdinaryUserFromNonLoopbackAddress()
    {
        await CreateUserAsync("remote.user", "Remote@12345", isDemo: false);
        var context = await SignInFromAsync(Remote, "remote.user", "Remote@12345");
        Assert.True(StatusCodes.Status200OK == context.Response.StatusCode, await new StreamReader(context.Response.Body).ReadToEndAsync());
    }

    [Fact]
    public async Task DemoToken_IsRefused_WhenUsedFromNonLoopbackAddress()
    {
        var token = await host.TokenAsync("reviewer");
        var context = await host.Server.SendAsync(c =>
        {
            c.Connection.RemoteIpAddress = Remote;
            c.Request.Method = HttpMethods.Get;
            c.Request.Path = "/api/tasks";
            c.Request.Headers.Authorization = $"Bearer {token}";
        });
        Assert.Equal(StatusCodes.Status403Forbidden, context.Response.StatusCode);
    }

    [Fact]
    public async Task DemoToken_IsAccepted_FromLoopback()
    {
        var token = await host.TokenAsync("reviewer");
        var context = await host.Server.SendAsync(c =>
        {
            c.Connection.RemoteIpAddress = IPAddress.IPv6Loopback;
            c.Request.Method = HttpMethods.Get;
            c.Request.Path = "/api/tasks";
            c.Request.Headers.Authorization = $"Bearer {token}";
        });
        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
    }

    [Fact]
    public async Task Token_IsRejected_WhenTampered()
    {
        var token = await host.TokenAsync("admin");
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token[..^4] + "AAAA");
        var response = await client.GetAsync("/api/definitions");
        await Problem.AssertAsync(response, HttpStatusCode.Unauthorized);
    }

    /// <summary>The in-process server lets a test set the connection itself: no test middleware in the host.</summary>
    private Task<HttpContext> SignInFromAsync(IPAddress address, string userName, string password) =>
        host.Server.SendAsync(c =>
        {
            c.Connection.RemoteIpAddress = address;
            c.Request.Method = HttpMethods.Post;
            c.Request.Path = "/api/auth/token";
            c.Request.ContentType = "application/json";
            var body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { userName, password }));
            c.Request.ContentLength = body.Length;
            c.Request.Body = new MemoryStream(body);
            c.Features.Set<IHttpRequestBodyDetectionFeature>(new HasBody());
        });

    private sealed class HasBody : IHttpRequestBodyDetectionFeature
    {
        public bool CanHaveBody => true;
    }

    private async Task CreateUserAsync(string userName, string password, bool isDemo)
    {
        using var scope = host.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<WorkflowUser>>();
        if (await users.FindByNameAsync(userName) is null)
        {
            var result = await users.CreateAsync(new WorkflowUser { UserName = userName, UnitCode = "county-drc", IsDemo = isDemo }, password);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync((await users.FindByNameAsync(userName))!, Roles.Owner);
        }
    }
}
