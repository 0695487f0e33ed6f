using Microsoft.EntityFrameworkCore;
using Workflows.Engine.Persistence;

namespace Workflows.Activities.Documents.Persistence;

/// <summary>The document module's tables (<c>doc_*</c>), migrated with their own history table.</summary>
public abstract class DocumentsDbContext(DbContextOptions options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__DocumentsMigrations";

    public DbSet<StoredDocument> Documents => Set<StoredDocument>();
    public DbSet<StoredDocumentContent> Contents => Set<StoredDocumentContent>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        UtcInstants.Configure(configurationBuilder, Database.ProviderName);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<StoredDocument>(e =>
        {
            e.ToTable("doc_documents");
            e.HasIndex(d => d.InstanceId);
            e.HasIndex(d => d.Subject);
            e.Property(d => d.Subject).HasMaxLength(200);
            e.Property(d => d.ActivityId).HasMaxLength(200);
            e.Property(d => d.Kind).HasMaxLength(64);
            e.Property(d => d.Title).HasMaxLength(500);
            e.Property(d => d.FileName).HasMaxLength(255);
            e.Property(d => d.ContentType).HasMaxLength(200);
            e.Property(d => d.Sha256).HasMaxLength(64);
            e.Property(d => d.UploadedBy).HasMaxLength(200);
        });
        modelBuilder.Entity<StoredDocumentContent>(e =>
        {
            e.ToTable("doc_contents");
            e.HasKey(c => c.DocumentId);
        });
    }
}

public sealed class SqliteDocumentsDbContext(DbContextOptions<SqliteDocumentsDbContext> options) : DocumentsDbContext(options);

public sealed class PostgreSqlDocumentsDbContext(DbContextOptions<PostgreSqlDocumentsDbContext> options) : DocumentsDbContext(options);
