using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Benchmarks.Infrastructure;
using Workflows.Benchmarks.Measurement;
using Workflows.Benchmarks.Reporting;
using Workflows.Engine.Runtime;
using Workflows.Engine.Tasks;

namespace Workflows.Benchmarks.Scenarios;

/// <summary>
/// Issue 2, item 11: the flow start → task → parallel split into two tasks → join → task → end,
/// N instances with every task completed through <see cref="IWorkflowRuntime"/> on a SQLite file
/// (each command one step, each step one durable transaction); the durable commit rate of the same
/// disk in the same run; and the same BPMN file through bpmn-engine in memory, with the ratio.
/// </summary>
public static class FlowScenario
{
    public const string Key = "bench-parallel-review";

    /// <summary>Engine commands per instance: the start and four task completions, each its own step.</summary>
    public const int StepsPerInstance = 5;

    private static readonly WorkflowActor Owner = new("owner", new HashSet<string> { "owner" }, "dev-reform");
    private static readonly WorkflowActor Legal = new("legal", new HashSet<string> { "legal" }, "justice");
    private static readonly WorkflowActor Leader = new("leader", new HashSet<string> { "leader" }, "government");

    public static async Task RunAsync(BenchmarkOptions options, BenchmarkReport report)
    {
        if (options.Provider != StoreKind.Sqlite)
        {
            throw new ArgumentException("flow runs on a SQLite file (issue 2): leave out --provider.");
        }
        var bpmnFile = Path.Combine(AppContext.BaseDirectory, "Flows", "parallel-review.bpmn");
        var bpmn = await File.ReadAllTextAsync(bpmnFile);
        report.Settings["instances"] = options.Instances.ToString(CultureInfo.InvariantCulture);
        report.Settings["bpmn-engine instances"] = options.PeerInstances.ToString(CultureInfo.InvariantCulture);
        report.Settings["concurrency"] = options.Concurrency.ToString(CultureInfo.InvariantCulture);

        await using var db = await BenchmarkDatabase.CreateAsync(StoreKind.Sqlite);
        StepBreakdown breakdown = null!;
        await using var host = EngineHost.Build(db, new EngineHostSettings { Configure = services => breakdown = StepBreakdown.Install(services) });
        await host.StartAsync();
        var runtime = host.Services.GetRequiredService<IWorkflowRuntime>();
        // The inbox query runs in a scope of its own per call, as the host runs it per HTTP request
        // (IWorkflowQueries holds a scoped DbContext).
        var queries = new ScopedQueries(host.Services);
        await runtime.SaveDefinitionAsync(bpmn, publish: true, TaskSeeder.Admin);

        // The disk first, on a file in the same folder, with the engine connections' own settings.
        var synchronous = await DurableCommitProbe.SynchronousOfAsync(db.ConnectionString);
        var commits = await DurableCommitProbe.MeasureAsync(db.Folder!, synchronous, TimeSpan.FromSeconds(options.CommitSeconds));
        Console.WriteLine($"durable commits: {commits.PerSecond:N0}/s (journal_mode={commits.JournalMode}, synchronous={synchronous})");

        Console.WriteLine($"warm-up: {options.Warmup} instances (JIT tiering, pools; not reported)");
        await RunInstancesAsync(runtime, queries, options.Warmup, options.Concurrency);
        breakdown.Reset();
        queries.Reset();
        var sampler = ResourceSampler.Start();
        var jitBefore = System.Runtime.JitInfo.GetCompilationTime();
        var clock = Stopwatch.StartNew();
        var stepTimes = await RunInstancesAsync(runtime, queries, options.Instances, options.Concurrency);
        clock.Stop();
        var resources = await sampler.StopAsync();
        var jitMs = (System.Runtime.JitInfo.GetCompilationTime() - jitBefore).TotalMilliseconds;
        var sql = breakdown.Totals();
        await host.StopAsync();
        var completed = await db.ScalarAsync($"SELECT COUNT(*) FROM wf_instances WHERE \"DefinitionKey\" = '{Key}' AND \"Status\" = 'Completed'");
        var openTasks = await db.ScalarAsync("SELECT COUNT(*) FROM wf_tasks WHERE \"Status\" <> 'Completed'");
        var expected = options.Instances + options.Warmup;
        if (completed != expected || openTasks != 0)
        {
            throw new InvalidOperationException($"expected {expected} completed instances and no open task, found {completed} and {openTasks}");
        }

        Console.WriteLine($"bpmn-engine: {options.PeerInstances} instances in memory (node)");
        var peer = await BpmnEnginePeer.RunAsync(options.BpmnEngineFolder, bpmnFile, options.PeerInstances, options.Concurrency);

        var ours = options.Instances / clock.Elapsed.TotalSeconds;
        var theirs = peer.Instances / peer.Seconds;
        var table = new ResultTable($"flow start → task → split → 2 tasks → join → task → end; {options.Concurrency} in flight; {Environment.ProcessorCount} cores",
            "engine", "instances", "seconds", "instances/s", "steps/s", "durable");
        table.Add("Fazhi engine, SQLite file", options.Instances.ToString("N0", CultureInfo.InvariantCulture), F(clock.Elapsed.TotalSeconds),
            F(ours), F(ours * StepsPerInstance), $"every step (WAL, synchronous={synchronous})");
        table.Add($"bpmn-engine {peer.Version} (node {peer.Node}), in memory", peer.Instances.ToString("N0", CultureInfo.InvariantCulture), F(peer.Seconds),
            F(theirs), F(theirs * StepsPerInstance), "nothing");
        table.Add("SQLite durable commits, same disk", commits.Commits.ToString("N0", CultureInfo.InvariantCulture), F(commits.Seconds),
            "", F(commits.PerSecond), $"every commit (WAL, synchronous={synchronous})");
        report.Print(table);

        var ratio = new ResultTable("ratios", "figure", "value");
        ratio.Add("Fazhi / bpmn-engine, instances/s", (ours / theirs).ToString("F1", CultureInfo.InvariantCulture) + "×");
        ratio.Add("Fazhi steps/s / durable commits/s", (ours * StepsPerInstance / commits.PerSecond).ToString("F2", CultureInfo.InvariantCulture));
        ratio.Add("step latency median / p99, ms", $"{stepTimes.Median:F1} / {stepTimes.P99:F1}");
        var inbox = queries.Times();
        ratio.Add("inbox query (open tasks of the instance) median / p99, ms", $"{inbox.Median:F1} / {inbox.P99:F1}");
        var cpuPerStep = resources.CpuSeconds * 1000 / (options.Instances * StepsPerInstance);
        ratio.Add("CPU of this process per step, ms (all threads, inbox query included)", cpuPerStep.ToString("F2", CultureInfo.InvariantCulture));
        ratio.Add("  of which JIT compiling during the measured run, ms per step", (jitMs / (options.Instances * StepsPerInstance)).ToString("F2", CultureInfo.InvariantCulture));
        ratio.Add("allocated per step, KB", (resources.AllocatedBytes / 1024.0 / (options.Instances * StepsPerInstance)).ToString("F0", CultureInfo.InvariantCulture));
        report.Print(ratio);

        // Where a step's time goes, summed over all steps and divided by their number (with steps in
        // flight concurrently the parts overlap in wall time, not in this sum).
        var steps = (double)options.Instances * StepsPerInstance;
        var parts = new ResultTable("stopwatch breakdown per step (EF Core interceptors; reads include the inbox query before each completion)",
            "part", "per step", "ms per step");
        parts.Add("step latency, mean", "", (stepTimes.Mean).ToString("F2", CultureInfo.InvariantCulture));
        parts.Add("SELECT commands", (sql.Reads / steps).ToString("F1", CultureInfo.InvariantCulture), (sql.ReadMs / steps).ToString("F2", CultureInfo.InvariantCulture));
        parts.Add("write commands (SaveChanges batches)", (sql.Writes / steps).ToString("F1", CultureInfo.InvariantCulture), (sql.WriteMs / steps).ToString("F2", CultureInfo.InvariantCulture));
        parts.Add("COMMIT (write lock + fsync)", (sql.Commits / steps).ToString("F1", CultureInfo.InvariantCulture), (sql.CommitMs / steps).ToString("F2", CultureInfo.InvariantCulture));
        report.Print(parts);
        report.Note($"a step = one engine command (start, or one task completion) in its own transaction; {StepsPerInstance} per instance. " +
            "Between steps each simulated user lists the instance's open tasks through IWorkflowQueries, as the inbox does.");
        report.Note($"load average now: {BenchmarkReport.LoadAverage()} (other work on the machine shows in every figure)");
        report.Data["instancesPerSecond"] = ours;
        report.Data["bpmnEngineInstancesPerSecond"] = theirs;
        report.Data["durableCommitsPerSecond"] = commits.PerSecond;
        report.Data["stepMs"] = stepTimes;
        report.Data["cpuMsPerStep"] = cpuPerStep;
    }

