using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using MimeKit;

namespace Workflows.Engine.Tests.Notifications;

/// <summary>One message the SMTP server accepted: the parsed message and its envelope recipients.</summary>
public sealed record ReceivedMail(MimeMessage Message, IReadOnlyList<string> EnvelopeTo, string File);

/// <summary>
/// A real SMTP server (aiosmtpd, from Debian's python3-aiosmtpd) run as a child process on a
/// free port by smtp_server.py, which keeps every accepted message as an .eml file.
/// </summary>
public sealed class SmtpServerFixture : IAsyncLifetime
{
    private const string Python = "/usr/bin/python3";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "fazhi-smtp-tests", Guid.NewGuid().ToString("N"));
    private Process? _process;

    public int Port { get; private set; }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        Port = FreePort();
        await StartAsync();
    }

    /// <summary>Every accepted message so far, oldest first.</summary>
    public IReadOnlyList<ReceivedMail> Received()
    {
        var folder = Path.Combine(_folder, "messages");
        if (!Directory.Exists(folder))
        {
            return [];
        }
        return [.. new DirectoryInfo(folder).GetFiles("*.eml").OrderBy(f => f.LastWriteTimeUtc).Select(f =>
        {
            var envelope = JsonNode.Parse(File.ReadAllText(Path.ChangeExtension(f.FullName, ".json")))!;
            return new ReceivedMail(MimeMessage.Load(f.FullName), [.. envelope["to"]!.AsArray().Select(t => (string)t!)], f.FullName);
        })];
    }

    /// <summary>Messages of one notification: their Message-Ids carry the outbox message id.</summary>
    public IReadOnlyList<ReceivedMail> ReceivedFor(Guid outboxMessageId) =>
        [.. Received().Where(m => m.Message.MessageId?.Contains(outboxMessageId.ToString("N"), StringComparison.Ordinal) == true)];

    /// <summary>Makes the server refuse these addresses at RCPT TO (550), as a server does for an unknown mailbox.</summary>
    public void Reject(params string[] addresses) => File.WriteAllLines(Path.Combine(_folder, "reject.txt"), addresses);

    /// <summary>After <paramref name="messages"/> accepted messages in total the server dies at the next command.</summary>
    public void StopAfter(int messages) => File.WriteAllText(Path.Combine(_folder, "stop-after.txt"), messages.ToString());

    public int AcceptedSoFar => Received().Count;

    /// <summary>Clears the misbehaviour and makes sure a server listens on the same port again.</summary>
    public async Task HealAsync()
    {
        File.Delete(Path.Combine(_folder, "reject.txt"));
        File.Delete(Path.Combine(_folder, "stop-after.txt"));
        if (_process is null || _process.HasExited)
        {
            await StartAsync();
        }
    }

    public bool IsRunning => _process is { HasExited: false };

    public Task DisposeAsync()
    {
        Stop();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // best effort: a temp folder left behind harms nothing
        }
        return Task.CompletedTask;
    }

    private async Task StartAsync()
    {
        Stop();
        if (!File.Exists(Python))
        {
            throw new InvalidOperationException($"{Python} is missing: install Debian's python3 and python3-aiosmtpd (see shared/STACK.md).");
        }
        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ScriptPath());
        start.ArgumentList.Add(_folder);
        start.ArgumentList.Add(Port.ToString());
        var process = Process.Start(start) ?? throw new InvalidOperationException("The SMTP server process did not start.");
        _process = process;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
        if (line != "ready")
        {
            var error = await process.StandardError.ReadToEndAsync(CancellationToken.None);
            throw new InvalidOperationException($"The aiosmtpd server did not start (is python3-aiosmtpd installed?): {line} {error}");
        }
    }

    private void Stop()
    {
        if (_process is { } process)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }
            process.Dispose();
            _process = null;
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>The script beside this file: found from the source path, or upwards from the test binaries.</summary>
    private static string ScriptPath([CallerFilePath] string source = "")
    {
        var beside = Path.Combine(Path.GetDirectoryName(source) ?? "", "smtp_server.py");
        if (File.Exists(beside))
        {
            return beside;
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "Workflows.Engine.Tests", "Notifications", "smtp_server.py");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException("smtp_server.py was not found beside the notification tests.");
    }
}
