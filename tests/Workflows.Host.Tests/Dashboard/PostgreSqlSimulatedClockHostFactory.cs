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
    private readonly ThrowawayPostgreSqlDatabase _database = new("fazhi_dashboard_");

    protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        new("Database:Provider", "PostgreSql"),
        new("ConnectionStrings:Workflows", _database.ConnectionString),
        new("Workflows:SeedDemo", "true"),
        new("Workflows:SeedDemoRecords", "false"), // the scenario counts only the steps it creates
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
