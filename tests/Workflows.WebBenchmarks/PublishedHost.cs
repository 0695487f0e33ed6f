using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Workflows.WebBenchmarks;

/// <summary>
/// The published host (<c>dotnet publish</c> output), started as its own process on a free loopback port
/// with a throwaway SQLite file: static assets compressed and cached exactly as an installation serves them.
/// </summary>
public sealed class PublishedHost : IAsyncDisposable
{
    private readonly string _folder;
    private readonly Process _process;

    private PublishedHost(Process process, Uri baseAddress, string folder)
    {
        _process = process;
        _folder = folder;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<PublishedHost> StartAsync(string publishFolder)
    {
        var port = FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}/");
        var folder = Path.Combine(Path.GetTempPath(), "fazhi-web-benchmarks", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var start = new ProcessStartInfo("dotnet", [Path.Combine(publishFolder, "Workflows.Host.dll"), "--urls", baseAddress.ToString().TrimEnd('/')])
        {
            WorkingDirectory = publishFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["ConnectionStrings__Workflows"] = $"Data Source={Path.Combine(folder, "workflows.db")}";
        start.Environment["Workflows__SeedDemo"] = "true";
        start.Environment["Workflows__Email__PickupFolder"] = Path.Combine(folder, "mail");
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start) ?? throw new InvalidOperationException("The host did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var client = new HttpClient();
        for (var attempt = 0; attempt < 240; attempt++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The host exited with code {process.ExitCode}.");
            }
            try
            {
                if ((await client.GetAsync(new Uri(baseAddress, "/health"))).StatusCode is HttpStatusCode.OK)
                {
                    return new PublishedHost(process, baseAddress, folder);
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(500);
        }
        process.Kill(entireProcessTree: true);
        throw new TimeoutException("The host did not answer /health within two minutes.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
