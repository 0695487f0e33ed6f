using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Workflows.Adapters.Tests.Support;
using Workflows.Engine.Quartz;
using Workflows.Engine.Timers;

namespace Workflows.Adapters.Tests.Quartz;

/// <summary>
/// Quartz and the engine write the same SQLite file. These tests play the engine's part with
/// plain Microsoft.Data.Sqlite transactions, which is what EF Core issues underneath.
/// </summary>
public sealed class SqliteSharedFileTests : IDisposable
{
    private readonly TemporarySqliteDatabase _database = new();
    private readonly RecordingWorkflowRuntime _runtime = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task UseQuartz_PutsTheSharedFileInWalMode()
    {
        await using var host = await QuartzTestHost.StartAsync(_runtime, Sqlite);

        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Timers_AllFireOnce_WhileTheApplicationWritesTheSameFileUnderLoad()
    {
        await using (var setup = await OpenAsync())
        {
            await using var create = setup.CreateCommand();
            create.CommandText = "CREATE TABLE app_writes (id INTEGER PRIMARY KEY AUTOINCREMENT, source TEXT NOT NULL)";
            await create.ExecuteNonQueryAsync();
        }

        var failures = new ConcurrentQueue<Exception>();

        // Firing a timer writes the file too, inside Quartz's job, as the engine's step transaction does.
        _runtime.OnFire = (id, _) =>
        {
            Write("fire " + id, failures);
            return Task.CompletedTask;
        };
        await using var host = await QuartzTestHost.StartAsync(_runtime, Sqlite);

        // Application writers on threads of their own: Microsoft.Data.Sqlite is synchronous under its
        // async API, and on a two-core machine blocked pool threads would starve everyone, Quartz included.
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 4).Select(n => Task.Factory.StartNew(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                Write("writer " + n, failures);

                // Busy but not a tight loop: SQLite has no fair queue, and a writer that never pauses
                // starves every other one (Quartz included) however the locking is configured.
                Thread.Sleep(1);
            }
        }, TaskCreationOptions.LongRunning)).ToList();

        // Ten "requests" at once, each committing a step that schedules timers.
        var timers = Enumerable.Range(0, 60).Select(i => TestTimers.DueIn(TimeSpan.FromMilliseconds(200 + (i * 15)))).ToList();
        await Task.WhenAll(timers.Chunk(6).Select(batch =>
            Task.Run(() => host.Timers.ScheduleAsync(batch, CancellationToken.None))));

        await Poll.UntilAsync(() => _runtime.Fired.Distinct().Count() == timers.Count, "every timer fires", TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        Assert.Empty(failures);
        Assert.All(timers, t => Assert.Equal(1, _runtime.CountOf(t.Id)));
        await using var connection = await OpenAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(DISTINCT source) FROM app_writes WHERE source LIKE 'writer%'";
        Assert.Equal(4L, await count.ExecuteScalarAsync());
    }

    [Fact]
    public async Task EngineConnections_StayFullySynchronous_AfterQuartzUsedThePool()
    {
        // SQLite's default for this build: every commit waits for the disk. Quartz relaxes it on its
        // own connections only; they come from the pool the engine's connections (same string) share.
        long expected;
        await using (var fresh = await OpenAsync())
        {
            expected = await SynchronousAsync(fresh);
        }
        Assert.Equal(2L, expected);
        await using (var host = await QuartzTestHost.StartAsync(_runtime, Sqlite))
        {
            // Several rounds of Quartz connections: scheduling, and its own polling meanwhile.
            foreach (var batch in Enumerable.Range(0, 60).Select(i => TestTimers.DueIn(TimeSpan.FromHours(1 + i))).Chunk(6))
            {
                await host.Timers.ScheduleAsync(batch, CancellationToken.None);
            }
        }

        // Take every idle handle the pool holds at once: none may come back relaxed.
        var connections = new List<SqliteConnection>();
        try
        {
            for (var i = 0; i < 16; i++)
            {
                connections.Add(await OpenAsync());
            }
            foreach (var connection in connections)
            {
                Assert.Equal(expected, await SynchronousAsync(connection));
            }
        }
        finally
        {
            foreach (var connection in connections)
            {
                await connection.DisposeAsync();
            }
        }
    }

    private static async Task<long> SynchronousAsync(SqliteConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous;";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private void Sqlite(QuartzTimerOptions options)
    {
        options.StoreProvider = QuartzStoreProvider.Sqlite;
        options.ConnectionString = _database.ConnectionString;
    }

    private void Write(string source, ConcurrentQueue<Exception> failures)
    {
        try
        {
            using var connection = new SqliteConnection(_database.ConnectionString);
            connection.Open();
            using var transaction = connection.BeginTransaction();
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO app_writes (source) VALUES ($source)";
            insert.Parameters.AddWithValue("$source", source);
            insert.ExecuteNonQuery();
            transaction.Commit();
        }
        catch (Exception exception)
        {
            failures.Enqueue(exception);
        }
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection(_database.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
