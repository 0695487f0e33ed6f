using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Workflows.Engine.Quartz.Storage;

/// <summary>
/// Microsoft.Data.Sqlite for Quartz's own connections, each told two things on opening.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>busy_timeout</c>: SQLite itself waits for the write lock, retrying within a millisecond
/// or so of its release. Without it Microsoft.Data.Sqlite gets SQLITE_BUSY back and sleeps 150 ms
/// before trying again, so every collision with an engine step added at least 150 ms to a firing.</item>
/// <item><c>synchronous=NORMAL</c>: in WAL mode a commit no longer waits for the disk; the WAL is
/// synced at checkpoints. A killed process loses nothing; an OS crash or power cut may lose Quartz's
/// last commits, never corrupt the file. Quartz's store is an executor's copy: startup reconciliation
/// re-creates any trigger it lost from <c>wf_timers</c>, and a firing repeated because its completion
/// was lost is a no-op. The engine's own connections keep their settings: both pragmas are put back
/// before a handle returns to the pool the engine's connections share.</item>
/// </list>
/// </remarks>
internal sealed class TunedSqliteFactory : DbProviderFactory
{
    public static readonly TunedSqliteFactory Instance = new();

    public override DbConnection CreateConnection() => new TunedSqliteConnection();

    public override DbCommand CreateCommand() => SqliteFactory.Instance.CreateCommand();

    public override DbParameter CreateParameter() => SqliteFactory.Instance.CreateParameter();

    public override DbConnectionStringBuilder CreateConnectionStringBuilder() => SqliteFactory.Instance.CreateConnectionStringBuilder();

    private sealed class TunedSqliteConnection : SqliteConnection
    {
        // What the pooled handle had before Open changed it, put back on Close.
        private long _busyTimeout;
        private long _synchronous;

        public override void Open()
        {
            base.Open();
            _busyTimeout = Pragma("PRAGMA busy_timeout");
            _synchronous = Pragma("PRAGMA synchronous");
            Pragma($"PRAGMA busy_timeout = {(int)TimeSpan.FromSeconds(SqliteStore.BusyTimeoutSeconds).TotalMilliseconds}; PRAGMA synchronous = NORMAL;");
        }

        /// <summary>
        /// Puts the handle back as it was: Microsoft.Data.Sqlite pools handles by connection string,
        /// and Quartz's string is the engine's own, so a handle left at synchronous=NORMAL would be
        /// handed to an engine step next and commit it without waiting for the disk.
        /// </summary>
        public override void Close()
        {
            if (State == System.Data.ConnectionState.Open)
            {
                Pragma($"PRAGMA busy_timeout = {_busyTimeout}; PRAGMA synchronous = {_synchronous};");
            }
            base.Close();
        }

        private long Pragma(string sql)
        {
            using var command = CreateCommand();
            command.CommandText = sql;
            return command.ExecuteScalar() is long value ? value : 0;
        }
    }
}
