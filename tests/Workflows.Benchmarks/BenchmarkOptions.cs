using System.Globalization;

namespace Workflows.Benchmarks;

public enum StoreKind
{
    Sqlite,
    Postgres,
}

/// <summary>The command line: <c>&lt;scenario&gt; [--tasks N] [--provider sqlite|postgres] ...</c>.</summary>
public sealed record BenchmarkOptions
{
    public const string Usage = """
        usage: dotnet run -c Release --project tests/Workflows.Benchmarks -- <scenario> [options]

        scenarios
          register   N open user tasks with a due date and a 3-rung ladder (3 timers each); restart the
                     host and measure how long reconciliation takes to register every timer in Quartz
          lag        timers falling due together with a real running scheduler; lag from due time to the
                     commit of FireTimerAsync
          flow       issue 2: start → task → parallel split into two tasks → join → task → end, N instances with
                     every task completed through the engine on a SQLite file; the durable commit rate of the
                     same disk; the same BPMN through bpmn-engine (node) in memory; the ratio

        options
          --provider sqlite|postgres   store (default sqlite; postgres reads WORKFLOWS_TEST_POSTGRES)
          --tasks N                    open user tasks (register: default 100000; lag: background tasks, default 0)
          --runs N                     register: warm restarts, Quartz's store already full (default 3)
          --cold-runs N                register: cold starts, Quartz's store empty (default 1; each costs minutes
                                       with 100,000 tasks, most of all on PostgreSQL)
          --timers N                   timers in the burst (lag, default 1000)
          --spread SECONDS             lag: due times spread evenly over this many seconds (default 0: all at once,
                                       as ladder rungs at 09:00 are)
          --nodes 1|2                  lag: scheduler nodes (2 needs postgres, clustered)
          --threads N                  Quartz ThreadCount (default: the adapter's own)
          --batch N                    Quartz batchTriggerAcquisitionMaxCount (default: the adapter's own)
          --instances N                flow: instances through the engine (default 2000)
          --concurrency N              flow: instances in flight at once, on both engines (default 8)
          --peer-instances N           flow: instances through bpmn-engine (default 1000; it is the slower one)
          --bpmn-engine DIR            flow: the folder of flow.js with node_modules installed
                                       (default tests/Workflows.Benchmarks/bpmn-engine under the current folder)
          --commit-seconds S           flow: how long the durable-commit probe runs (default 3)
          --warmup N                   flow: instances run before measuring, not reported (default 500:
                                       enough for tiered JIT to settle, as in a long-running host)
          --results DIR                where JSON and markdown go (default artifacts/benchmarks)
        """;

    public required string Scenario { get; init; }
    public StoreKind Provider { get; init; } = StoreKind.Sqlite;
    public int? Tasks { get; init; }
    public int Runs { get; init; } = 3;
    public int ColdRuns { get; init; } = 1;
    public int Timers { get; init; } = 1000;
    public double SpreadSeconds { get; init; }
    public int Nodes { get; init; } = 1;
    public int? Threads { get; init; }
    public int? Batch { get; init; }
    public int Instances { get; init; } = 2000;
    public int Concurrency { get; init; } = 8;
    public int PeerInstances { get; init; } = 1000;
    public int Warmup { get; init; } = 500;
    public string BpmnEngineFolder { get; init; } = Path.Combine("tests", "Workflows.Benchmarks", "bpmn-engine");
    public double CommitSeconds { get; init; } = 3;
    public string ResultsFolder { get; init; } = Path.Combine("artifacts", "benchmarks");

    public static BenchmarkOptions Parse(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-'))
        {
            throw new ArgumentException("Name a scenario first.");
        }
        var options = new BenchmarkOptions { Scenario = args[0] };
        for (var i = 1; i < args.Length; i++)
        {
            var name = args[i];
            var value = i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            options = name switch
            {
                "--provider" => options with { Provider = ParseProvider(value) },
                "--tasks" => options with { Tasks = Count(name, value, 0) },
                "--runs" => options with { Runs = Count(name, value, 1) },
                "--cold-runs" => options with { ColdRuns = Count(name, value, 1) },
                "--timers" => options with { Timers = Count(name, value, 1) },
                "--spread" => options with { SpreadSeconds = double.Parse(value, CultureInfo.InvariantCulture) },
                "--nodes" => options with { Nodes = Count(name, value, 1) },
                "--threads" => options with { Threads = Count(name, value, 1) },
                "--batch" => options with { Batch = Count(name, value, 1) },
                "--instances" => options with { Instances = Count(name, value, 1) },
                "--concurrency" => options with { Concurrency = Count(name, value, 1) },
                "--peer-instances" => options with { PeerInstances = Count(name, value, 1) },
                "--warmup" => options with { Warmup = Count(name, value, 0) },
                "--bpmn-engine" => options with { BpmnEngineFolder = value },
                "--commit-seconds" => options with { CommitSeconds = double.Parse(value, CultureInfo.InvariantCulture) },
                "--results" => options with { ResultsFolder = value },
                _ => throw new ArgumentException($"Unknown option {name}."),
            };
        }
        if (options.Nodes > 1 && options.Provider != StoreKind.Postgres)
        {
            throw new ArgumentException("--nodes 2 needs --provider postgres: a SQLite store has one node.");
        }
        return options;
    }

    private static StoreKind ParseProvider(string value) => value.ToLowerInvariant() switch
    {
        "sqlite" => StoreKind.Sqlite,
        "postgres" or "postgresql" => StoreKind.Postgres,
        _ => throw new ArgumentException($"--provider is sqlite or postgres, not '{value}'."),
    };

    private static int Count(string name, string value, int minimum) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= minimum
            ? n
            : throw new ArgumentException($"{name} needs a whole number of at least {minimum}.");
}
