using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Workflows.Benchmarks.Infrastructure;
using Workflows.Benchmarks.Measurement;
using Workflows.Benchmarks.Reporting;
using Workflows.Engine.Quartz.Timers;
using Workflows.Engine.Timers;

namespace Workflows.Benchmarks.Scenarios;

/// <summary>
/// Issue 3's first figure: with N open tasks (3 pending ladder timers each), how long a restarted
/// host takes to have every timer registered in Quartz. Two kinds of restart are measured:
/// <em>cold</em>, Quartz's store empty (the first start with Quartz, or a lost store), so every
/// trigger is created; and <em>warm</em>, the ordinary restart, Quartz's store still holding
/// every trigger from before.
/// </summary>
public static class RegisterScenario
{
    public sealed record RestartRun(
        string Variant, int Run, double HostStartSeconds, double EngineStartSeconds, double InAdapterSeconds,
        long TimersHandedToAdapter, long TriggersInStore, long PendingTimers, ResourceUsage Resources, long? QuartzStoreBytes);

    public static async Task RunAsync(BenchmarkOptions options, BenchmarkReport report)
    {
        var tasks = options.Tasks ?? 100_000;
        report.Settings["tasks"] = tasks.ToString(CultureInfo.InvariantCulture);
        report.Settings["cold runs"] = options.ColdRuns.ToString(CultureInfo.InvariantCulture);
        report.Settings["warm runs"] = options.Runs.ToString(CultureInfo.InvariantCulture);

        Console.WriteLine("warm-up: 500 tasks, one cold and one warm restart (JIT, connection pools; not reported)");
        await using (var warmUp = await BenchmarkDatabase.CreateAsync(options.Provider))
        {
            await TaskSeeder.SeedDatabaseAsync(warmUp, 500, report: null);
            await RestartAsync(warmUp, "cold", 0, options, null);
            await RestartAsync(warmUp, "warm", 0, options, _ => { });
        }

        await using var db = await BenchmarkDatabase.CreateAsync(options.Provider);
        await TaskSeeder.SeedDatabaseAsync(db, tasks, report);
        await db.MarkQuartzStoreEmptyAsync();
        // The first start after seeding finds Quartz's store empty (cold); the restarts after it find
        // every trigger in place (warm), as an ordinary restart does.
        var runs = new List<RestartRun>();
        Distribution? steps = null;
        for (var run = 1; run <= options.ColdRuns; run++)
        {
            if (run > 1)
            {
                await db.ClearQuartzStoreAsync();
            }
            runs.Add(await RestartAsync(db, "cold", run, options, null));
        }
        for (var run = 1; run <= options.Runs; run++)
        {
            runs.Add(await RestartAsync(db, "warm", run, options, run == options.Runs ? s => steps = s : null));
        }

        var table = new ResultTable($"restart with {tasks:N0} open tasks ({runs[0].PendingTimers:N0} pending timers), {options.Provider}",
            "variant", "run", "host start s", "engine start s", "in adapter s", "CPU s", "timers/s", "alloc MB", "peak WS MB", "GC 0/1/2", "triggers");
        foreach (var r in runs)
        {
            table.Add(r.Variant, r.Run.ToString(CultureInfo.InvariantCulture), F(r.HostStartSeconds), F(r.EngineStartSeconds), F(r.InAdapterSeconds), F(r.Resources.CpuSeconds),
                (r.PendingTimers / r.EngineStartSeconds).ToString("N0", CultureInfo.InvariantCulture), Mb(r.Resources.AllocatedBytes), Mb(r.Resources.PeakWorkingSetBytes),
                $"{r.Resources.Gen0}/{r.Resources.Gen1}/{r.Resources.Gen2}", r.TriggersInStore.ToString("N0", CultureInfo.InvariantCulture));
        }
        report.Print(table);

        var summary = new ResultTable("median over runs", "variant", "host start s", "engine start s", "timers/s", "alloc MB", "peak WS MB", "Quartz store MB");
        foreach (var variant in runs.GroupBy(r => r.Variant))
        {
            var median = variant.OrderBy(r => r.HostStartSeconds).ElementAt(variant.Count() / 2);
            summary.Add(variant.Key, F(median.HostStartSeconds), F(median.EngineStartSeconds),
                (median.PendingTimers / median.EngineStartSeconds).ToString("N0", CultureInfo.InvariantCulture),
                Mb(median.Resources.AllocatedBytes), Mb(median.Resources.PeakWorkingSetBytes), median.QuartzStoreBytes is { } b ? Mb(b) : "n/a");
        }
        report.Print(summary);
        report.Note($"engine data for comparison ({(db.Kind == StoreKind.Sqlite ? "used pages of the whole file, Quartz included" : "wf_* tables")}): {Mb(await db.EngineBytesAsync())} MB");
        report.Note("'engine start' = migrations check, calendar load and reconciliation; " +
            "'in adapter' = time inside QuartzTimerScheduler.ScheduleAsync; timers/s = pending timers / engine start.");
        foreach (var bad in runs.Where(r => r.TriggersInStore < r.PendingTimers))
        {
            report.Note($"MISSING TRIGGERS: {bad.Variant} run {bad.Run} left {bad.PendingTimers - bad.TriggersInStore:N0} pending timers without a trigger.");
        }
        if (steps is { } d)
        {
            var step = new ResultTable($"a step's own timers handed to Quartz, on the full store ({d.Count} calls of 3 new timers)",
                "ms", "min", "median", "p90", "p99", "max");
            step.Add("ScheduleAsync", F(d.Min), F(d.Median), F(d.P90), F(d.P99), F(d.Max));
            report.Print(step);
            report.Data["stepScheduleMs"] = d;
        }
        report.Data["runs"] = runs;
    }

