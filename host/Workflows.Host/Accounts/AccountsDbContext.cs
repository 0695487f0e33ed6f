using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Workflows.Host.CalendarFeed;

namespace Workflows.Host.Accounts;

/// <summary>
/// Users, roles, units and the Data Protection key ring, in the same database as the engine.
/// EF Core keys a migration set by context type, so each provider has its own derived type
/// (<see cref="SqliteAccountsDbContext"/>, <see cref="PostgreSqlAccountsDbContext"/>) with its own
/// migrations under <c>Accounts/Migrations/</c>; everything else asks for this base type.
/// </summary>
public abstract class AccountsDbContext(DbContextOptions options) : IdentityDbContext<WorkflowUser>(options), IDataProtectionKeyContext
{
    /// <summary>Apart from the engine's <c>__EngineMigrations</c>: both sets live in one database.</summary>
    public const string MigrationsHistoryTable = "__AccountsMigrations";

    public DbSet<Unit> Units => Set<Unit>();

    /// <summary>Shared by every host on the database, so a token issued by one is accepted by all.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<CalendarFeedToken> CalendarFeedTokens => Set<CalendarFeedToken>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<Unit>(e =>
        {
            e.Property(u => u.Kind).HasMaxLength(32);
            e.ToTable("Units");
            e.HasKey(u => u.Code);
            e.Property(u => u.Code).HasMaxLength(64);
            e.Property(u => u.Name).HasMaxLength(200);
            e.Property(u => u.ParentCode).HasMaxLength(64);
            e.HasOne<Unit>().WithMany().HasForeignKey(u => u.ParentCode).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<WorkflowUser>(e =>
        {
            e.Property(u => u.UnitCode).HasMaxLength(64);
            e.Property(u => u.DisplayName).HasMaxLength(200);
            e.HasOne<Unit>().WithMany().HasForeignKey(u => u.UnitCode).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<CalendarFeedToken>(e =>
        {
            e.ToTable("CalendarFeedTokens");
            e.HasKey(t => t.UserId);
            e.Property(t => t.TokenHash).HasMaxLength(64);
            // Every feed request looks the token up by its hash.
            e.HasIndex(t => t.TokenHash).IsUnique();
            e.HasOne<WorkflowUser>().WithOne().HasForeignKey<CalendarFeedToken>(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}

public sealed class SqliteAccountsDbContext(DbContextOptions<SqliteAccountsDbContext> options) : AccountsDbContext(options);

public sealed class PostgreSqlAccountsDbContext(DbContextOptions<PostgreSqlAccountsDbContext> options) : AccountsDbContext(options);
