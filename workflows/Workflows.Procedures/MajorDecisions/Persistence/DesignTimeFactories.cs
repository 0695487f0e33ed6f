using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Workflows.Engine.PostgreSql;
using Workflows.Engine.Sqlite;

namespace Workflows.Procedures.MajorDecisions.Persistence;

/// <summary>Lets <c>dotnet ef migrations add --context SqliteMajorDecisionsDbContext</c> build the context.</summary>
internal sealed class SqliteMajorDecisionsDesignTimeFactory : IDesignTimeDbContextFactory<SqliteMajorDecisionsDbContext>
{
    public SqliteMajorDecisionsDbContext CreateDbContext(string[] args) =>
        new((DbContextOptions<SqliteMajorDecisionsDbContext>)SqliteWorkflowEngineBuilderExtensions.Configure(
            new DbContextOptionsBuilder<SqliteMajorDecisionsDbContext>(), "Data Source=design-time.db",
            typeof(SqliteMajorDecisionsDbContext).Assembly.GetName().Name!, MajorDecisionsDbContext.MigrationsHistoryTable).Options);
}

/// <summary>Lets <c>dotnet ef migrations add --context PostgreSqlMajorDecisionsDbContext</c> build the context (no server needed).</summary>
internal sealed class PostgreSqlMajorDecisionsDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlMajorDecisionsDbContext>
{
    public PostgreSqlMajorDecisionsDbContext CreateDbContext(string[] args) =>
        new((DbContextOptions<PostgreSqlMajorDecisionsDbContext>)PostgreSqlWorkflowEngineBuilderExtensions.Configure(
            new DbContextOptionsBuilder<PostgreSqlMajorDecisionsDbContext>(), "Host=localhost;Database=design",
            typeof(PostgreSqlMajorDecisionsDbContext).Assembly.GetName().Name!, MajorDecisionsDbContext.MigrationsHistoryTable).Options);
}
