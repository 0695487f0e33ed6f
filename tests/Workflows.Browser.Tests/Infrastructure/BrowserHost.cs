using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Workflows.Engine.Runtime;

namespace Workflows.Browser.Tests.Infrastructure;

/// <summary>
/// The real host on real Kestrel (a free loopback port) on a throwaway SQLite file, and one headless
/// Debian Chromium driven by Playwright, both per test class. Each test opens its own browser
/// context, so cookies and sign-ins never leak between tests.
/// </summary>
public class BrowserHost : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string DemoPassword = "Demo@12345";

    /// <summary>Headless flags this machine needs (shared/STACK.md): no sandbox as root, and no background traffic to a closed network.</summary>
    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "fazhi-browser-tests", Guid.NewGuid().ToString("N"));
    private IPlaywright? _playwright;

    public BrowserHost() => UseKestrel(0);

    public IBrowser Browser { get; private set; } = default!;

    public Uri BaseAddress { get; private set; } = default!;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_folder);
        builder.UseEnvironment("Production");
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Workflows", $"Data Source={Path.Combine(_folder, "workflows.db")}");
        builder.UseSetting("Workflows:SeedDemo", "true");
        builder.UseSetting("Workflows:Email:PickupFolder", Path.Combine(_folder, "mail"));
        foreach (var (key, value) in Settings())
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>Further configuration, as environment variables would give it (<c>Section:Key</c>).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> Settings() => [];

    /// <summary>An HTTP client of the public API signed in as <paramref name="userName"/> (bearer token).</summary>
    public async Task<HttpClient> ApiClientAsync(string userName)
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/token", new { userName, password = DemoPassword });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task InitializeAsync()
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        // Assertions poll until this deadline (actions use the context's default timeout below).
        Assertions.SetDefaultExpectTimeout(20_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>A fresh browser context (its own cookies) and page, Chinese locale, with short deadlines for every wait.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
        });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    /// <summary>Stores and publishes a BPMN file from this project's Procedures folder, as an admin would.</summary>
    public async Task PublishAsync(string fileName)
    {
        var xml = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Procedures", fileName));
        await Services.GetRequiredService<IWorkflowRuntime>().SaveDefinitionAsync(xml, publish: true, Actor("admin", "admin"));
    }

    /// <summary>Starts a case as <paramref name="userName"/>, the way the start page does.</summary>
    public async Task<Guid> StartAsync(string definitionKey, string title, string? businessKey = null, string userName = "owner")
    {
        var instance = await Services.GetRequiredService<IWorkflowRuntime>().StartAsync(
            new StartInstance(definitionKey, businessKey, new System.Text.Json.Nodes.JsonObject { ["title"] = title }),
            Actor(userName, userName));
        return instance.Id;
    }

    public static WorkflowActor Actor(string userName, params string[] roles) => new(userName, new HashSet<string>(roles));

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
        await DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}

/// <summary>
/// The host on the simulated clock (<c>Workflows__Clock__Mode=Simulated</c>), from Monday 2 March 2026,
/// 09:00 Beijing time: deadlines run out when a test moves the clock, not while it waits.
/// </summary>
public sealed class SimulatedClockBrowserHost : BrowserHost
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        new("Workflows:Clock:Mode", "Simulated"),
        new("Workflows:Clock:Start", Start.ToString("O")),
    ];

    /// <summary>Moves the clock through the public API, as an admin would; timers falling due in between fire.</summary>
    public async Task AdvanceClockToAsync(DateTimeOffset to)
    {
        using var client = await ApiClientAsync("admin");
        var response = await client.PostAsJsonAsync("/api/clock/advance", new { to });
        response.EnsureSuccessStatusCode();
    }
}