    /// <summary>Runs <paramref name="count"/> instances to their end, <paramref name="concurrency"/> at a time; returns each step's latency.</summary>
    private static async Task<Distribution> RunInstancesAsync(IWorkflowRuntime runtime, ScopedQueries queries, int count, int concurrency)
    {
        var next = -1;
        var times = new List<double>[concurrency];
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async w =>
        {
            var mine = times[w] = [];
            while (Interlocked.Increment(ref next) < count)
            {
                await RunOneAsync(runtime, queries, mine);
            }
        }));
        return Percentiles.Of(times.SelectMany(t => t));
    }

    private static async Task RunOneAsync(IWorkflowRuntime runtime, ScopedQueries queries, List<double> times)
    {
        var started = Stopwatch.GetTimestamp();
        var instance = await runtime.StartAsync(new StartInstance(Key, null, new JsonObject { ["标题"] = "关于规范行政裁量权基准的通知" }), Owner);
        times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        await CompleteAsync(runtime, queries, instance.Id, "draft", Owner, times);
        await CompleteAsync(runtime, queries, instance.Id, "legal", Legal, times);
        await CompleteAsync(runtime, queries, instance.Id, "fairness", Legal, times);
        await CompleteAsync(runtime, queries, instance.Id, "sign", Leader, times);
    }

    private static async Task CompleteAsync(IWorkflowRuntime runtime, ScopedQueries queries, Guid instanceId, string activityId, WorkflowActor actor, List<double> times)
    {
        var listed = Stopwatch.GetTimestamp();
        var tasks = await queries.ListTasksAsync(new TaskFilter(InstanceId: instanceId), TaskSeeder.Admin);
        queries.Record(Stopwatch.GetElapsedTime(listed).TotalMilliseconds);
        var task = tasks.SingleOrDefault(t => t.ActivityId == activityId)
            ?? throw new InvalidOperationException($"instance {instanceId} has no open task '{activityId}' (open: {string.Join(", ", tasks.Select(t => t.ActivityId))})");
        var started = Stopwatch.GetTimestamp();
        await runtime.CompleteTaskAsync(task.Id, new TaskCompletion("approve", new JsonObject { [activityId + "Approved"] = true }, null), actor);
        times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    private static string F(double value) => value.ToString(value >= 100 ? "N0" : "F1", CultureInfo.InvariantCulture);

    /// <summary>IWorkflowQueries in a fresh scope per call, with each call's time.</summary>
    private sealed class ScopedQueries(IServiceProvider services)
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<double> _times = new();

        public async Task<IReadOnlyList<TaskView>> ListTasksAsync(TaskFilter filter, WorkflowActor actor)
        {
            await using var scope = services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<IWorkflowQueries>().ListTasksAsync(filter, actor);
        }

        public void Record(double ms) => _times.Enqueue(ms);

        public void Reset() => _times.Clear();

        public Distribution Times() => Percentiles.Of(_times);
    }
}
