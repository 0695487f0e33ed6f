using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Benchmarks.Infrastructure;
using Workflows.Benchmarks.Measurement;
using Workflows.Benchmarks.Reporting;
using Workflows.Engine.Quartz.Timers;
using Quartz;
using Workflows.Engine.Runtime;

namespace Workflows.Benchmarks.Scenarios;

/// <summary>
/// Issue 3's second figure: many timers falling due in the same minute (by default at the same
/// instant, as every ladder rung of a day fires at 09:00) with real, running Quartz schedulers.
/// Each timer is an instance waiting on an intermediate timer catch event; its firing is the full
/// <c>FireTimerAsync</c> step. Lag = the moment that step committed minus the timer's due time.
/// </summary>
public static class LagScenario
{
    public static async Task RunAsync(BenchmarkOptions options, BenchmarkReport report)
    {
        var count = options.Timers;
        var background = options.Tasks ?? 0;
        report.Settings["timers"] = count.ToString(CultureInfo.InvariantCulture);
        report.Settings["spread s"] = options.SpreadSeconds.ToString(CultureInfo.InvariantCulture);
        report.Settings["nodes"] = options.Nodes.ToString(CultureInfo.InvariantCulture);
        report.Settings["background tasks"] = background.ToString(CultureInfo.InvariantCulture);

        await using var db = await BenchmarkDatabase.CreateAsync(options.Provider);
        if (background > 0)
        {
            await TaskSeeder.SeedDatabaseAsync(db, background, report);
        }

        var log = new FiringLog();
        var nodes = new List<EngineHost>();
        try
        {
            for (var n = 1; n <= options.Nodes; n++)
            {
                var name = $"node{n}";
                var node = EngineHost.Build(db, new EngineHostSettings
                {
                    QuartzThreads = options.Threads,
                    BatchAcquisition = options.Batch,
                    Configure = services => log.Install(services, name),
                });
                nodes.Add(node);
                await node.StartAsync();
                var scheduler = await node.SchedulerAsync();
                scheduler.ListenerManager.AddJobListener(log.ListenerFor(name), GroupMatcher<Quartz.JobKey>.GroupEquals(QuartzTimerScheduler.Group));
                report.Settings[$"{name} Quartz threads"] = (await scheduler.GetMetadata()).ThreadPoolSize.ToString(CultureInfo.InvariantCulture);
            }

            var runtime = nodes[0].Services.GetRequiredService<IWorkflowRuntime>();
            await runtime.SaveDefinitionAsync(Procedures.TimedStepXml, publish: true, TaskSeeder.Admin);

            // Calibrate: how fast instances start here, so the burst is due only after all are waiting.
            var calibration = Stopwatch.StartNew();
            await StartWaitingAsync(runtime, 20, _ => FiringLog.Now().AddDays(1), Parallelism(options));
            var perStart = calibration.Elapsed / 20;
            var firstDue = FiringLog.Now() + TimeSpan.FromSeconds(Math.Max(10, perStart.TotalSeconds * count * 2 + 5));
            var spread = TimeSpan.FromSeconds(options.SpreadSeconds);
            Console.WriteLine($"starting {count:N0} waiting instances; the first falls due at {firstDue:HH:mm:ss.fff} UTC, the last {spread.TotalSeconds:F0} s later");
            await StartWaitingAsync(runtime, count, i => firstDue + spread * i / count, Parallelism(options));
            var ready = FiringLog.Now();
            if (ready > firstDue)
            {
                report.Note($"setup overran the first due time by {(ready - firstDue).TotalSeconds:F1} s: part of the burst fell due while instances were still being started");
            }

            var burst = await BurstTimersAsync(db);
            var sampler = ResourceSampler.Start();
            await WaitForAsync(log, burst, firstDue + spread + TimeSpan.FromMinutes(10));
            var resources = await sampler.StopAsync();
            Summarize(report, options, burst, log, firstDue, spread, resources);
            await AddJournalLagAsync(report, db, burst);
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }
        }
    }

    private static int Parallelism(BenchmarkOptions options) => options.Provider == StoreKind.Sqlite ? 2 : 4;

    private static async Task StartWaitingAsync(IWorkflowRuntime runtime, int count, Func<int, DateTimeOffset> dueAt, int parallelism)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, parallelism).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var variables = new JsonObject { ["fireAt"] = dueAt(i).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) };
                await runtime.StartAsync(new StartInstance(Procedures.TimedStep, null, variables), TaskSeeder.Owner);
            }
        }));
    }

    /// <summary>The burst's timers and their due times, read back from <c>wf_timers</c> (the calibration ones are a day out).</summary>
    private static async Task<Dictionary<Guid, DateTimeOffset>> BurstTimersAsync(BenchmarkDatabase db)
    {
        var limit = FiringLog.Now().AddHours(1);
        var timers = new Dictionary<Guid, DateTimeOffset>();
        await using var connection = db.Open();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Id\", \"DueAt\" FROM wf_timers WHERE \"ActivityId\" = 'wait'";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var due = db.Kind == StoreKind.Sqlite
                ? new DateTimeOffset(reader.GetInt64(1), TimeSpan.Zero)
                : new DateTimeOffset(reader.GetDateTime(1), TimeSpan.Zero);
            if (due < limit)
            {
                timers[db.Kind == StoreKind.Sqlite ? Guid.Parse(reader.GetString(0)) : reader.GetGuid(0)] = due;
            }
        }
        return timers;
    }

    private static async Task WaitForAsync(FiringLog log, Dictionary<Guid, DateTimeOffset> burst, DateTimeOffset deadline)
    {
        var lastPrinted = -1;
        while (true)
        {
            var done = log.Firings.Where(f => f.Succeeded && burst.ContainsKey(f.TimerId)).Select(f => f.TimerId).Distinct().Count();
            if (done >= burst.Count || FiringLog.Now() > deadline)
            {
                return;
            }
            if (done != lastPrinted && done > 0 && done / 250 != lastPrinted / 250)
            {
                Console.WriteLine($"  {done:N0}/{burst.Count:N0} fired");
            }
            lastPrinted = done;
            await Task.Delay(TimeSpan.FromMilliseconds(200)); // the benchmark's own polling, not a workflow timer
        }
    }

    private static void Summarize(BenchmarkReport report, BenchmarkOptions options, Dictionary<Guid, DateTimeOffset> burst, FiringLog log,
        DateTimeOffset firstDue, TimeSpan spread, ResourceUsage resources)
    {
        var firings = log.Firings.Where(f => burst.ContainsKey(f.TimerId)).ToList();
        var committed = firings.Where(f => f.Succeeded).GroupBy(f => f.TimerId).ToDictionary(g => g.Key, g => g.MinBy(f => f.Finished)!);
        var quartz = log.QuartzFirings.Where(f => burst.ContainsKey(f.TimerId)).GroupBy(f => f.TimerId).ToDictionary(g => g.Key, g => g.MinBy(f => f.FiredAt)!);

        var commitLag = Percentiles.Of(committed.Select(kv => (kv.Value.Finished - burst[kv.Key]).TotalMilliseconds));
        var pickupLag = Percentiles.Of(quartz.Select(kv => (kv.Value.FiredAt - burst[kv.Key]).TotalMilliseconds));
        var stepTime = Percentiles.Of(committed.Values.Select(f => (f.Finished - f.Started).TotalMilliseconds));
        var table = new ResultTable(
            $"{burst.Count:N0} timers due {(spread == TimeSpan.Zero ? "at the same instant" : $"over {spread.TotalSeconds:F0} s")}, {options.Provider}, {options.Nodes} node(s)",
            "ms", "min", "median", "p90", "p99", "max", "count");
        Row(table, "due → Quartz fired the job", pickupLag);
        Row(table, "due → FireTimerAsync committed", commitLag);
        Row(table, "FireTimerAsync (one step)", stepTime);
        report.Print(table);

        var last = committed.Count == 0 ? firstDue : committed.Values.Max(f => f.Finished);
        var drain = (last - firstDue).TotalSeconds;
        var throughput = new ResultTable("throughput", "figure", "value");
        throughput.Add("timers fired", $"{committed.Count:N0} of {burst.Count:N0}");
        throughput.Add("first due → last committed, s", drain.ToString("F2", CultureInfo.InvariantCulture));
        throughput.Add("timers/s over that span", (committed.Count / Math.Max(drain, 0.001)).ToString("N0", CultureInfo.InvariantCulture));
        throughput.Add("CPU of this process per timer, ms", (resources.CpuSeconds * 1000 / Math.Max(committed.Count, 1)).ToString("F1", CultureInfo.InvariantCulture));
        throughput.Add("allocated per timer, KB", (resources.AllocatedBytes / 1024.0 / Math.Max(committed.Count, 1)).ToString("F0", CultureInfo.InvariantCulture));
        throughput.Add("failed FireTimerAsync calls", firings.Count(f => !f.Succeeded).ToString(CultureInfo.InvariantCulture));
        throughput.Add("deliveries beyond one per timer", (firings.Count(f => f.Succeeded) - committed.Count).ToString(CultureInfo.InvariantCulture));
        foreach (var node in committed.Values.GroupBy(f => f.Node).OrderBy(g => g.Key))
        {
            throughput.Add($"committed on {node.Key}", node.Count().ToString("N0", CultureInfo.InvariantCulture));
        }
        report.Print(throughput);
        report.Data["commitLagMs"] = commitLag;
        report.Data["pickupLagMs"] = pickupLag;
        report.Data["stepMs"] = stepTime;
        report.Data["drainSeconds"] = drain;
    }

    private static async Task AddJournalLagAsync(BenchmarkReport report, BenchmarkDatabase db, Dictionary<Guid, DateTimeOffset> burst)
    {
        // Cross-check from the database alone: the TimerFired entry's time is when its step began.
        await using var connection = db.Open();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"At\", \"Data\" FROM wf_journal WHERE \"Kind\" = 'TimerFired'";
        var lags = new List<double>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var at = db.Kind == StoreKind.Sqlite ? new DateTimeOffset(reader.GetInt64(0), TimeSpan.Zero) : new DateTimeOffset(reader.GetDateTime(0), TimeSpan.Zero);
            var data = JsonNode.Parse(reader.GetString(1));
            if (Guid.TryParse((string?)data?["timerId"], out var id) && burst.TryGetValue(id, out var due))
            {
                lags.Add((at - due).TotalMilliseconds);
            }
        }
        var journal = Percentiles.Of(lags);
        report.Note($"journal cross-check (TimerFired entry time − due, i.e. up to the step's start): median {journal.Median:F0} ms, p99 {journal.P99:F0} ms over {journal.Count:N0} entries");
    }

    private static void Row(ResultTable table, string label, Distribution d) => table.Add(label,
        d.Min.ToString("F0", CultureInfo.InvariantCulture), d.Median.ToString("F0", CultureInfo.InvariantCulture), d.P90.ToString("F0", CultureInfo.InvariantCulture),
        d.P99.ToString("F0", CultureInfo.InvariantCulture), d.Max.ToString("F0", CultureInfo.InvariantCulture), d.Count.ToString("N0", CultureInfo.InvariantCulture));
}
