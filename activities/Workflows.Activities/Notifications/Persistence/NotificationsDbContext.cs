using Microsoft.EntityFrameworkCore;
using Workflows.Activities.Notifications.Email;
using Workflows.Activities.Notifications.Inbox;
using Workflows.Engine.Persistence;

namespace Workflows.Activities.Notifications.Persistence;

/// <summary>
/// The notification module's tables (<c>nt_*</c>) in the product's one database, migrated
/// with their own history table. <see cref="SqliteNotificationsDbContext"/> and
/// <see cref="PostgreSqlNotificationsDbContext"/> own each provider's migrations.
/// </summary>
public abstract class NotificationsDbContext(DbContextOptions options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__NotificationsMigrations";

    public DbSet<InboxItem> InboxItems => Set<InboxItem>();
    public DbSet<EmailDelivery> EmailDeliveries => Set<EmailDelivery>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
        UtcInstants.Configure(configurationBuilder, Database.ProviderName);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<InboxItem>(e =>
        {
            e.ToTable("nt_inbox_items");
            e.HasIndex(i => new { i.SourceMessageId, i.Recipient }).IsUnique();
            e.HasIndex(i => new { i.Recipient, i.ReadAt });
            e.HasIndex(i => new { i.Recipient, i.CreatedAt });
            e.Property(i => i.Recipient).HasMaxLength(200);
            e.Property(i => i.Title).HasMaxLength(500);
            e.Property(i => i.Link).HasMaxLength(1000);
        });
        modelBuilder.Entity<EmailDelivery>(e =>
        {
            e.ToTable("nt_email_deliveries");
            e.HasIndex(d => new { d.OutboxMessageId, d.Recipient }).IsUnique();
            e.Property(d => d.Recipient).HasMaxLength(320);
            e.Property(d => d.MessageId).HasMaxLength(300);
            e.Property(d => d.LastError).HasMaxLength(2000);
        });
    }
}

/// <summary>Owns the SQLite migrations (Notifications/Migrations/Sqlite).</summary>
public sealed class SqliteNotificationsDbContext(DbContextOptions<SqliteNotificationsDbContext> options) : NotificationsDbContext(options);

/// <summary>Owns the PostgreSQL migrations (Notifications/Migrations/PostgreSql).</summary>
public sealed class PostgreSqlNotificationsDbContext(DbContextOptions<PostgreSqlNotificationsDbContext> options) : NotificationsDbContext(options);
