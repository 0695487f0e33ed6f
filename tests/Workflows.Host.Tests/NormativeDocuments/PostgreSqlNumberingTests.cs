using Npgsql;
using Workflows.Host.Tests.Infrastructure;

namespace Workflows.Host.Tests.NormativeDocuments;

/// <summary>The host on its own PostgreSQL database (WORKFLOWS_TEST_POSTGRES) with the simulated clock.</summary>
public sealed class PostgreSqlSimulatedHostFactory : HostFactory
{
    public const string Variable = "WORKFLOWS_TEST_POSTGRES";

    private readonly string _server = Environment.GetEnvironmentVariable(Variable) ?? "";
    private readonly string _database = "fazhi_normative_" + Guid.NewGuid().ToString("N")[..12];

    protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        new("Database:Provider", "PostgreSql"),
        new("ConnectionStrings:Workflows", new NpgsqlConnectionStringBuilder(_server) { Database = _database }.ConnectionString),
        new("Workflows:SeedDemo", "true"),
        new("Workflows:Clock:Mode", "Simulated"),
        new("Workflows:Clock:Start", SimulatedClockHostFactory.Start.ToString("O")),
    ];

    public override async Task InitializeAsync()
    {
        if (string.IsNullOrWhiteSpace(_server))
        {
            throw new InvalidOperationException($"{Variable} is not set; tests/run-all.sh sets it, or set it to e.g. Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres.");
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

/// <summary>The numbering under concurrency where it matters most: many hosts' worth of parallel transactions on PostgreSQL row locks.</summary>
public sealed class PostgreSqlNumberingTests(PostgreSqlSimulatedHostFactory host) : IClassFixture<PostgreSqlSimulatedHostFactory>
{
    [Fact]
    public async Task Register_NumbersEachIssuerWithoutGapsOrDuplicates_WhenRegistrationsRaceOnPostgreSql()
    {
        await NumberingScenario.RunAsync(new NormativeFlow(host));
    }
}
