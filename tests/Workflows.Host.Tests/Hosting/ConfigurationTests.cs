using System.Net.Http.Json;
using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Engine.Persistence;
using Workflows.Host.Infrastructure;
using Workflows.Host.Tests.Infrastructure;

namespace Workflows.Host.Tests.Hosting;

public sealed class ConfigurationTests
{
    [Fact]
    public void Storage_PlacesRelativeSqliteFileUnderContentRoot_AndCreatesTheFolder()
    {
        var root = Path.Combine(Path.GetTempPath(), "fazhi-host-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var storage = WorkflowStorage.FromConfiguration(new ConfigurationBuilder().Build(), root);

            Assert.Equal(DatabaseProvider.Sqlite, storage.Provider);
            Assert.Contains(Path.Combine(root, "data", "workflows.db"), storage.ConnectionString);
            Assert.True(Directory.Exists(Path.Combine(root, "data")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Storage_RequiresConnectionString_ForPostgreSql()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("Database:Provider", "PostgreSql")]).Build();
        var error = Assert.Throws<InvalidOperationException>(() => WorkflowStorage.FromConfiguration(configuration, Path.GetTempPath()));
        Assert.Contains("ConnectionStrings__Workflows", error.Message);
    }

    [Fact]
    public async Task Host_SeedsNoDemoUsers_WhenSeedDemoIsFalse()
    {
        await using var host = new NoDemoHostFactory();
        await ((IAsyncLifetime)host).InitializeAsync();
        using var client = host.CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/token", new { userName = "admin", password = HostFactory.DemoPassword });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await ((IAsyncLifetime)host).DisposeAsync();
    }

    [Fact]
    public async Task Host_StartsWithEntraIdSection_AndRegistersOpenIdConnect()
    {
        await using var host = new EntraIdHostFactory();
        await ((IAsyncLifetime)host).InitializeAsync();
        var schemes = host.Services.GetRequiredService<IAuthenticationSchemeProvider>();
        Assert.NotNull(await schemes.GetSchemeAsync("OpenIdConnect"));
        using var client = await host.ClientForAsync("admin"); // local accounts still work beside it
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/definitions")).StatusCode);
        await ((IAsyncLifetime)host).DisposeAsync();
    }

    [Fact]
    public async Task Host_LeavesOutOpenIdConnect_WithoutEntraIdSection()
    {
        await using var host = new HostFactory();
        await ((IAsyncLifetime)host).InitializeAsync();
        var schemes = host.Services.GetRequiredService<IAuthenticationSchemeProvider>();
        Assert.Null(await schemes.GetSchemeAsync("OpenIdConnect"));
        await ((IAsyncLifetime)host).DisposeAsync();
    }

    private sealed class NoDemoHostFactory : HostFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
            [.. base.Settings().Where(s => s.Key != "Workflows:SeedDemo"), new("Workflows:SeedDemo", "false")];
    }

    private sealed class EntraIdHostFactory : HostFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
        [
            .. base.Settings(),
            new("AzureAd:Instance", "https://login.microsoftonline.com/"),
            new("AzureAd:TenantId", "11111111-2222-3333-4444-555555555555"),
            new("AzureAd:ClientId", "66666666-7777-8888-9999-000000000000"),
            new("AzureAd:CallbackPath", "/signin-oidc"),
        ];
    }
}
