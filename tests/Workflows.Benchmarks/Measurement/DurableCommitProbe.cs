using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Workflows.Benchmarks.Measurement;

/// <summary>What the disk allows: small committed transactions per second, one after another.</summary>
/// <param name="JournalMode">As the probe's file reported it after the pragma.</param>
/// <param name="Synchronous">SQLite's code: 0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA.</param>
public sealed record CommitRate(int Commits, double Seconds, string JournalMode, long Synchronous)
{
    public double PerSecond => Commits / Seconds;
}

/// <summary>
/// The ceiling an engine that commits every step durably runs against: a plain loop of
/// BEGIN / one small INSERT / COMMIT on a SQLite file next to the engine's, with the journal mode
/// and synchronous level the engine's own connections have. With WAL and synchronous=FULL every
/// commit waits for an fsync of the write-ahead log.
/// </summary>
public static class DurableCommitProbe
{
    /// <summary>The engine connection's synchronous level, as the product opens it.</summary>
    public static async Task<long> SynchronousOfAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public static async Task<CommitRate> MeasureAsync(string folder, long synchronous, TimeSpan duration)
    {
        var file = Path.Combine(folder, "commit-probe.db");
        var connectionString = new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString();
        string journalMode;
        var commits = 0;
        var clock = new Stopwatch();
        await using (var connection = new SqliteConnection(connectionString))
        {
            await connection.OpenAsync();
            journalMode = (string)(await ScalarAsync(connection, "PRAGMA journal_mode=WAL"))!;
            await ScalarAsync(connection, $"PRAGMA synchronous={synchronous}");
            await ScalarAsync(connection, "CREATE TABLE probe (id INTEGER PRIMARY KEY, at INTEGER NOT NULL, payload TEXT NOT NULL)");
            await using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO probe (at, payload) VALUES ($at, $payload)";
            var at = insert.Parameters.Add("$at", SqliteType.Integer);
            insert.Parameters.AddWithValue("$payload", new string('x', 200));
            clock.Start();
            while (clock.Elapsed < duration)
            {
                await using var transaction = await connection.BeginTransactionAsync();
                insert.Transaction = (SqliteTransaction)transaction;
                at.Value = clock.ElapsedTicks;
                await insert.ExecuteNonQueryAsync();
                await transaction.CommitAsync();
                commits++;
            }
            clock.Stop();
        }
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(file + suffix);
        }
        return new CommitRate(commits, clock.Elapsed.TotalSeconds, journalMode, synchronous);
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
