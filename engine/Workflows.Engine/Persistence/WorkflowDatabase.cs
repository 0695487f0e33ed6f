using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Workflows.Engine.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>
/// The one database the product runs on, chosen by the storage provider (<c>UseSqlite</c> /
/// <c>UsePostgreSql</c>). Modules put their own tables in it through <see cref="AddModuleDbContext"/>.
/// </summary>
public sealed class WorkflowDatabase(DatabaseProvider provider, string connectionString, Action<DbContextOptionsBuilder, string, string> configure)
{
    public DatabaseProvider Provider { get; } = provider;
    public string ConnectionString { get; } = connectionString;

    /// <summary>Points an options builder at this database with the given migrations assembly and history table.</summary>
    public void Configure(DbContextOptionsBuilder options, string migrationsAssembly, string historyTable) =>
        configure(options, migrationsAssembly, historyTable);

    /// <summary>
    /// Registers a module's DbContext: <typeparamref name="TContext"/> holds the model, and one
    /// derived type per provider owns that provider's migrations (both in the module's assembly),
    /// so each module migrates its own tables with its own history table.
    /// </summary>
    public static void AddModuleDbContext<TContext, TSqlite, TPostgreSql>(IServiceCollection services, string historyTable)
        where TContext : DbContext
        where TSqlite : TContext
        where TPostgreSql : TContext
    {
        services.TryAddSingleton<IDbContextFactory<TContext>>(sp =>
        {
            var database = sp.GetRequiredService<WorkflowDatabase>();
            return database.Provider == DatabaseProvider.Sqlite
                ? new ModuleFactory<TContext, TSqlite>(database, historyTable)
                : new ModuleFactory<TContext, TPostgreSql>(database, historyTable);
        });
        services.TryAddScoped(sp => sp.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext());
        services.AddSingleton<IHostedService, ModuleMigrator<TContext>>();
    }

    private sealed class ModuleFactory<TContext, TDerived>(WorkflowDatabase database, string historyTable)
        : IDbContextFactory<TContext>
        where TContext : DbContext
        where TDerived : TContext
    {
        private readonly DbContextOptions<TDerived> _options = Build(database, historyTable);

        private static DbContextOptions<TDerived> Build(WorkflowDatabase database, string historyTable)
        {
            var builder = new DbContextOptionsBuilder<TDerived>();
            database.Configure(builder, typeof(TDerived).Assembly.GetName().Name!, historyTable);
            return builder.Options;
        }

        public TContext CreateDbContext() => (TContext)Activator.CreateInstance(typeof(TDerived), _options)!;
    }

    /// <summary>Runs the module's migrations at start, after the engine's own (hosted services start in order).</summary>
    private sealed class ModuleMigrator<TContext>(IDbContextFactory<TContext> factory) : IHostedService
        where TContext : DbContext
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
