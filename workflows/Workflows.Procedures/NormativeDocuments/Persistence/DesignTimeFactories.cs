using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Workflows.Engine.PostgreSql;
using Workflows.Engine.Sqlite;

namespace Workflows.Procedures.NormativeDocuments.Persistence;

/// <summary>Lets <c>dotnet ef migrations add --context SqliteNormativeDocumentsDbContext</c> build the context.</summary>
internal sealed class SqliteNormativeDocumentsDesignTimeFactory : IDesignTimeDbContextFactory<SqliteNormativeDocumentsDbContext>
{
    public SqliteNormativeDocumentsDbContext CreateDbContext(string[] args) =>
        new((DbContextOptions<SqliteNormativeDocumentsDbContext>)SqliteWorkflowEngineBuilderExtensions.Configure(
            new DbContextOptionsBuilder<SqliteNormativeDocumentsDbContext>(), "Data Source=design-time.db",
            typeof(SqliteNormativeDocumentsDbContext).Assembly.GetName().Name!, NormativeDocumentsDbContext.MigrationsHistoryTable).Options);
}

/// <summary>Lets <c>dotnet ef migrations add --context PostgreSqlNormativeDocumentsDbContext</c> build the context (no server needed).</summary>
internal sealed class PostgreSqlNormativeDocumentsDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlNormativeDocumentsDbContext>
{
    public PostgreSqlNormativeDocumentsDbContext CreateDbContext(string[] args) =>
        new((DbContextOptions<PostgreSqlNormativeDocumentsDbContext>)PostgreSqlWorkflowEngineBuilderExtensions.Configure(
            new DbContextOptionsBuilder<PostgreSqlNormativeDocumentsDbContext>(), "Host=localhost;Database=design",
            typeof(PostgreSqlNormativeDocumentsDbContext).Assembly.GetName().Name!, NormativeDocumentsDbContext.MigrationsHistoryTable).Options);
}
