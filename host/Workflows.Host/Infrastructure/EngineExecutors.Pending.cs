// PENDING MERGE — the Quartz and Hangfire adapters (branch `adapters`) have not landed on main yet.
// Define WORKFLOWS_ADAPTERS (or delete the #else branches) once Workflows.Engine.Quartz exposes
// UseQuartz(QuartzTimerOptions) and Workflows.Engine.Hangfire exposes UseHangfire(HangfireEngineOptions)
// and HangfireDashboardAuthorization. Until then timers wait for the startup reconciliation of the
// next run and background work runs inline (the engine's Null executors).
#if WORKFLOWS_ADAPTERS
using Hangfire;
using Workflows.Engine.Hangfire;
using Workflows.Engine.Quartz;
#endif
using Workflows.Engine;

namespace Workflows.Host.Infrastructure;

internal static class EngineExecutors
{
    /// <summary>Quartz with its persistent store in the application's database; clustered on PostgreSQL.</summary>
    public static WorkflowEngineBuilder UseTimerExecutor(this WorkflowEngineBuilder engine, WorkflowStorage storage)
    {
#if WORKFLOWS_ADAPTERS
        engine.UseQuartz(o =>
        {
            o.StoreProvider = storage.Provider == DatabaseProvider.PostgreSql ? QuartzStoreProvider.PostgreSql : QuartzStoreProvider.Sqlite;
            o.ConnectionString = storage.ConnectionString;
            o.Clustered = storage.Provider == DatabaseProvider.PostgreSql;
        });
#else
        _ = storage;
#endif
        return engine;
    }

    /// <summary>Hangfire in memory on SQLite (the outbox in the database is the truth), on PostgreSQL when scaled out.</summary>
    public static WorkflowEngineBuilder UseBackgroundExecutor(this WorkflowEngineBuilder engine, WorkflowStorage storage)
    {
#if WORKFLOWS_ADAPTERS
        engine.UseHangfire(o =>
        {
            o.Storage = storage.Provider == DatabaseProvider.PostgreSql ? HangfireStorageKind.PostgreSql : HangfireStorageKind.InMemory;
            o.ConnectionString = storage.ConnectionString;
        });
#else
        _ = storage;
#endif
        return engine;
    }

    /// <summary>The dashboard at /hangfire, for admins signed in with the browser cookie.</summary>
    public static IEndpointRouteBuilder MapBackgroundDashboard(this IEndpointRouteBuilder app)
    {
#if WORKFLOWS_ADAPTERS
        app.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [new HangfireDashboardAuthorization()],
            DisplayStorageConnectionString = false,
        });
#endif
        return app;
    }
}
