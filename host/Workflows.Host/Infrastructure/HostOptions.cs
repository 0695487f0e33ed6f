using Workflows.Engine.Persistence;

namespace Workflows.Host.Infrastructure;

/// <summary><c>Database:Provider</c> chooses the storage; the connection string is <c>ConnectionStrings:Workflows</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public const string ConnectionStringName = "Workflows";
    public const string DefaultSqliteConnectionString = "Data Source=data/workflows.db";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
}

public enum ClockMode
{
    Real,
    Simulated,
}

public sealed class ClockOptions
{
    public ClockMode Mode { get; set; } = ClockMode.Real;

    /// <summary>Where a simulated clock starts; now when unset.</summary>
    public DateTimeOffset? Start { get; set; }
}

/// <summary>The <c>Workflows</c> section: demo data and the clock.</summary>
public sealed class WorkflowsHostOptions
{
    public const string Section = "Workflows";

    /// <summary>Null means "the default for the provider": on for the embedded SQLite mode, off for PostgreSQL.</summary>
    public bool? SeedDemo { get; set; }

    /// <summary>
    /// With the demo seeded, also its records (experts, normative documents, a decision in progress), so a
    /// new user sees a living county. Default true; the host tests turn it off to start from an empty register.
    /// </summary>
    public bool SeedDemoRecords { get; set; } = true;

    public string DemoPassword { get; set; } = "Demo@12345";

    public ClockOptions Clock { get; set; } = new();

    /// <summary>A real (non-demo) administrator created at start when missing: the first account of an installation.</summary>
    public BootstrapAdminOptions BootstrapAdmin { get; set; } = new();
}

public sealed class BootstrapAdminOptions
{
    public string? UserName { get; set; }

    public string? Password { get; set; }
}
