using Microsoft.EntityFrameworkCore;
using Workflows.Engine.Persistence;
using Workflows.Procedures.PublicConsultation;
using Workflows.Procedures.PublicConsultation.Persistence;

namespace Workflows.Procedures.Experts.Persistence;

/// <summary>The expert module's tables (<c>ex_*</c>), migrated with their own history table.</summary>
public abstract class ExpertsDbContext(DbContextOptions options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__ExpertsMigrations";

    public DbSet<Expert> Experts => Set<Expert>();
    public DbSet<ExpertOpinionAdoption> Adoptions => Set<ExpertOpinionAdoption>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        UtcInstants.Configure(configurationBuilder, Database.ProviderName);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Expert>(e =>
        {
            e.ToTable("ex_experts");
            e.HasIndex(x => x.UserName).IsUnique();
            e.HasIndex(x => x.Name);
            e.Property(x => x.Name).HasMaxLength(ExpertRules.MaxNameLength);
            e.Property(x => x.Title).HasMaxLength(ExpertRules.MaxTitleLength);
            e.Property(x => x.Organisation).HasMaxLength(ExpertRules.MaxOrganisationLength);
            e.Property(x => x.Email).HasMaxLength(320);
            e.Property(x => x.UserName).HasMaxLength(200);
            e.Property(x => x.Revision).IsConcurrencyToken();
        });
        modelBuilder.Entity<ExpertOpinionAdoption>(e =>
        {
            e.ToTable("ex_opinion_adoptions");
            e.HasKey(a => a.DocumentId);
            e.HasIndex(a => a.InstanceId);
            e.Property(a => a.ExpertUserName).HasMaxLength(200);
            e.Property(a => a.Decision).HasConversion(ConsultationsDbContext.DecisionNames).HasMaxLength(16);
            e.Property(a => a.Reason).HasMaxLength(AdoptionDecisions.MaxReasonLength);
            e.Property(a => a.RecordedBy).HasMaxLength(200);
        });
    }
}

/// <summary>Owns the SQLite migrations (Experts/Migrations/Sqlite).</summary>
public sealed class SqliteExpertsDbContext(DbContextOptions<SqliteExpertsDbContext> options) : ExpertsDbContext(options);

/// <summary>Owns the PostgreSQL migrations (Experts/Migrations/PostgreSql).</summary>
public sealed class PostgreSqlExpertsDbContext(DbContextOptions<PostgreSqlExpertsDbContext> options) : ExpertsDbContext(options);
