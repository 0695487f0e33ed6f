using Npgsql;

namespace Workflows.Host.Tests.Infrastructure;

/// <summary>
/// A database of its own on the PostgreSQL server named by <c>WORKFLOWS_TEST_POSTGRES</c> (tests/run-all.sh
/// starts one and sets it), created before a test class's host starts and dropped after it stops.
/// </summary>
public sealed class ThrowawayPostgreSqlDatabase(string prefix)
{
    public const string Variable = "WORKFLOWS_TEST_POSTGRES";

    private readonly string _server = Environment.GetEnvironmentVariable(Variable) ?? "";

    public string Name { get; } = prefix + Guid.NewGuid().ToString("N")[..12];

    public string ConnectionString => new NpgsqlConnectionStringBuilder(_server) { Database = Name }.ConnectionString;

    public async Task CreateAsync()
    {
        if (string.IsNullOrWhiteSpace(_server))
        {
            throw new InvalidOperationException(
                $"{Variable} is not set. tests/run-all.sh starts a throwaway PostgreSQL server and sets it; to run these tests alone, " +
                "set it to a server's connection string, e.g. Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres.");
        }
        await ExecuteAsync($"CREATE DATABASE \"{Name}\"");
    }

    public async Task DropAsync()
    {
        if (string.IsNullOrWhiteSpace(_server))
        {
            return;
        }
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
