using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Workflows.Host.Tests.Infrastructure;

namespace Workflows.Host.Tests.Hosting;

/// <summary>
/// The host on a real PostgreSQL server (WORKFLOWS_TEST_POSTGRES, which tests/run-all.sh starts and
/// sets), in a database created for this class and dropped afterwards.
/// </summary>
public sealed class PostgreSqlHostFactory : HostFactory
{
    public const string Variable = "WORKFLOWS_TEST_POSTGRES";

    private readonly ThrowawayPostgreSqlDatabase _database = new("fazhi_host_");

    public string ConnectionString => _database.ConnectionString;

    protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        new("Database:Provider", "PostgreSql"),
        new("ConnectionStrings:Workflows", ConnectionString),
        new("Workflows:SeedDemo", "true"),
        new("Workflows:SeedDemoRecords", "false"),
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

public sealed class PostgreSqlHostTests(PostgreSqlHostFactory host) : IClassFixture<PostgreSqlHostFactory>
{
    [Fact]
    public async Task Host_StartsOnPostgreSql_MigratesBothSchemasAndServes()
    {
        using var client = host.CreateClient();
        // The calendar entry depends on the real date (Degraded from November while next year has no data); the databases must be Healthy.
        var health = (await client.GetFromJsonAsync<JsonElement>("/health")).GetProperty("entries");
        Assert.Equal("Healthy", health.GetProperty("accounts-database").GetProperty("status").GetString());
        Assert.Equal("Healthy", health.GetProperty("engine-database").GetProperty("status").GetString());

        using var admin = await host.ClientForAsync("admin");
        var response = await admin.GetAsync("/api/definitions");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        await using var connection = new NpgsqlConnection(host.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """SELECT (SELECT count(*) FROM "__AccountsMigrations") AS accounts, (SELECT count(*) FROM "__EngineMigrations") AS engine, (SELECT count(*) FROM "Units") AS units""",
            connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.True(reader.GetInt64(0) >= 1);
        Assert.True(reader.GetInt64(1) >= 1);
        Assert.True(reader.GetInt64(2) >= 4);
    }

    [Fact]
    public async Task BadInput_Returns400Problem_OnPostgreSqlToo()
    {
        using var owner = await host.ClientForAsync("owner");
        var response = await owner.PostAsJsonAsync("/api/instances", new { variables = new { a = 1 } });
        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["definitionKey"], Problem.Targets(problem));
    }

    /// <summary>Data Protection keys live in the database, so a second host accepts the first one's tokens.</summary>
    [Fact]
    public async Task Token_IsAccepted_ByASecondHostOnTheSameDatabase()
    {
        var token = await host.TokenAsync("supervisor");
        await using var second = new SecondHostFactory(host.ConnectionString);
        using var client = second.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var tasks = await client.GetFromJsonAsync<JsonElement>("/api/tasks");
        Assert.Equal(JsonValueKind.Array, tasks.ValueKind);
    }

    private sealed class SecondHostFactory(string connectionString) : HostFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
        [
            new("Database:Provider", "PostgreSql"),
            new("ConnectionStrings:Workflows", connectionString),
            new("Workflows:SeedDemo", "false"),
        ];
    }
}
