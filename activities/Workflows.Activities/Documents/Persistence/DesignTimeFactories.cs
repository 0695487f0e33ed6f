using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Workflows.Engine.PostgreSql;
using Workflows.Engine.Sqlite;

namespace Workflows.Activities.Documents.Persistence;

/// <summary>Lets <c>dotnet ef migrations add --context SqliteDocumentsDbContext</c> build the context.</summary>
internal sealed class SqliteDocumentsDesignTimeFactory : IDesignTimeDbContextFactory<SqliteDocumentsDbContext>
{
    public SqliteDocumentsDbContext CreateDbContext(string[] args) =>
        new((DbContextOptions<SqliteDocumentsDbContext>)SqliteWorkflowEngineBuilderExtensions.Configure(
            new DbContextOptionsBuilder<SqliteDocumentsDbContext>(), "Data Source=design-time.db",
            typeof(SqliteDocumentsDbContext).Assembly.GetName().Name!, DocumentsDbContext.MigrationsHistoryTable).Options);
}

/// <summary>Lets <c>dotnet ef migrations add --context PostgreSqlDocumentsDbContext</c> build the context (no server needed).</summary>
internal sealed class PostgreSqlDocumentsDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlDocumentsDbContext>
{
    public PostgreSqlDocumentsDbContext CreateDbContext(string[] args) =>
        new((DbContextOptions<PostgreSqlDocumentsDbContext>)PostgreSqlWorkflowEngineBuilderExtensions.Configure(
            new DbContextOptionsBuilder<PostgreSqlDocumentsDbContext>(), "Host=localhost;Database=design",
            typeof(PostgreSqlDocumentsDbContext).Assembly.GetName().Name!, DocumentsDbContext.MigrationsHistoryTable).Options);
}
