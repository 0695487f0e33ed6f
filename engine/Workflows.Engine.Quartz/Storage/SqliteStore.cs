using System.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;
using Quartz.Impl.AdoJobStore;

namespace Workflows.Engine.Quartz.Storage;

/// <summary>
/// Quartz on the embedded SQLite file the engine's EF Core context also writes to.
/// </summary>
/// <remarks>
/// SQLite has one writer at a time for the whole file, and two independent writers share it here:
/// Quartz's store and the engine. What keeps them from deadlocking or failing with
/// "database is locked":
/// <list type="bullet">
/// <item>Every write transaction on both sides is <c>BEGIN IMMEDIATE</c>: Quartz's store forces
/// serializable isolation on SQLite (set here as well, to say so), which Microsoft.Data.Sqlite opens
/// as <c>BEGIN IMMEDIATE</c>, and EF Core's transactions are immediate by default. A transaction
/// that takes the write lock up front never has to upgrade a read lock, and the upgrade is the only
/// way two SQLite writers deadlock (one of them gets SQLITE_BUSY with no wait at all).</item>
/// <item>A busy timeout: <c>BEGIN IMMEDIATE</c> waits, retrying, for up to the connection's
/// <c>Default Timeout</c> while the other side holds the lock, instead of failing at once.
/// Transactions on both sides are milliseconds long, so 30 seconds is only ever reached by a hung
/// writer. (A deferred transaction that reads and then writes would not be saved by it: in WAL mode
/// its upgrade fails with SQLITE_BUSY_SNAPSHOT however long it waits.) Quartz's own transient-error retry (SQLite BUSY/LOCKED) backs this up.</item>
/// <item>Quartz serializes all of its own database work through its in-process SQLite lock handler
/// (chosen by the store for SQLite; database row locks would need the very write lock they guard),
/// so its scheduler thread, misfire handler and job completions never queue on the file against
/// each other.</item>
/// <item>WAL journal mode: readers (the API's queries, Quartz's polling) and the writer no longer
/// block one another. It is a property of the file, so setting it once here also serves the engine.</item>
/// </list>
/// </remarks>
internal static class SqliteStore
{
    internal const int BusyTimeoutSeconds = 30;

    public static void Configure(IPersistentStoreBuilder store, string connectionString)
    {
        var connection = WithBusyTimeout(connectionString);
        // The factory overload: the driver is reached in code rather than resolved from type names.
        store.UseSqlite(TunedSqliteFactory.Instance, connection);
        store.UseDriverDelegate<SQLiteDelegate>();
        store.ConfigureStore(s =>
        {
            s.TransactionIsolationLevel = IsolationLevel.Serializable;
            s.CommandTimeout = TimeSpan.FromSeconds(BusyTimeoutSeconds);
        });
        store.Services.AddHostedService(_ => new WalJournalMode(connection));
    }

    internal static string WithBusyTimeout(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DefaultTimeout < BusyTimeoutSeconds)
        {
            builder.DefaultTimeout = BusyTimeoutSeconds;
        }

        return builder.ToString();
    }

    /// <summary>Switches the file to WAL before the Quartz hosted service (registered after it) starts the scheduler.</summary>
    private sealed class WalJournalMode(string connectionString) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL;";
            await command.ExecuteScalarAsync(cancellationToken);
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
