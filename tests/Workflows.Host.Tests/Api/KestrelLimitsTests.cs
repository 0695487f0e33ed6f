using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Workflows.Host.Tests.Infrastructure;

namespace Workflows.Host.Tests.Api;

/// <summary>
/// The host on real Kestrel (on a free loopback port): body size limits are enforced by the server,
/// which the in-process test server does not model.
/// </summary>
public sealed class KestrelHostFactory : HostFactory
{
    public KestrelHostFactory() => UseKestrel(0);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("urls", "http://127.0.0.1:0");
    }
}

public sealed class KestrelLimitsTests(KestrelHostFactory host) : IClassFixture<KestrelHostFactory>
{
    [Fact]
    public async Task StartInstance_Returns413Problem_WhenJsonBodyIsLargerThanOneMebibyte()
    {
        using var client = await host.ClientForAsync("owner");
        var response = await client.PostAsJsonAsync("/api/instances", new { definitionKey = "x", variables = new { text = new string('法', 600_000) } });

        var problem = await Problem.AssertAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(["body"], Problem.Targets(problem));
    }

    [Fact]
    public async Task Health_IsServedOverRealHttp()
    {
        using var client = host.CreateClient();
        var body = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/health");
        Assert.Equal("Healthy", body.GetProperty("entries").GetProperty("engine-database").GetProperty("status").GetString());
    }
}
