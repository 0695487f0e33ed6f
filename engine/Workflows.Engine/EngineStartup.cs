using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Workflows.Engine.Outbox;
using Workflows.Engine.Persistence;
using Workflows.Engine.Timers;

namespace Workflows.Engine;

/// <summary>Provider-specific preparation of the database before migrations (e.g. SQLite's WAL mode).</summary>
public interface IWorkflowDatabaseSetup
{
    Task PrepareAsync(WorkflowDbContext db, CancellationToken cancellationToken);
}

/// <summary>
/// At start: migrate the engine's tables, then reconcile the executors with the database, which
/// is the truth — every pending timer gets its trigger back, every unsent outbox message its job.
/// </summary>
internal sealed class EngineStartup(
    IDbContextFactory<WorkflowDbContext> dbFactory,
    IEnumerable<IWorkflowDatabaseSetup> setups,
    Scheduling.RecurringJobs recurringJobs,
    Calendar.Admin.CalendarAdministration calendar,
    ITimerScheduler timerScheduler,
    IBackgroundDispatcher dispatcher,
    ILogger<EngineStartup> logger) : IHostedService
{
    private const int Batch = 2000;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            foreach (var setup in setups)
            {
                await setup.PrepareAsync(db, cancellationToken);
            }
            await db.Database.MigrateAsync(cancellationToken);
        }
        await calendar.LoadAsync(cancellationToken);
        await recurringJobs.EnsureTimersAsync(cancellationToken);
        await ReconcileAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    internal async Task ReconcileAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var timers = 0;
        (DateTimeOffset DueAt, Guid Id)? after = null;
        while (true)
        {
            // Keyset pages in due order over the (Status, DueAt) index: overdue and soonest timers reach
            // the scheduler first, and each page is a seek. Skip/Take re-read every earlier page (with
            // 300,000 pending timers most of a restart went there), and a timer fired meanwhile by
            // another node shifted the window past a pending one. A timer added meanwhile was
            // scheduled by its own step, and scheduling one twice is harmless.
            var query = db.Timers.AsNoTracking().Where(t => t.Status == TimerStatus.Pending);
            if (after is { } last)
            {
                query = query.Where(t => t.DueAt >= last.DueAt && (t.DueAt > last.DueAt || t.Id.CompareTo(last.Id) > 0));
            }
            var page = await query
                .OrderBy(t => t.DueAt).ThenBy(t => t.Id)
                .Take(Batch)
                .ToListAsync(cancellationToken);
            if (page.Count == 0)
            {
                break;
            }
            await timerScheduler.ScheduleAsync(page, cancellationToken);
            timers += page.Count;
            after = (page[^1].DueAt, page[^1].Id);
        }
        var pending = await db.Outbox.AsNoTracking()
            .Where(m => m.ProcessedAt == null)
            .OrderBy(m => m.CreatedAt)
            .Select(m => m.Id)
            .ToListAsync(cancellationToken);
        if (pending.Count > 0)
        {
            dispatcher.Dispatch(pending);
        }
        logger.LogInformation("Reconciled {Timers} pending timers and {Messages} unsent outbox messages", timers, pending.Count);
    }
}
