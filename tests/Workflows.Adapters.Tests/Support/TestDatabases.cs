using Microsoft.Data.Sqlite;
using Npgsql;

namespace Workflows.Adapters.Tests.Support;

/// <summary>A SQLite file of this test's own, deleted afterwards.</summary>
public sealed class TemporarySqliteDatabase : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "fz-adapters-" + Guid.NewGuid().ToString("N"));

    public TemporarySqliteDatabase()
    {
        Directory.CreateDirectory(_directory);
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(_directory, "workflows.db") }.ToString();
    }

    public string ConnectionString { get; }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}

/// <summary>
/// A PostgreSQL database of this test's own on the server named by <c>WORKFLOWS_TEST_POSTGRES</c>,
/// dropped afterwards. Without the variable the test fails: PostgreSQL is a supported store, so
/// silently skipping its tests would hide a broken scale-out mode.
/// </summary>
public sealed class TemporaryPostgresDatabase : IAsyncDisposable
{
    public const string Variable = "WORKFLOWS_TEST_POSTGRES";

    private readonly string _serverConnectionString;
    private readonly string _name = "fz_adapters_" + Guid.NewGuid().ToString("N");

    private TemporaryPostgresDatabase(string serverConnectionString)
    {
        _serverConnectionString = serverConnectionString;
        ConnectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = _name }.ToString();
    }

    public string ConnectionString { get; }

    public static async Task<TemporaryPostgresDatabase> CreateAsync()
    {
        var server = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(server))
        {
            Assert.Fail($"{Variable} is not set. Point it at a PostgreSQL server whose user may create databases, e.g. " +
                $"export {Variable}='Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres'");
        }

        var database = new TemporaryPostgresDatabase(server);
        await database.ExecuteOnServerAsync($"CREATE DATABASE \"{database._name}\"");
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)");
    }

    private async Task ExecuteOnServerAsync(string sql)
    {
        var builder = new NpgsqlConnectionStringBuilder(_serverConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ToString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
