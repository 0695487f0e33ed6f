using Quartz;

namespace Workflows.Engine.Quartz;

/// <summary>Where Quartz keeps its <c>QRTZ_*</c> tables: always the application's own database.</summary>
public enum QuartzStoreProvider
{
    /// <summary>The embedded SQLite file (Microsoft.Data.Sqlite); a single node.</summary>
    Sqlite,

    /// <summary>PostgreSQL (Npgsql); clustered by default so any number of hosts share the schedule.</summary>
    PostgreSql,
}

public sealed class QuartzTimerOptions
{
    public const string Section = "Workflows:Quartz";

    private bool? _clustered;
    private int? _threadCount;

    public QuartzStoreProvider StoreProvider { get; set; } = QuartzStoreProvider.Sqlite;

    /// <summary>The application's connection string; Quartz creates its tables next to the engine's.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>Whether this node joins a Quartz cluster; true on PostgreSQL unless set, never possible on SQLite.</summary>
    public bool Clustered
    {
        get => _clustered ?? StoreProvider == QuartzStoreProvider.PostgreSql;
        set => _clustered = value;
    }

    /// <summary>Every node of one cluster must use the same name: it is the SCHED_NAME column of every row.</summary>
    public string SchedulerName { get; set; } = "fazhi";

    /// <summary>
    /// How many timer jobs may run at once on this node: 10 on PostgreSQL unless set, 2 on SQLite,
    /// where every firing writes the one file in turn and more threads would only sit blocked on it
    /// (Microsoft.Data.Sqlite waits synchronously), taking thread-pool threads from the web requests.
    /// </summary>
    public int ThreadCount
    {
        get => _threadCount ?? (StoreProvider == QuartzStoreProvider.Sqlite ? 2 : 10);
        set => _threadCount = value;
    }

    /// <summary>
    /// How Quartz re-fires a timer whose <c>FireTimerAsync</c> threw (a busy database, a lost
    /// concurrency race that ran out of step retries). Once spent, the timer is still pending in
    /// <c>wf_timers</c> and startup reconciliation schedules it again.
    /// </summary>
    public RetryPolicy FireRetryPolicy { get; set; } =
        RetryPolicy.Exponential(maxAttempts: 8, initialDelay: TimeSpan.FromSeconds(5), factor: 2, maxDelay: TimeSpan.FromMinutes(10), jitter: 0.2);

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            throw new InvalidOperationException($"{Section}: ConnectionString is required (the application's own database).");
        }

        if (StoreProvider == QuartzStoreProvider.Sqlite && Clustered)
        {
            throw new InvalidOperationException($"{Section}: a SQLite store cannot be clustered; use PostgreSQL to run several hosts.");
        }

        if (string.IsNullOrWhiteSpace(SchedulerName))
        {
            throw new InvalidOperationException($"{Section}: SchedulerName must not be empty.");
        }

        if (ThreadCount < 1)
        {
            throw new InvalidOperationException($"{Section}: ThreadCount must be at least 1.");
        }
    }
}
