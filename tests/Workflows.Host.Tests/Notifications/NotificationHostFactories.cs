using Microsoft.AspNetCore.Hosting;
using Npgsql;
using Workflows.Host.Tests.Infrastructure;

namespace Workflows.Host.Tests.Notifications;

/// <summary>
/// The host sending email to a real SMTP server, with the simulated clock at Monday 28 September
/// 2026, 09:00 Beijing time: the RULES.md worked example, where 7 working days run across the
/// National Day holiday to the end of 13 October. Hangfire runs the outbox in this mode too.
/// </summary>
public sealed class SmtpNotificationHostFactory : HostFactory
{
    public const string PublicBaseUrl = "https://fazhi.example.gov.cn";
    public static readonly DateTimeOffset Start = new(2026, 9, 28, 9, 0, 0, TimeSpan.FromHours(8));

    public SmtpServer Smtp { get; } = new();

    protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        .. base.Settings(),
        new("Workflows:Clock:Mode", "Simulated"),
        new("Workflows:Clock:Start", Start.ToString("O")),
        new("Workflows:Email:Host", "127.0.0.1"),
        new("Workflows:Email:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Workflows:Email:Security", "None"),
        new("Workflows:Email:From", "noreply@fazhi.example.gov.cn"),
        new("Workflows:Email:PublicBaseUrl", PublicBaseUrl + "/"),
    ];

    public override async Task InitializeAsync()
    {
        await Smtp.StartAsync(); // the port goes into the settings the host starts with
        await base.InitializeAsync();
    }

    protected override async Task CleanUpAsync()
    {
        await Smtp.DisposeAsync();
        await base.CleanUpAsync();
    }
}

/// <summary>
/// The host with no SMTP server configured and its content root in the test's own folder, so the
/// default pickup folder <c>data/mail-pickup</c> must land there.
/// </summary>
public sealed class PickupFolderHostFactory : HostFactory
{
    public string ContentRoot => Folder;

    public string PickupFolder => Path.Combine(Folder, "data", "mail-pickup");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseContentRoot(Folder);
    }
}

/// <summary>
/// The host on a PostgreSQL database of its own (WORKFLOWS_TEST_POSTGRES; created here, dropped
/// afterwards), writing email into a pickup folder given as an absolute path.
/// </summary>
public sealed class PostgreSqlNotificationHostFactory : HostFactory
{
    public const string Variable = "WORKFLOWS_TEST_POSTGRES";

    private readonly ThrowawayPostgreSqlDatabase _database = new("fazhi_notify_");

    public string PickupFolder => Path.Combine(Folder, "outgoing-mail");

    protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        new("Database:Provider", "PostgreSql"),
        new("ConnectionStrings:Workflows", _database.ConnectionString),
        new("Workflows:SeedDemo", "true"),
        new("Workflows:SeedDemoRecords", "false"),
        new("Workflows:Email:PickupFolder", PickupFolder),
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
