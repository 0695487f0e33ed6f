using Npgsql;
using Workflows.Host.Tests.Hosting;
using Workflows.Host.Tests.Infrastructure;

namespace Workflows.Host.Tests.Dashboard;

/// <summary>
/// The host on a real PostgreSQL server (WORKFLOWS_TEST_POSTGRES) with the simulated clock from
/// Monday 2 March 2026, 09:00, in a database created for this class and dropped afterwards.
/// </summary>
public sealed class PostgreSqlSimulatedClockHostFactory : HostFactory
{
    private readonly string _server = Environment.GetEnvironmentVariable(PostgreSqlHostFactory.Variable) ?? "";
    private readonly string _database = "fazhi_dashboard_" + Guid.NewGuid().ToString("N")[..12];

    protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        new("Database:Provider", "PostgreSql"),
        new("ConnectionStrings:Workflows", new NpgsqlConnectionStringBuilder(_server) { Database = _database }.ConnectionString),
        new("Workflows:SeedDemo", "true"),
        new("Workflows:SeedDemoRecords", "false"), // the scenario counts only the steps it creates
        new("Workflows:Clock:Mode", "Simulated"),
        new("Workflows:Clock:Start", SimulatedClockHostFactory.Start.ToString("O")),
    ];

    public override async Task InitializeAsync()
    {
        if (string.IsNullOrWhiteSpace(_server))
        {
            throw new InvalidOperationException(
                $"{PostgreSqlHostFactory.Variable} is not set. tests/run-all.sh starts a throwaway PostgreSQL server and sets it; to run alone, " +
                "set it to a server's connection string, e.g. Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres.");
        }
        await ExecuteAsync($"CREATE DATABASE \"{_database}\"");
        await base.InitializeAsync();
    }

    protected override async Task CleanUpAsync()
    {
        await base.CleanUpAsync();
        if (!string.IsNullOrWhiteSpace(_server))
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)");
        }
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
