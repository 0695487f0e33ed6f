namespace Workflows.Engine.Hangfire;

/// <summary>Where Hangfire keeps its queues and job state.</summary>
public enum HangfireStorage
{
    /// <summary>In process, the embedded default: safe because the outbox in the application database is the truth.</summary>
    InMemory,

    /// <summary>PostgreSQL, in a <c>hangfire</c> schema of its own, shared by every host for scale-out.</summary>
    PostgreSql,
}

public sealed class HangfireEngineOptions
{
    public const string Section = "Workflows:Hangfire";

    /// <summary>The schema Hangfire.PostgreSql creates and keeps its tables in.</summary>
    public const string PostgreSqlSchema = "hangfire";

    public HangfireStorage Storage { get; set; } = HangfireStorage.InMemory;

    /// <summary>Required for <see cref="HangfireStorage.PostgreSql"/>; ignored in memory.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Background workers on this host.</summary>
    public int WorkerCount { get; set; } = Math.Max(2, Environment.ProcessorCount * 2);

    /// <summary>Retries of a failing outbox message before its job fails for good, visibly, in the dashboard.</summary>
    public int RetryAttempts { get; set; } = 10;

    /// <summary>
    /// Waits before each retry, the last repeating; null keeps Hangfire's own back-off (polynomial,
    /// with jitter: seconds at first, hours by the tenth attempt).
    /// </summary>
    public TimeSpan[]? RetryDelays { get; set; }

    /// <summary>
    /// How often the outbox sweep runs (a whole number of minutes; Hangfire's cron has no seconds),
    /// and how long a message must have been pending before the sweep counts its dispatch as lost.
    /// </summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The most messages one sweep hands back to the workers; the rest wait for the next run.</summary>
    public int SweepBatchSize { get; set; } = 500;

    internal string SweepCron =>
        SweepInterval == TimeSpan.FromMinutes(1) ? "* * * * *" : $"*/{(int)SweepInterval.TotalMinutes} * * * *";

    internal void Validate()
    {
        if (Storage == HangfireStorage.PostgreSql && string.IsNullOrWhiteSpace(ConnectionString))
        {
            throw new InvalidOperationException($"{Section}: ConnectionString is required for PostgreSQL storage.");
        }

        if (WorkerCount < 1)
        {
            throw new InvalidOperationException($"{Section}: WorkerCount must be at least 1.");
        }

        if (RetryAttempts < 0)
        {
            throw new InvalidOperationException($"{Section}: RetryAttempts must not be negative.");
        }

        if (RetryDelays is { Length: 0 } || RetryDelays?.Any(d => d < TimeSpan.Zero) == true)
        {
            throw new InvalidOperationException($"{Section}: RetryDelays, when set, must hold at least one non-negative wait.");
        }

        var minutes = SweepInterval.TotalMinutes;
        if (minutes < 1 || minutes > 59 || minutes != Math.Floor(minutes))
        {
            throw new InvalidOperationException($"{Section}: SweepInterval must be a whole number of minutes from 1 to 59.");
        }

        if (SweepBatchSize < 1)
        {
            throw new InvalidOperationException($"{Section}: SweepBatchSize must be at least 1.");
        }
    }
}