    /// <summary>
    /// What every engine step that creates timers pays after its commit, with the store full: the
    /// optimisation for reconciliation must not make this slower.
    /// </summary>
    private static async Task<Distribution> MeasureStepSchedulingAsync(EngineHost host)
    {
        var scheduler = host.Services.GetRequiredService<ITimerScheduler>();
        var due = TimeProvider.System.GetUtcNow().AddDays(60);
        var times = new List<double>();
        var created = new List<Guid>();
        for (var call = 0; call < 200; call++)
        {
            var timers = Enumerable.Range(0, 3).Select(i => new WorkflowTimer
            {
                Id = Guid.CreateVersion7(),
                Role = TimerRole.Ladder,
                InstanceId = Guid.NewGuid(),
                ActivityId = "review",
                DueAt = due.AddMinutes(call * 3 + i),
                Status = TimerStatus.Pending,
                CreatedAt = due,
            }).ToList();
            var started = Stopwatch.GetTimestamp();
            await scheduler.ScheduleAsync(timers, CancellationToken.None);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            created.AddRange(timers.Select(t => t.Id));
        }
        await scheduler.UnscheduleAsync(created, CancellationToken.None);
        return Percentiles.Of(times);
    }

    private static async Task<RestartRun> RestartAsync(BenchmarkDatabase db, string variant, int run, BenchmarkOptions options, Action<Distribution>? measureSteps)
    {
        var pending = await db.ScalarAsync("SELECT COUNT(*) FROM wf_timers WHERE \"Status\" = 'Pending'");
        await using var host = EngineHost.Build(db, new EngineHostSettings
        {
            QuartzThreads = options.Threads,
            BatchAcquisition = options.Batch,
            Configure = SchedulerProbe.Install,
        });
        var sampler = ResourceSampler.Start();
        var clock = Stopwatch.StartNew();
        await host.StartAsync();
        var hostStart = clock.Elapsed;
        var resources = await sampler.StopAsync();
        var probe = host.Services.GetRequiredService<SchedulerProbe>();
        var scheduler = await host.SchedulerAsync();
        var triggers = (await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals(QuartzTimerScheduler.Group))).Count;
        if (measureSteps is not null)
        {
            measureSteps(await MeasureStepSchedulingAsync(host));
        }
        await host.StopAsync();
        long? storeBytes = variant == "cold" ? await db.QuartzStoreBytesAsync() : null;
        var result = new RestartRun(variant, run, hostStart.TotalSeconds,
            host.Markers.Between(StartupMarkers.HostStarting, StartupMarkers.EngineReconciled).TotalSeconds,
            probe.Elapsed.TotalSeconds, probe.Timers, triggers, pending, resources, storeBytes);
        if (run > 0)
        {
            Console.WriteLine($"  {variant} restart {run}: host start {F(result.HostStartSeconds)} s, {triggers:N0}/{pending:N0} triggers");
        }
        return result;
    }

    private static string F(double seconds) => seconds.ToString("F2", CultureInfo.InvariantCulture);

    private static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("F1", CultureInfo.InvariantCulture);

}
