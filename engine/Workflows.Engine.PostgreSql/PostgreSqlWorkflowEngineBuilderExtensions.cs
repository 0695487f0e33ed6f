using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Workflows.Engine.Persistence;

namespace Workflows.Engine.PostgreSql;

public static class PostgreSqlWorkflowEngineBuilderExtensions
{
    /// <summary>Scale-out: the engine's tables in PostgreSQL, shared by any number of hosts.</summary>
    public static WorkflowEngineBuilder UsePostgreSql(this WorkflowEngineBuilder builder, string connectionString)
    {
        // Pooled: every step and query takes a context; reusing them saves building a context and
        // its internal services each time (WorkflowDbContext holds no state of its own to reset).
        builder.Services.AddPooledDbContextFactory<WorkflowDbContext>(options => Configure(options, connectionString));
        builder.Services.TryAddScoped(sp => sp.GetRequiredService<IDbContextFactory<WorkflowDbContext>>().CreateDbContext());
        builder.Services.AddSingleton(new WorkflowDatabase(DatabaseProvider.PostgreSql, connectionString,
            (options, assembly, history) => Configure(options, connectionString, assembly, history)));
        return builder;
    }

    internal static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString) =>
        Configure(options, connectionString, typeof(PostgreSqlWorkflowEngineBuilderExtensions).Assembly.GetName().Name!, WorkflowDbContext.MigrationsHistoryTable);

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString, string migrationsAssembly, string historyTable) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(migrationsAssembly).MigrationsHistoryTable(historyTable));
}
