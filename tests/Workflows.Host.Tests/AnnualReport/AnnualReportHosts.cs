using Npgsql;
using Workflows.Host.Tests.Hosting;
using Workflows.Host.Tests.Infrastructure;

namespace Workflows.Host.Tests.AnnualReport;

/// <summary>
/// The real host on the simulated clock from Monday 2 March 2026, 09:00, with only the government's
/// annual-report duty switched on: the other duties would add overdue steps of their own and blur
/// the counts the tests pin.
/// </summary>
public class AnnualReportHostFactory : HostFactory
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    private static readonly string[] OtherDuties =
        ["normative-catalogue", "department-annual-report", "executive-meeting-report", "leadership-training", "rule-of-law-lectures"];

    protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        .. base.Settings(),
        new("Workflows:Clock:Mode", "Simulated"),
        new("Workflows:Clock:Start", Start.ToString("O")),
        .. OtherDuties.Select(d => new KeyValuePair<string, string?>($"Workflows:Duties:Catalogue:{d}:Enabled", "false")),
    ];
}

/// <summary>A second host for the routing tests, so their report does not meet the figures test's records.</summary>
public sealed class AnnualReportRoutingHostFactory : AnnualReportHostFactory;

/// <summary>The same on a real PostgreSQL server, in a database created for the class and dropped afterwards.</summary>
public sealed class AnnualReportPostgreSqlFactory : AnnualReportHostFactory
{
    private readonly ThrowawayPostgreSqlDatabase _database = new("fazhi_ar_");

    protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        .. base.Settings(),
        new("Database:Provider", "PostgreSql"),
        new("ConnectionStrings:Workflows", _database.ConnectionString),
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
