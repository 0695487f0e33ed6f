using Npgsql;
using Workflows.Host.Tests.Hosting;
using Workflows.Host.Tests.Infrastructure;

namespace Workflows.Host.Tests.MajorDecisions;

/// <summary>
/// The real host on the simulated clock (from Monday 2 March 2026, 09:00 Beijing time), with every
/// module it ships with: public comments, hearings and experts are the participation modules' own.
/// The public comment flood limit is lifted, since every member of the public here comes from the
/// in-process server's one address; PublicCommentFloodTests covers the limit as shipped.
/// </summary>
public class MajorDecisionHostFactory : HostFactory
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        .. base.Settings(),
        new("Workflows:Clock:Mode", "Simulated"),
        new("Workflows:Clock:Start", Start.ToString("O")),
        new("Workflows:PublicConsultation:RateLimit:CommentsPerWindow", "10000"),
        new("Workflows:PublicConsultation:RateLimit:ReadsPerMinute", "100000"),
    ];
}

/// <summary>The same on a real PostgreSQL server, in a database created for the class and dropped afterwards.</summary>
public sealed class MajorDecisionPostgreSqlFactory : MajorDecisionHostFactory
{
    private readonly ThrowawayPostgreSqlDatabase _database = new("fazhi_md_");

    public string ConnectionString => _database.ConnectionString;

    protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        .. base.Settings(),
        new("Database:Provider", "PostgreSql"),
        new("ConnectionStrings:Workflows", ConnectionString),
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
