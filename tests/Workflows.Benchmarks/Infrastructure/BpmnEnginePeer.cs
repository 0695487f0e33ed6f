using System.Diagnostics;
using System.Text.Json;

namespace Workflows.Benchmarks.Infrastructure;

/// <summary>What <c>bpmn-engine/flow.js</c> printed.</summary>
public sealed record PeerResult(string Version, string Node, int Instances, int UserTasks, double Seconds);

/// <summary>Runs the peer benchmark (bpmn-engine on node) as a child process and reads its one JSON line.</summary>
public static class BpmnEnginePeer
{
    public static async Task<PeerResult> RunAsync(string folder, string bpmnFile, int instances, int concurrency)
    {
        var script = Path.GetFullPath(Path.Combine(folder, "flow.js"));
        if (!File.Exists(script) || !Directory.Exists(Path.Combine(folder, "node_modules", "bpmn-engine")))
        {
            throw new InvalidOperationException($"bpmn-engine is not installed in {Path.GetFullPath(folder)}: run tests/benchmarks.sh (it runs npm ci there), or pass --bpmn-engine DIR.");
        }
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, WorkingDirectory = Path.GetFullPath(folder) };
        foreach (var arg in new[] { script, bpmnFile, instances.ToString(System.Globalization.CultureInfo.InvariantCulture), concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"bpmn-engine's flow.js exited with {process.ExitCode}");
        }
        var json = JsonDocument.Parse(output.Trim().Split('\n')[^1]).RootElement;
        return new PeerResult(json.GetProperty("version").GetString()!, json.GetProperty("node").GetString()!,
            json.GetProperty("instances").GetInt32(), json.GetProperty("userTasks").GetInt32(), json.GetProperty("seconds").GetDouble());
    }
}
