using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Workflows.Engine.PostgreSql;
using Workflows.Engine.Sqlite;

namespace Workflows.Procedures.Experts.Persistence;

/// <summary>Lets <c>dotnet ef migrations add --context SqliteExpertsDbContext</c> build the context.</summary>
internal sealed class SqliteExpertsDesignTimeFactory : IDesignTimeDbContextFactory<SqliteExpertsDbContext>
{
    public SqliteExpertsDbContext CreateDbContext(string[] args) =>
        new((DbContextOptions<SqliteExpertsDbContext>)SqliteWorkflowEngineBuilderExtensions.Configure(
            new DbContextOptionsBuilder<SqliteExpertsDbContext>(), "Data Source=design-time.db",
            typeof(SqliteExpertsDbContext).Assembly.GetName().Name!, ExpertsDbContext.MigrationsHistoryTable).Options);
}

/// <summary>Lets <c>dotnet ef migrations add --context PostgreSqlExpertsDbContext</c> build the context (no server needed).</summary>
internal sealed class PostgreSqlExpertsDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlExpertsDbContext>
{
    public PostgreSqlExpertsDbContext CreateDbContext(string[] args) =>
        new((DbContextOptions<PostgreSqlExpertsDbContext>)PostgreSqlWorkflowEngineBuilderExtensions.Configure(
            new DbContextOptionsBuilder<PostgreSqlExpertsDbContext>(), "Host=localhost;Database=design",
            typeof(PostgreSqlExpertsDbContext).Assembly.GetName().Name!, ExpertsDbContext.MigrationsHistoryTable).Options);
}
