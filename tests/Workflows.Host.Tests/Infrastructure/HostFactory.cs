using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Workflows.Host.Accounts;

namespace Workflows.Host.Tests.Infrastructure;

/// <summary>
/// The whole host, in process, on a throwaway SQLite file of its own (one per test class, deleted
/// afterwards), in the Production environment so that error bodies are what users would see.
/// </summary>
public class HostFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string DemoPassword = "Demo@12345";

    private readonly ConcurrentDictionary<string, string> _tokens = new();

    protected string Folder { get; } = Path.Combine(Path.GetTempPath(), "fazhi-host-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Configuration as environment variables would give it (<c>Section:Key</c>).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        new("Database:Provider", "Sqlite"),
        new("ConnectionStrings:Workflows", $"Data Source={Path.Combine(Folder, "workflows.db")}"),
        new("Workflows:SeedDemo", "true"),
        new("Workflows:SeedDemoRecords", "false"), // each test builds its own data (DemoSeedTests covers the records)
    ];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(Folder);
        builder.UseEnvironment("Production");
        foreach (var (key, value) in Settings())
        {
            builder.UseSetting(key, value);
        }
    }

    public virtual Task InitializeAsync()
    {
        StartServer(); // migrations and seeding run now, not inside the first test
        return Task.CompletedTask;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await CleanUpAsync();
    }

    protected virtual Task CleanUpAsync()
    {
        SqliteConnection.ClearAllPools(); // releases the file handles so the folder can go
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
        return Task.CompletedTask;
    }

    public async Task<string> TokenAsync(string userName, string password = DemoPassword)
    {
        if (_tokens.TryGetValue(userName, out var cached))
        {
            return cached;
        }
        using var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/token", new { userName, password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<TokenResponse>())!.AccessToken;
        return _tokens[userName] = token;
    }

    /// <summary>A client that sends the bearer token of <paramref name="userName"/> (a demo user unless a password is given).</summary>
    public async Task<HttpClient> ClientForAsync(string userName, string password = DemoPassword)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(userName, password));
        return client;
    }
}

/// <summary>The host with <c>Workflows__Clock__Mode=Simulated</c>, starting on Monday 2 March 2026, 09:00 Beijing time.</summary>
public sealed class SimulatedClockHostFactory : HostFactory
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        .. base.Settings(),
        new("Workflows:Clock:Mode", "Simulated"),
        new("Workflows:Clock:Start", Start.ToString("O")),
    ];
}
