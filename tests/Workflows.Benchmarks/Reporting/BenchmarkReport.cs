using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Workflows.Benchmarks.Reporting;

/// <summary>Everything one scenario run printed, written to the results folder as JSON and markdown.</summary>
public sealed class BenchmarkReport(string scenario, string provider)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public string Scenario { get; } = scenario;
    public string Provider { get; } = provider;
    public DateTimeOffset StartedAt { get; } = TimeProvider.System.GetUtcNow();
    public Dictionary<string, string> Machine { get; } = new()
    {
        ["os"] = RuntimeInformation.OSDescription,
        ["runtime"] = RuntimeInformation.FrameworkDescription,
        ["cores"] = Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture),
        ["gc"] = System.Runtime.GCSettings.IsServerGC ? "server" : "workstation",
        ["load at start"] = LoadAverage(),
    };
    public Dictionary<string, string> Settings { get; } = [];
    public List<string> Notes { get; } = [];
    public List<ResultTable> Tables { get; } = [];

    /// <summary>Raw figures (per run, per timer summary) for whoever wants to chart them.</summary>
    public Dictionary<string, object> Data { get; } = [];

    public void Print(ResultTable table)
    {
        Tables.Add(table);
        Console.WriteLine();
        Console.Write(table.ToText());
    }

    public void Note(string note)
    {
        Notes.Add(note);
        Console.WriteLine("  note: " + note);
    }

    /// <summary>The 1, 5 and 15 minute load averages: other work on the machine shows up in every wall-clock figure.</summary>
    public static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "n/a";
        }
    }

    public async Task<string> SaveAsync(string folder)
    {
        Machine["load at end"] = LoadAverage();
        Directory.CreateDirectory(folder);
        var stem = Path.Combine(folder, $"{Scenario}-{Provider}-{StartedAt:yyyyMMdd-HHmmss}");
        var json = JsonSerializer.Serialize(new
        {
            scenario = Scenario, provider = Provider, startedAt = StartedAt, machine = Machine, settings = Settings,
            notes = Notes, tables = Tables.Select(t => new { title = t.Title, columns = t.Columns, rows = t.Rows }), data = Data,
        }, Json);
        await File.WriteAllTextAsync(stem + ".json", json);
        var markdown = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"## {Scenario} on {Provider}, {StartedAt:yyyy-MM-dd HH:mm} UTC").AppendLine()
            .AppendLine(string.Join(", ", Machine.Concat(Settings).Select(kv => $"{kv.Key}: {kv.Value}"))).AppendLine();
        foreach (var table in Tables)
        {
            markdown.AppendLine(table.ToMarkdown());
        }
        foreach (var note in Notes)
        {
            markdown.Append("- ").AppendLine(note);
        }
        await File.WriteAllTextAsync(stem + ".md", markdown.ToString());
        return stem;
    }
}
