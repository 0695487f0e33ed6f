using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Workflows.Engine.PostgreSql;
using Workflows.Engine.Sqlite;

namespace Workflows.Procedures.PublicConsultation.Persistence;

/// <summary>Lets <c>dotnet ef migrations add --context SqliteConsultationsDbContext</c> build the context.</summary>
internal sealed class SqliteConsultationsDesignTimeFactory : IDesignTimeDbContextFactory<SqliteConsultationsDbContext>
{
    public SqliteConsultationsDbContext CreateDbContext(string[] args) =>
        new((DbContextOptions<SqliteConsultationsDbContext>)SqliteWorkflowEngineBuilderExtensions.Configure(
            new DbContextOptionsBuilder<SqliteConsultationsDbContext>(), "Data Source=design-time.db",
            typeof(SqliteConsultationsDbContext).Assembly.GetName().Name!, ConsultationsDbContext.MigrationsHistoryTable).Options);
}

/// <summary>Lets <c>dotnet ef migrations add --context PostgreSqlConsultationsDbContext</c> build the context (no server needed).</summary>
internal sealed class PostgreSqlConsultationsDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlConsultationsDbContext>
{
    public PostgreSqlConsultationsDbContext CreateDbContext(string[] args) =>
        new((DbContextOptions<PostgreSqlConsultationsDbContext>)PostgreSqlWorkflowEngineBuilderExtensions.Configure(
            new DbContextOptionsBuilder<PostgreSqlConsultationsDbContext>(), "Host=localhost;Database=design",
            typeof(PostgreSqlConsultationsDbContext).Assembly.GetName().Name!, ConsultationsDbContext.MigrationsHistoryTable).Options);
}
