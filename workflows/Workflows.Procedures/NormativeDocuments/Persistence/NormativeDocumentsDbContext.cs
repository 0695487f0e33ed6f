using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Workflows.Engine.Persistence;
using Workflows.Procedures.NormativeDocuments.Cleanup;
using Workflows.Procedures.NormativeDocuments.Register;

namespace Workflows.Procedures.NormativeDocuments.Persistence;

/// <summary>The normative-document register's tables (<c>nd_*</c>), migrated with their own history table.</summary>
public abstract class NormativeDocumentsDbContext(DbContextOptions options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__NormativeDocumentsMigrations";

    public DbSet<NormativeDocument> Documents => Set<NormativeDocument>();
    public DbSet<FilingRecord> Filings => Set<FilingRecord>();
    public DbSet<ValidityPeriod> ValidityPeriods => Set<ValidityPeriod>();
    public DbSet<RegisterHistoryEntry> History => Set<RegisterHistoryEntry>();
    public DbSet<NumberSequence> NumberSequences => Set<NumberSequence>();
    public DbSet<CleanupRound> CleanupRounds => Set<CleanupRound>();
    public DbSet<CleanupItem> CleanupItems => Set<CleanupItem>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        UtcInstants.Configure(configurationBuilder, Database.ProviderName);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<NormativeDocument>(e =>
        {
            e.ToTable("nd_documents");
            e.Property(d => d.Status).HasConversion(new ValueConverter<DocumentStatus, string>(
                s => DocumentStatusNames.Of(s), text => Parse(text))).HasMaxLength(20);
            e.Property(d => d.Title).HasMaxLength(300);
            e.Property(d => d.IssuerCode).HasMaxLength(64);
            e.Property(d => d.IssuerName).HasMaxLength(200);
            e.Property(d => d.DraftUnit).HasMaxLength(64);
            e.Property(d => d.Number).HasMaxLength(100);
            e.Property(d => d.PublicCommentExemptReason).HasMaxLength(2000);
            e.Property(d => d.FairCompetitionResult).HasMaxLength(20);
            e.Property(d => d.FairCompetitionConclusion).HasMaxLength(10000);
            e.Property(d => d.LegalityResult).HasMaxLength(40);
            e.Property(d => d.LegalityOpinion).HasMaxLength(10000);
            e.Property(d => d.PublicationChannel).HasMaxLength(200);
            e.Property(d => d.PublicationUrl).HasMaxLength(2000);
            e.Property(d => d.AbandonedReason).HasMaxLength(2000);
            e.Property(d => d.CreatedBy).HasMaxLength(200);
            e.Property(d => d.Revision).IsConcurrencyToken();
            e.HasIndex(d => d.InstanceId).IsUnique();
            // The second line of defence behind the row-locked counter: no number twice, ever.
            e.HasIndex(d => d.Number).IsUnique();
            e.HasIndex(d => new { d.IssuerCode, d.Year, d.Sequence }).IsUnique();
            e.HasIndex(d => new { d.Status, d.ExpiresOn });
            e.HasIndex(d => d.CatalogueYear);
            e.HasMany(d => d.Filings).WithOne().HasForeignKey(f => f.DocumentId);
            e.HasMany(d => d.ValidityPeriods).WithOne().HasForeignKey(p => p.DocumentId);
        });
        modelBuilder.Entity<FilingRecord>(e =>
        {
            e.ToTable("nd_filings");
            e.Property(f => f.Authority).HasMaxLength(40);
            e.Property(f => f.Reference).HasMaxLength(200);
            e.Property(f => f.RecordedBy).HasMaxLength(200);
            e.HasIndex(f => new { f.DocumentId, f.Authority }).IsUnique();
        });
        modelBuilder.Entity<ValidityPeriod>(e =>
        {
            e.ToTable("nd_validity_periods");
            e.Property(p => p.Evaluation).HasMaxLength(10000);
            e.Property(p => p.RecordedBy).HasMaxLength(200);
            e.HasIndex(p => new { p.DocumentId, p.Index }).IsUnique();
        });
        modelBuilder.Entity<RegisterHistoryEntry>(e =>
        {
            e.ToTable("nd_history");
            e.Property(h => h.Kind).HasMaxLength(64);
            e.Property(h => h.Actor).HasMaxLength(200);
            e.HasIndex(h => new { h.DocumentId, h.At });
        });
        modelBuilder.Entity<NumberSequence>(e =>
        {
            // Plain lower-case names: the counter is advanced with one raw UPDATE ... RETURNING on both providers.
            e.ToTable("nd_number_sequences");
            e.HasKey(s => new { s.IssuerCode, s.Year });
            e.Property(s => s.IssuerCode).HasColumnName("issuer_code").HasMaxLength(64);
            e.Property(s => s.Year).HasColumnName("year");
            e.Property(s => s.LastValue).HasColumnName("last_value");
        });
        modelBuilder.Entity<CleanupRound>(e =>
        {
            e.ToTable("nd_cleanup_rounds");
            e.Property(r => r.IssuerCode).HasMaxLength(64);
            e.Property(r => r.Title).HasMaxLength(300);
            e.Property(r => r.StartedBy).HasMaxLength(200);
            e.Property(r => r.Trigger).HasMaxLength(20);
            e.Property(r => r.PublicationUrl).HasMaxLength(2000);
            e.Property(r => r.PublishedBy).HasMaxLength(200);
            e.Property(r => r.Revision).IsConcurrencyToken();
            e.HasIndex(r => new { r.IssuerCode, r.StartedOn });
            e.HasMany(r => r.Items).WithOne().HasForeignKey(i => i.RoundId);
        });
        modelBuilder.Entity<CleanupItem>(e =>
        {
            e.ToTable("nd_cleanup_items");
            e.HasKey(i => new { i.RoundId, i.DocumentId });
            e.Property(i => i.Decision).HasMaxLength(20);
            e.Property(i => i.Reason).HasMaxLength(2000);
            e.Property(i => i.DecidedBy).HasMaxLength(200);
        });
    }

    private static DocumentStatus Parse(string text) =>
        DocumentStatusNames.TryParse(text, out var status) ? status : throw new FormatException($"Unknown document status '{text}'.");
}

public sealed class SqliteNormativeDocumentsDbContext(DbContextOptions<SqliteNormativeDocumentsDbContext> options) : NormativeDocumentsDbContext(options);

public sealed class PostgreSqlNormativeDocumentsDbContext(DbContextOptions<PostgreSqlNormativeDocumentsDbContext> options) : NormativeDocumentsDbContext(options);
