using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Workflows.Engine.Outbox;
using Workflows.Engine.Persistence;
using Workflows.Engine.Timers;

namespace Workflows.Engine.Scheduling;

/// <summary>Keeps one pending timer per recurring job, and turns each firing into an outbox run.</summary>
/// <remarks>Jobs are resolved on first use: a job may depend on the runtime, which depends on this.</remarks>
public sealed class RecurringJobs(
    IServiceProvider services,
    IDbContextFactory<WorkflowDbContext> dbFactory,
    TimeProvider clock,
    ILogger<RecurringJobs> logger)
{
    public const string RunMessageType = "engine.recurring-job";

    private readonly Lazy<Dictionary<string, IRecurringJob>> _byKey = new(() =>
        services.GetServices<IRecurringJob>().ToDictionary(j => j.Key, StringComparer.Ordinal));

    private Dictionary<string, IRecurringJob> _jobs => _byKey.Value;

    public IRecurringJob? Find(string key) => _jobs.GetValueOrDefault(key);

    /// <summary>
    /// At start: every job gets its next timer; a timer whose time moved (the schedule was changed)
    /// is moved too, while one that fell due during downtime is left to fire now.
    /// </summary>
    public async Task EnsureTimersAsync(CancellationToken cancellationToken)
    {
        if (_jobs.Count == 0)
        {
            return;
        }
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var pending = await db.Timers
            .Where(t => t.Role == TimerRole.Recurring && t.Status == TimerStatus.Pending)
            .ToListAsync(cancellationToken);
        foreach (var job in _jobs.Values)
        {
            var next = job.NextOccurrence(now);
            var mine = pending.Where(t => t.ActivityId == job.Key).OrderBy(t => t.DueAt).ToList();
            foreach (var extra in mine.Skip(1))
            {
                extra.Status = TimerStatus.Cancelled;
            }
            var current = mine.FirstOrDefault();
            if (current is null && next is { } due)
            {
                db.Timers.Add(NewTimer(job.Key, due, now));
            }
            else if (current is not null && current.DueAt > now && next != current.DueAt)
            {
                if (next is { } moved)
                {
                    current.DueAt = moved;
                }
                else
                {
                    current.Status = TimerStatus.Cancelled;
                }
            }
        }
        foreach (var orphan in pending.Where(t => !_jobs.ContainsKey(t.ActivityId)))
        {
            logger.LogWarning("Recurring job {Key} is no longer installed; its timer is cancelled", orphan.ActivityId);
            orphan.Status = TimerStatus.Cancelled;
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    internal static WorkflowTimer NewTimer(string key, DateTimeOffset due, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        Role = TimerRole.Recurring,
        ActivityId = key,
        DueAt = due,
        Kind = Bpmn.Model.TimerKind.Date,
        Status = TimerStatus.Pending,
        CreatedAt = now,
    };

    internal static JsonObject RunPayload(string key, DateTimeOffset occurrence) => new()
    {
        ["key"] = key,
        ["occurrence"] = occurrence.ToString("O", CultureInfo.InvariantCulture),
    };
}

/// <summary>Runs one occurrence of a recurring job, with the outbox's retries.</summary>
internal sealed class RecurringJobRunHandler(RecurringJobs jobs) : IOutboxHandler
{
    public string Type => RecurringJobs.RunMessageType;

    public Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var payload = EngineJson.ParseObject(message.Payload);
        var key = (string)payload["key"]!;
        var job = jobs.Find(key) ?? throw new InvalidOperationException($"The recurring job '{key}' is not installed.");
        return job.RunAsync(DateTimeOffset.Parse((string)payload["occurrence"]!, CultureInfo.InvariantCulture), cancellationToken);
    }
}
