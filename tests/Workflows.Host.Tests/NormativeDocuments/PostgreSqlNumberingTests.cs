using Npgsql;
using Workflows.Host.Tests.Infrastructure;

namespace Workflows.Host.Tests.NormativeDocuments;

/// <summary>The host on its own PostgreSQL database (WORKFLOWS_TEST_POSTGRES) with the simulated clock.</summary>
public sealed class PostgreSqlSimulatedHostFactory : HostFactory
{
    public const string Variable = "WORKFLOWS_TEST_POSTGRES";

    private readonly ThrowawayPostgreSqlDatabase _database = new("fazhi_normative_");

    protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        new("Database:Provider", "PostgreSql"),
        new("ConnectionStrings:Workflows", _database.ConnectionString),
        new("Workflows:SeedDemo", "true"),
        new("Workflows:SeedDemoRecords", "false"),
        new("Workflows:Clock:Mode", "Simulated"),
        new("Workflows:Clock:Start", SimulatedClockHostFactory.Start.ToString("O")),
    ];

    public override async Task InitializeAsync()
    {
        await _database.CreateAsync();
        await base.InitializeAsync();
    }

    protected override async Task CleanUpAsync()
    {
        await base.CleanUpAsync();
        await _database.DropAsync();
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
