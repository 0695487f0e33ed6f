using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Workflows.Benchmarks.Infrastructure;

/// <summary>
/// A throwaway database for one benchmark: a SQLite file in a temp folder, or a PostgreSQL
/// database created on the server named by <c>WORKFLOWS_TEST_POSTGRES</c> and dropped afterwards.
/// </summary>
public sealed class BenchmarkDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "WORKFLOWS_TEST_POSTGRES";

    private readonly string? _folder;
    private readonly string? _serverConnectionString;
    private readonly string? _postgresName;
    private long? _sqliteUsedWithoutQuartz;

    private BenchmarkDatabase(StoreKind kind, string connectionString, string? folder, string? server, string? name)
    {
        Kind = kind;
        ConnectionString = connectionString;
        _folder = folder;
        _serverConnectionString = server;
        _postgresName = name;
    }

    public StoreKind Kind { get; }

    public string ConnectionString { get; }

    /// <summary>The SQLite file's folder (a fresh temp folder); null on PostgreSQL.</summary>
    public string? Folder => _folder;

    public static async Task<BenchmarkDatabase> CreateAsync(StoreKind kind)
    {
        if (kind == StoreKind.Sqlite)
        {
            var folder = Path.Combine(Path.GetTempPath(), "fazhi-bench-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            var file = Path.Combine(folder, "workflows.db");
            return new BenchmarkDatabase(kind, new SqliteConnectionStringBuilder { DataSource = file }.ToString(), folder, null, null);
        }

        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException($"{PostgresVariable} is not set; e.g. export {PostgresVariable}='Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres'");
        }
        var name = "fz_bench_" + Guid.NewGuid().ToString("N");
        await ExecuteOnServerAsync(server, $"CREATE DATABASE \"{name}\"");
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = 100 }.ToString();
        return new BenchmarkDatabase(kind, connectionString, null, server, name);
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = Open();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync() ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = Open();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 600;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Bytes the <c>QRTZ_*</c> tables and their indexes take. PostgreSQL says so per table; on SQLite
    /// (whose build here has no <c>dbstat</c>) it is the growth of the file's used pages since
    /// <see cref="ClearQuartzStoreAsync"/>, which only Quartz's rows can have caused.
    /// </summary>
    public async Task<long?> QuartzStoreBytesAsync()
    {
        if (Kind == StoreKind.Postgres)
        {
            return await PostgresTableBytesAsync("qrtz_");
        }
        return _sqliteUsedWithoutQuartz is { } before ? await SqliteUsedBytesAsync() - before : null;
    }

    /// <summary>The engine's own data, to put the Quartz store in proportion: <c>wf_*</c> on PostgreSQL, the whole file on SQLite.</summary>
    public async Task<long> EngineBytesAsync() =>
        Kind == StoreKind.Postgres ? await PostgresTableBytesAsync("wf_") : await SqliteUsedBytesAsync();

    private async Task<long> PostgresTableBytesAsync(string prefix) => await ScalarAsync($"""
        SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0) FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind = 'r' AND n.nspname = 'public' AND lower(c.relname) LIKE '{prefix}%'
        """);

    private async Task<long> SqliteUsedBytesAsync()
    {
        await ExecuteAsync("PRAGMA wal_checkpoint(TRUNCATE)");
        var pages = await ScalarAsync("PRAGMA page_count") - await ScalarAsync("PRAGMA freelist_count");
        return pages * await ScalarAsync("PRAGMA page_size");
    }

    /// <summary>Remembers the used size of a SQLite file whose Quartz store is empty, for <see cref="QuartzStoreBytesAsync"/>.</summary>
    public async Task MarkQuartzStoreEmptyAsync()
    {
        if (Kind == StoreKind.Sqlite)
        {
            _sqliteUsedWithoutQuartz = await SqliteUsedBytesAsync();
        }
    }

    /// <summary>
    /// Empties Quartz's job store (jobs, triggers, fired triggers), as on a first start with Quartz or
    /// after the store was lost: reconciliation then has to create every trigger.
    /// </summary>
    public async Task ClearQuartzStoreAsync()
    {
        string[] tables =
        [
            "QRTZ_FIRED_TRIGGERS", "QRTZ_SIMPLE_TRIGGERS", "QRTZ_SIMPROP_TRIGGERS", "QRTZ_CRON_TRIGGERS",
            "QRTZ_BLOB_TRIGGERS", "QRTZ_TRIGGERS", "QRTZ_JOB_DETAILS",
        ];
        foreach (var table in tables)
        {
            await ExecuteAsync($"DELETE FROM {table}");
        }
        if (Kind == StoreKind.Postgres)
        {
            await ExecuteAsync("VACUUM ANALYZE");
        }
        await MarkQuartzStoreEmptyAsync();
    }

    public DbConnection Open() => Kind == StoreKind.Sqlite ? new SqliteConnection(ConnectionString) : new NpgsqlConnection(ConnectionString);

    public async ValueTask DisposeAsync()
    {
        if (Kind == StoreKind.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_folder!, recursive: true);
            }
            catch (IOException)
            {
                // a temp folder left behind harms nothing
            }
            return;
        }
        NpgsqlConnection.ClearAllPools();
        await ExecuteOnServerAsync(_serverConnectionString!, $"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)");
    }

    private static async Task ExecuteOnServerAsync(string server, string sql)
    {
        var builder = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ToString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
