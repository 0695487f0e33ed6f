using Microsoft.EntityFrameworkCore;
using Workflows.Engine.Persistence;

namespace Workflows.Procedures.MajorDecisions.Persistence;

/// <summary>The register of major decisions and the yearly catalogues (<c>md_*</c> tables), with their own migration history.</summary>
public abstract class MajorDecisionsDbContext(DbContextOptions options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__MajorDecisionsMigrations";

    public DbSet<Decision> Decisions => Set<Decision>();
    public DbSet<DecisionRecord> Records => Set<DecisionRecord>();
    public DbSet<DecisionCatalogue> Catalogues => Set<DecisionCatalogue>();
    public DbSet<CatalogueItem> CatalogueItems => Set<CatalogueItem>();
    public DbSet<CatalogueChange> CatalogueChanges => Set<CatalogueChange>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        UtcInstants.Configure(configurationBuilder, Database.ProviderName);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Decision>(e =>
        {
            e.ToTable("md_decisions");
            e.HasIndex(d => d.CatalogueYear);
            e.HasIndex(d => d.Status);
            e.HasIndex(d => d.AdjustsDecisionId);
            e.Property(d => d.Title).HasMaxLength(500);
            e.Property(d => d.DecisionBody).HasMaxLength(64);
            e.Property(d => d.ProposerUnit).HasMaxLength(64);
            e.Property(d => d.ProposedBy).HasMaxLength(200);
            e.Property(d => d.Status).HasConversion<string>().HasMaxLength(32);
            e.Property(d => d.Stage).HasMaxLength(500);
            e.Property(d => d.LeadUnit).HasMaxLength(64);
            e.Property(d => d.RiskLevel).HasMaxLength(32);
            e.Property(d => d.LegalityOpinion).HasMaxLength(32);
            e.Property(d => d.MeetingOutcome).HasMaxLength(32);
        });
        modelBuilder.Entity<DecisionRecord>(e =>
        {
            e.ToTable("md_records");
            e.HasIndex(r => new { r.DecisionId, r.Sequence }).IsUnique();
            e.HasIndex(r => r.Kind);
            e.Property(r => r.Kind).HasMaxLength(64);
            e.Property(r => r.RecordedBy).HasMaxLength(200);
            e.HasOne<Decision>().WithMany().HasForeignKey(r => r.DecisionId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<DecisionCatalogue>(e =>
        {
            e.ToTable("md_catalogues");
            e.HasKey(c => c.Year);
            e.Property(c => c.Year).ValueGeneratedNever();
            e.Property(c => c.DecisionBody).HasMaxLength(64);
            e.Property(c => c.Status).HasConversion<string>().HasMaxLength(32);
            e.Property(c => c.CreatedBy).HasMaxLength(200);
        });
        modelBuilder.Entity<CatalogueItem>(e =>
        {
            e.ToTable("md_catalogue_items");
            e.HasIndex(i => new { i.Year, i.Number }).IsUnique();
            e.Property(i => i.Title).HasMaxLength(500);
            e.Property(i => i.LeadUnit).HasMaxLength(64);
            e.Property(i => i.LegalBasis).HasMaxLength(2000);
            e.Property(i => i.PlannedCompletion).HasMaxLength(100);
            e.Property(i => i.Remarks).HasMaxLength(2000);
            e.HasOne<DecisionCatalogue>().WithMany().HasForeignKey(i => i.Year).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<CatalogueChange>(e =>
        {
            e.ToTable("md_catalogue_changes");
            e.HasIndex(c => c.Year);
            e.Property(c => c.Action).HasMaxLength(16);
            e.Property(c => c.Reason).HasMaxLength(2000);
            e.Property(c => c.MeetingType).HasMaxLength(32);
            e.Property(c => c.MeetingReference).HasMaxLength(200);
            e.Property(c => c.ChangedBy).HasMaxLength(200);
            e.HasOne<DecisionCatalogue>().WithMany().HasForeignKey(c => c.Year).OnDelete(DeleteBehavior.Restrict);
        });
    }
}

public sealed class SqliteMajorDecisionsDbContext(DbContextOptions<SqliteMajorDecisionsDbContext> options) : MajorDecisionsDbContext(options);

public sealed class PostgreSqlMajorDecisionsDbContext(DbContextOptions<PostgreSqlMajorDecisionsDbContext> options) : MajorDecisionsDbContext(options);
