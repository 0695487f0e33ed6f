using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using MimeKit;

namespace Workflows.Host.Tests.Notifications;

/// <summary>One message the SMTP server accepted, with its envelope recipients.</summary>
public sealed record ReceivedMail(MimeMessage Message, IReadOnlyList<string> EnvelopeTo);

/// <summary>
/// A real SMTP server: Debian's aiosmtpd (python3-aiosmtpd, under /usr/bin/python3) run by
/// smtp_server.py as a child process on a free port, keeping each accepted message as an .eml file.
/// </summary>
public sealed class SmtpServer : IAsyncDisposable
{
    private const string Python = "/usr/bin/python3";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "fazhi-host-smtp", Guid.NewGuid().ToString("N"));
    private Process? _process;

    public int Port { get; private set; }

    public async Task StartAsync()
    {
        if (!File.Exists(Python))
        {
            throw new InvalidOperationException($"{Python} is missing: install Debian's python3 and python3-aiosmtpd (see shared/STACK.md).");
        }
        Directory.CreateDirectory(_folder);
        Port = FreePort();
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(ScriptPath());
        start.ArgumentList.Add(_folder);
        start.ArgumentList.Add(Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        _process = Process.Start(start) ?? throw new InvalidOperationException("The SMTP server process did not start.");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var line = await _process.StandardOutput.ReadLineAsync(timeout.Token);
        if (line != "ready")
        {
            var error = await _process.StandardError.ReadToEndAsync(CancellationToken.None);
            throw new InvalidOperationException($"The aiosmtpd server did not start (is python3-aiosmtpd installed?): {line} {error}");
        }
    }

    /// <summary>Every message accepted so far.</summary>
    public IReadOnlyList<ReceivedMail> Received() =>
        [.. new DirectoryInfo(_folder).GetFiles("*.eml").OrderBy(f => f.Name).Select(f =>
        {
            var envelope = JsonNode.Parse(File.ReadAllText(Path.ChangeExtension(f.FullName, ".json")))!;
            return new ReceivedMail(MimeMessage.Load(f.FullName), [.. envelope["to"]!.AsArray().Select(t => (string)t!)]);
        })];

    public ValueTask DisposeAsync()
    {
        if (_process is { } process)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }
            process.Dispose();
        }
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind harms nothing.
        }
        return ValueTask.CompletedTask;
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>The script beside this file: from the source path, or found upwards from the test binaries.</summary>
    private static string ScriptPath([CallerFilePath] string source = "")
    {
        var beside = Path.Combine(Path.GetDirectoryName(source) ?? "", "smtp_server.py");
        if (File.Exists(beside))
        {
            return beside;
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "Workflows.Host.Tests", "Notifications", "smtp_server.py");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException("smtp_server.py was not found beside the host's notification tests.");
    }
}
