using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Workflows.Engine.Activities;
using Workflows.Host.Tests.Hosting;
using Workflows.Host.Tests.Infrastructure;
using Workflows.Procedures.MajorDecisions;

namespace Workflows.Host.Tests.MajorDecisions;

/// <summary>
/// The real host on the simulated clock (from Monday 2 March 2026, 09:00 Beijing time) with the
/// consultation module's stand-ins, so major-decision.bpmn publishes at start as it will in product.
/// </summary>
public class MajorDecisionHostFactory : HostFactory
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        .. base.Settings(),
        new("Workflows:Clock:Mode", "Simulated"),
        new("Workflows:Clock:Start", Start.ToString("O")),
    ];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IActivityHandler, ConsultStandIns.ConsultationOpen>());
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IActivityHandler, ConsultStandIns.ExpertSelect>());
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IUserTaskGuard, ConsultStandIns.ConsultationFeedback>());
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IUserTaskGuard, ConsultStandIns.HearingRecord>());
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IUserTaskGuard, ConsultStandIns.ExpertOpinion>());
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IUserTaskGuard, ConsultStandIns.ExpertAdoption>());
            services.Replace(ServiceDescriptor.Singleton<IParticipationSummaries, ConsultStandIns.Summaries>());
        });
    }
}

/// <summary>The same on a real PostgreSQL server, in a database created for the class and dropped afterwards.</summary>
public sealed class MajorDecisionPostgreSqlFactory : MajorDecisionHostFactory
{
    private readonly string _server = Environment.GetEnvironmentVariable(PostgreSqlHostFactory.Variable) ?? "";
    private readonly string _database = "fazhi_md_" + Guid.NewGuid().ToString("N")[..12];

    public string ConnectionString => new NpgsqlConnectionStringBuilder(_server) { Database = _database }.ConnectionString;

    protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        .. base.Settings(),
        new("Database:Provider", "PostgreSql"),
        new("ConnectionStrings:Workflows", ConnectionString),
    ];

    public override async Task InitializeAsync()
    {
        if (string.IsNullOrWhiteSpace(_server))
        {
            throw new InvalidOperationException($"{PostgreSqlHostFactory.Variable} is not set; tests/run-all.sh sets it.");
        }
        await using (var connection = new NpgsqlConnection(_server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_database}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        await base.InitializeAsync();
    }

    protected override async Task CleanUpAsync()
    {
        await base.CleanUpAsync();
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
