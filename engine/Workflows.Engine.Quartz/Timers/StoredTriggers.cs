using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Workflows.Engine.Quartz.Storage;
using Workflows.Engine.Timers;

namespace Workflows.Engine.Quartz.Timers;

/// <summary>
/// Finds which of a batch of timers Quartz already holds exactly as scheduling them would store
/// them, so that only the others are written.
/// </summary>
/// <remarks>
/// <para>
/// Quartz's store outlives the process, so after an ordinary restart startup reconciliation hands
/// over timers whose triggers are all still there. Storing them again (ScheduleJobs with Replace:
/// about a dozen statements per timer, rewriting a job, a trigger and their indexes) made a restart
/// with 300,000 pending timers take minutes on SQLite.
/// </para>
/// <para>
/// The read goes to <c>QRTZ_TRIGGERS</c> directly, by primary key, because Quartz's own bulk read
/// (<c>IScheduler.GetTriggers</c>) matches keys with a disjunction that SQLite answers by scanning
/// every trigger of the scheduler, 200 keys at a time: seconds per page with 16,000 triggers, far
/// worse with 300,000. It is only a read of the official schema, columns unchanged since Quartz 1.x,
/// and it can only make the adapter write less: a trigger is trusted when it is the timer's own, still
/// due at the timer's time and in a state that fires; anything else, or any failure to read, and the
/// timer is stored again as before.
/// </para>
/// </remarks>
internal sealed class StoredTriggers(QuartzTimerOptions options)
{
    /// <summary>
    /// The smallest batch for which asking first pays. A step's own timers are new (fresh ids), so
    /// the read would never find them; reconciliation's pages are large and, after a restart, all there.
    /// </summary>
    public const int WorthAsking = 16;

    private const int KeysPerQuery = 500;

    // States in which a stored trigger still fires by itself (ACQUIRED: a node is about to fire it;
    // PAUSED: an operator held it on purpose). ERROR, COMPLETE and anything unknown are rewritten.
    private static readonly HashSet<string> FiringStates = ["WAITING", "ACQUIRED", "BLOCKED", "PAUSED", "PAUSED_BLOCKED"];

    private static readonly long Tolerance = TimeSpan.FromMilliseconds(1).Ticks;

    /// <summary>The timers Quartz does not hold as they are; on any doubt, all of them.</summary>
    public async Task<List<WorkflowTimer>> WithoutTriggerAsync(List<WorkflowTimer> timers, CancellationToken cancellationToken)
    {
        Dictionary<string, Row> stored;
        try
        {
            stored = await ReadAsync(timers, cancellationToken);
        }
        catch (DbException)
        {
            return timers; // e.g. the QRTZ_* tables are not there yet: store everything, as before
        }
        return [.. timers.Where(t => !(stored.TryGetValue(t.Id.ToString("D"), out var row) && row.Holds(t)))];
    }

    private async Task<Dictionary<string, Row>> ReadAsync(List<WorkflowTimer> timers, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await connection.OpenAsync(cancellationToken);
        var rows = new Dictionary<string, Row>(timers.Count);
        foreach (var chunk in timers.Chunk(KeysPerQuery))
        {
            await using var command = connection.CreateCommand();
            var names = string.Join(", ", chunk.Select((_, i) => "@n" + i));
            // Unquoted names: PostgreSQL folds them to the lower-case tables Quartz creates there.
            command.CommandText = $"""
                SELECT TRIGGER_NAME, JOB_NAME, JOB_GROUP, START_TIME, NEXT_FIRE_TIME, TRIGGER_STATE FROM QRTZ_TRIGGERS
                WHERE SCHED_NAME = @scheduler AND TRIGGER_GROUP = @group AND TRIGGER_NAME IN ({names})
                """;
            Add(command, "@scheduler", options.SchedulerName);
            Add(command, "@group", QuartzTimerScheduler.Group);
            for (var i = 0; i < chunk.Length; i++)
            {
                Add(command, "@n" + i, chunk[i].Id.ToString("D"));
            }
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows[reader.GetString(0)] = new Row(
                    reader.GetString(1), reader.GetString(2), reader.GetInt64(3),
                    reader.IsDBNull(4) ? null : reader.GetInt64(4), reader.GetString(5));
            }
        }
        return rows;
    }

    private DbConnection Open() => options.StoreProvider == QuartzStoreProvider.Sqlite
        ? new SqliteConnection(SqliteStore.WithBusyTimeout(options.ConnectionString))
        : new NpgsqlConnection(options.ConnectionString);

    private static void Add(DbCommand command, string name, string value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    /// <summary>A stored trigger's columns, times as UTC ticks (how Quartz's ADO store keeps them).</summary>
    private sealed record Row(string JobName, string JobGroup, long StartTicks, long? NextFireTicks, string State)
    {
        public bool Holds(WorkflowTimer timer) =>
            JobName == timer.Id.ToString("D") && JobGroup == QuartzTimerScheduler.Group
            // A one-shot trigger that has fired keeps no next fire time: its firing may have failed.
            && NextFireTicks is not null
            && FiringStates.Contains(State)
            // PostgreSQL keeps microseconds, .NET ticks: the same instant may differ below a millisecond.
            && Math.Abs(StartTicks - timer.DueAt.UtcTicks) < Tolerance;
    }
}
