using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Workflows.WebBenchmarks;

/// <summary>The real host on Kestrel (a free loopback port) on a throwaway SQLite file, with the demo users.</summary>
public sealed class BenchmarkHost : WebApplicationFactory<Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "fazhi-web-benchmarks", Guid.NewGuid().ToString("N"));

    public BenchmarkHost()
    {
        // A console program gets no test manifest naming the host's content root; say where it is.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_WORKFLOWS_HOST", HostFolder());
        UseKestrel(0);
    }

    private static string HostFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "host", "Workflows.Host");
            if (File.Exists(Path.Combine(candidate, "Workflows.Host.csproj")))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException("host/Workflows.Host was not found above " + AppContext.BaseDirectory);
    }

    public Uri BaseAddress { get; private set; } = default!;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_folder);
        // Production: compressed, fingerprinted static assets exactly as an installation serves them.
        builder.UseEnvironment("Production");
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Workflows", $"Data Source={Path.Combine(_folder, "workflows.db")}");
        builder.UseSetting("Workflows:SeedDemo", "true");
        builder.UseSetting("Workflows:Email:PickupFolder", Path.Combine(_folder, "mail"));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    public void Start()
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
