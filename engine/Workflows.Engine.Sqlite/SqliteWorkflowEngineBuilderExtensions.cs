using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Workflows.Engine.Persistence;

namespace Workflows.Engine.Sqlite;

public static class SqliteWorkflowEngineBuilderExtensions
{
    /// <summary>The embedded default: the engine's tables in a SQLite file.</summary>
    public static WorkflowEngineBuilder UseSqlite(this WorkflowEngineBuilder builder, string connectionString)
    {
        // Pooled: every step and query takes a context; reusing them saves building a context and
        // its internal services each time (WorkflowDbContext holds no state of its own to reset).
        builder.Services.AddPooledDbContextFactory<WorkflowDbContext>(options => Configure(options, connectionString));
        builder.Services.TryAddScoped(sp => sp.GetRequiredService<IDbContextFactory<WorkflowDbContext>>().CreateDbContext());
        builder.Services.AddSingleton<IWorkflowDatabaseSetup>(new SqliteDatabaseSetup(connectionString));
        builder.Services.AddSingleton(new WorkflowDatabase(DatabaseProvider.Sqlite, connectionString,
            (options, assembly, history) => Configure(options, connectionString, assembly, history)));
        return builder;
    }

    internal static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString) =>
        Configure(options, connectionString, typeof(SqliteWorkflowEngineBuilderExtensions).Assembly.GetName().Name!, WorkflowDbContext.MigrationsHistoryTable);

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString, string migrationsAssembly, string historyTable) =>
        options.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(migrationsAssembly).MigrationsHistoryTable(historyTable));
}

/// <summary>Creates the database file's folder and switches the file to write-ahead logging.</summary>
internal sealed class SqliteDatabaseSetup(string connectionString) : IWorkflowDatabaseSetup
{
    public async Task PrepareAsync(WorkflowDbContext db, CancellationToken cancellationToken)
    {
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (!string.IsNullOrEmpty(file) && file != ":memory:" && Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }
        // WAL lets readers (queries, the UI) run while a step writes; it persists in the file.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }
}
