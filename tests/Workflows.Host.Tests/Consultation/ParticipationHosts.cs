using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Workflows.Host.Tests.Hosting;
using Workflows.Host.Tests.Infrastructure;

namespace Workflows.Host.Tests.Consultation;

/// <summary>
/// The host with the simulated clock on Tuesday 20 January 2026, 09:00 Beijing time (the RULES.md
/// example: 30 days of public comment run across the Spring Festival to the end of 24 February).
/// Requests may say which client address they come from (<see cref="ClientAddressHeader"/>), since
/// the in-process server gives none and the rate limit and the address hash depend on it.
/// </summary>
public class ParticipationHostFactory : HostFactory
{
    public const string ClientAddressHeader = "X-Test-Client-Address";
    public static readonly DateTimeOffset Start = new(2026, 1, 20, 9, 0, 0, TimeSpan.FromHours(8));

    /// <summary>Every test class of this host comments from the same few addresses, so the flood limit is lifted unless a class tests it.</summary>
    protected virtual int? CommentsPerWindow => 10_000;

    protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        .. base.Settings(),
        .. ClockAndLimits(),
    ];

    internal IEnumerable<KeyValuePair<string, string?>> ClockAndLimits()
    {
        yield return new("Workflows:Clock:Mode", "Simulated");
        yield return new("Workflows:Clock:Start", Start.ToString("O"));
        if (CommentsPerWindow is { } limit)
        {
            yield return new("Workflows:PublicConsultation:RateLimit:CommentsPerWindow", limit.ToString(CultureInfo.InvariantCulture));
            yield return new("Workflows:PublicConsultation:RateLimit:ReadsPerMinute", "100000");
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, ClientAddressFilter>());
    }

    /// <summary>A client of the public: no sign-in, from <paramref name="address"/>.</summary>
    public HttpClient PublicClient(string address = "203.0.113.10")
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add(ClientAddressHeader, address);
        return client;
    }

    private sealed class ClientAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, proceed) =>
            {
                if (context.Request.Headers.TryGetValue(ClientAddressHeader, out var value) && IPAddress.TryParse(value, out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }
                return proceed(context);
            });
            next(app);
        };
    }
}

/// <summary>The host with the public comment limits as shipped (5 comments per address per 10 minutes).</summary>
public sealed class DefaultLimitsParticipationHostFactory : ParticipationHostFactory
{
    protected override int? CommentsPerWindow => null;
}

/// <summary>
/// The participation host on a real PostgreSQL server (WORKFLOWS_TEST_POSTGRES, which tests/run-all.sh
/// starts and sets), in a database created for this class and dropped afterwards.
/// </summary>
public sealed class PostgreSqlParticipationHostFactory : ParticipationHostFactory
{
    private readonly ThrowawayPostgreSqlDatabase _database = new("fazhi_participation_");

    protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        new("Database:Provider", "PostgreSql"),
        new("ConnectionStrings:Workflows", _database.ConnectionString),
        new("Workflows:SeedDemo", "true"),
        new("Workflows:SeedDemoRecords", "false"),
        .. ClockAndLimits(),
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
