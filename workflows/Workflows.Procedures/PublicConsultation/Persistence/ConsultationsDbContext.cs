using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Workflows.Engine.Persistence;

namespace Workflows.Procedures.PublicConsultation.Persistence;

/// <summary>The public consultation module's tables (<c>pc_*</c>), migrated with their own history table.</summary>
public abstract class ConsultationsDbContext(DbContextOptions options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__PublicConsultationMigrations";

    public DbSet<Consultation> Consultations => Set<Consultation>();
    public DbSet<ConsultationComment> Comments => Set<ConsultationComment>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        UtcInstants.Configure(configurationBuilder, Database.ProviderName);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Consultation>(e =>
        {
            e.ToTable("pc_consultations");
            e.HasIndex(c => c.InstanceId);
            e.HasIndex(c => c.Subject);
            e.HasIndex(c => c.ClosesAt);
            e.Property(c => c.DefinitionKey).HasMaxLength(200);
            e.Property(c => c.BusinessKey).HasMaxLength(200);
            e.Property(c => c.ActivityId).HasMaxLength(200);
            e.Property(c => c.Subject).HasMaxLength(200);
            e.Property(c => c.Title).HasMaxLength(500);
            e.Property(c => c.Period).HasMaxLength(20);
            e.Property(c => c.EarlyCloseReason).HasMaxLength(10_000);
            e.Property(c => c.FeedbackPublishedBy).HasMaxLength(200);
            e.Property(c => c.AddressHashKey).HasMaxLength(32);
        });
        modelBuilder.Entity<ConsultationComment>(e =>
        {
            e.ToTable("pc_comments");
            e.HasIndex(c => new { c.ConsultationId, c.Number }).IsUnique();
            e.HasOne<Consultation>().WithMany().HasForeignKey(c => c.ConsultationId).OnDelete(DeleteBehavior.Restrict);
            e.Property(c => c.Name).HasMaxLength(CommentRules.MaxNameLength);
            e.Property(c => c.Contact).HasMaxLength(CommentRules.MaxContactLength);
            e.Property(c => c.AddressHash).HasMaxLength(64);
            e.Property(c => c.Decision).HasConversion(DecisionNames).HasMaxLength(16);
            e.Property(c => c.DecisionReason).HasMaxLength(AdoptionDecisions.MaxReasonLength);
            e.Property(c => c.DecidedBy).HasMaxLength(200);
        });
    }

    /// <summary>Decisions are stored under their API names, which do not change with the C# enum.</summary>
    internal static readonly ValueConverter<AdoptionDecision, string> DecisionNames = new(
        d => AdoptionDecisions.Name(d),
        s => AdoptionDecisions.Parse(s));
}

/// <summary>Owns the SQLite migrations (PublicConsultation/Migrations/Sqlite).</summary>
public sealed class SqliteConsultationsDbContext(DbContextOptions<SqliteConsultationsDbContext> options) : ConsultationsDbContext(options);

/// <summary>Owns the PostgreSQL migrations (PublicConsultation/Migrations/PostgreSql).</summary>
public sealed class PostgreSqlConsultationsDbContext(DbContextOptions<PostgreSqlConsultationsDbContext> options) : ConsultationsDbContext(options);
