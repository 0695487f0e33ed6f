using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Workflows.Host.Tests.Durability;

/// <summary>
/// The real host as a child process (<c>dotnet Workflows.Host.dll</c>, the build that sits next to
/// this test's own configuration), on a SQLite file of the caller's choosing, in real time: Quartz
/// fires the timers and Hangfire runs the outbox. It can be killed with SIGKILL and started again on
/// the same database and port.
/// </summary>
public sealed class HostProcess : IDisposable
{
    private const int KeptLines = 400;

    private readonly string _databaseFile;
    private readonly Queue<string> _output = new();
    private Process? _process;

    public HostProcess(string databaseFile)
    {
        _databaseFile = databaseFile;
        BaseAddress = new Uri($"http://127.0.0.1:{FreePort()}");
    }

    public Uri BaseAddress { get; }

    /// <summary>How many times the process has been started.</summary>
    public int Starts { get; private set; }

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The host's build: the solution's host project, in the configuration this test assembly was built in.</summary>
    public static string HostAssembly
    {
        get
        {
            var testFolder = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var framework = testFolder.Name;                // net10.0
            var configuration = testFolder.Parent!.Name;    // Debug or Release
            var repository = testFolder;
            while (repository is not null && !File.Exists(Path.Combine(repository.FullName, "Workflows.sln")))
            {
                repository = repository.Parent;
            }
            if (repository is null)
            {
                throw new InvalidOperationException($"No Workflows.sln above {AppContext.BaseDirectory}.");
            }
            var assembly = Path.Combine(repository.FullName, "host", "Workflows.Host", "bin", configuration, framework, "Workflows.Host.dll");
            return File.Exists(assembly)
                ? assembly
                : throw new InvalidOperationException($"The host is not built at {assembly}: build Workflows.sln in {configuration} first.");
        }
    }

    /// <summary>The last lines the host wrote, for failure messages.</summary>
    public string RecentOutput
    {
        get
        {
            lock (_output)
            {
                return string.Join(Environment.NewLine, _output);
            }
        }
    }

    /// <summary>Starts the host and returns once <c>/health</c> answers 200.</summary>
    public async Task StartAsync(TimeSpan timeout)
    {
        if (IsRunning)
        {
            throw new InvalidOperationException("The host is already running.");
        }
        var assembly = HostAssembly;
        var folder = Path.GetDirectoryName(assembly)!;
        // The muxer that runs these tests (dotnet test sets DOTNET_HOST_PATH), else the one on PATH.
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { assembly, "--urls", BaseAddress.ToString().TrimEnd('/'), "--contentRoot", folder })
        {
            start.ArgumentList.Add(argument);
        }
        // Nothing from the test runner's environment may choose another database, address or clock.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.Ordinal)
            || k.StartsWith("Workflows__", StringComparison.Ordinal) || k.StartsWith("Database__", StringComparison.Ordinal)
            || k.StartsWith("ConnectionStrings__", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["ConnectionStrings__Workflows"] = $"Data Source={_databaseFile}";

        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        Keep($"--- start #{Starts + 1}");
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        Starts++;
        await WaitForHealthAsync(timeout);
    }

    /// <summary>SIGKILL to the host and everything it started: no shutdown hooks, no flushing.</summary>
    public void Kill()
    {
        if (_process is null)
        {
            return;
        }
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true); // SIGKILL on Linux
        }
        _process.WaitForExit();
        Keep($"--- killed, exit code {_process.ExitCode}");
        _process.Dispose();
        _process = null;
    }

    public void Dispose() => Kill();

    private async Task WaitForHealthAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = TimeProvider.System.GetUtcNow() + timeout;
        while (TimeProvider.System.GetUtcNow() < deadline)
        {
            if (_process is null || _process.HasExited)
            {
                throw new InvalidOperationException($"The host exited during start-up:{Environment.NewLine}{RecentOutput}");
            }
            try
            {
                using var response = await client.GetAsync("/health");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
        throw new TimeoutException($"The host did not become healthy within {timeout}:{Environment.NewLine}{RecentOutput}");
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.Enqueue(line);
            while (_output.Count > KeptLines)
            {
                _output.Dequeue();
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
