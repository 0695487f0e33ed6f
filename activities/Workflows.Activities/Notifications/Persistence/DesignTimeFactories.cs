using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Workflows.Engine.PostgreSql;
using Workflows.Engine.Sqlite;

namespace Workflows.Activities.Notifications.Persistence;

/// <summary>Lets <c>dotnet ef migrations add --context SqliteNotificationsDbContext</c> build the context.</summary>
internal sealed class SqliteNotificationsDesignTimeFactory : IDesignTimeDbContextFactory<SqliteNotificationsDbContext>
{
    public SqliteNotificationsDbContext CreateDbContext(string[] args) =>
        new((DbContextOptions<SqliteNotificationsDbContext>)SqliteWorkflowEngineBuilderExtensions.Configure(
            new DbContextOptionsBuilder<SqliteNotificationsDbContext>(), "Data Source=design-time.db",
            typeof(SqliteNotificationsDbContext).Assembly.GetName().Name!, NotificationsDbContext.MigrationsHistoryTable).Options);
}

/// <summary>Lets <c>dotnet ef migrations add --context PostgreSqlNotificationsDbContext</c> build the context (no server needed).</summary>
internal sealed class PostgreSqlNotificationsDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlNotificationsDbContext>
{
    public PostgreSqlNotificationsDbContext CreateDbContext(string[] args) =>
        new((DbContextOptions<PostgreSqlNotificationsDbContext>)PostgreSqlWorkflowEngineBuilderExtensions.Configure(
            new DbContextOptionsBuilder<PostgreSqlNotificationsDbContext>(), "Host=localhost;Database=design",
            typeof(PostgreSqlNotificationsDbContext).Assembly.GetName().Name!, NotificationsDbContext.MigrationsHistoryTable).Options);
}
