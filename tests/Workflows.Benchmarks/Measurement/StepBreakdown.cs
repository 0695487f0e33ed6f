using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Engine.Persistence;

namespace Workflows.Benchmarks.Measurement;

/// <summary>
/// A stopwatch breakdown of the engine's steps through EF Core interceptors on its DbContext:
/// SQL commands (count and time, reads and writes apart) and the commit (the fsync and the wait for
/// SQLite's write lock). Whatever remains of a step's time is the engine's own CPU work.
/// </summary>
public sealed class StepBreakdown : IDbCommandInterceptor, IDbTransactionInterceptor
{
    private long _readTicks;
    private long _writeTicks;
    private long _commitTicks;
    private long _reads;
    private long _writes;
    private long _commits;

    public static StepBreakdown Install(IServiceCollection services)
    {
        var breakdown = new StepBreakdown();
        services.ConfigureDbContext<WorkflowDbContext>(o => o.AddInterceptors(breakdown));
        return breakdown;
    }

    public void Reset()
    {
        _readTicks = _writeTicks = _commitTicks = _reads = _writes = _commits = 0;
    }

    public (long Reads, double ReadMs, long Writes, double WriteMs, long Commits, double CommitMs) Totals() =>
        (_reads, Ms(_readTicks), _writes, Ms(_writeTicks), _commits, Ms(_commitTicks));

    private static double Ms(long ticks) => TimeSpan.FromTicks(ticks).TotalMilliseconds;


    public ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Count(command, eventData.Duration);
        return ValueTask.FromResult(result);
    }


    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Count(command, eventData.Duration);
        return ValueTask.FromResult(result);
    }


    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Interlocked.Add(ref _commitTicks, eventData.Duration.Ticks);
        Interlocked.Increment(ref _commits);
        return Task.CompletedTask;
    }

    private void Count(DbCommand command, TimeSpan duration)
    {
        var elapsed = duration.Ticks;
        // Reads are SELECTs; a batch of INSERT/UPDATE from SaveChanges counts as one write.
        if (command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase))
        {
            Interlocked.Add(ref _readTicks, elapsed);
            Interlocked.Increment(ref _reads);
        }
        else
        {
            Interlocked.Add(ref _writeTicks, elapsed);
            Interlocked.Increment(ref _writes);
        }
    }
}
