using Hangfire;
using Workflows.Engine.Hangfire;
using Workflows.Engine.Persistence;
using Workflows.Engine.Quartz;
using Workflows.Engine;
using Workflows.Engine.Hangfire.Dashboard;

namespace Workflows.Host.Infrastructure;

internal static class EngineExecutors
{
    /// <summary>Quartz with its persistent store in the application's database; clustered on PostgreSQL.</summary>
    public static WorkflowEngineBuilder UseTimerExecutor(this WorkflowEngineBuilder engine, WorkflowStorage storage)
    {
        engine.UseQuartz(o =>
        {
            o.StoreProvider = storage.Provider == DatabaseProvider.PostgreSql ? QuartzStoreProvider.PostgreSql : QuartzStoreProvider.Sqlite;
            o.ConnectionString = storage.ConnectionString;
            o.Clustered = storage.Provider == DatabaseProvider.PostgreSql;
        });
        return engine;
    }

    /// <summary>Hangfire in memory on SQLite (the outbox in the database is the truth), on PostgreSQL when scaled out.</summary>
    public static WorkflowEngineBuilder UseBackgroundExecutor(this WorkflowEngineBuilder engine, WorkflowStorage storage)
    {
        engine.UseHangfire(o =>
        {
            o.Storage = storage.Provider == DatabaseProvider.PostgreSql ? HangfireStorage.PostgreSql : HangfireStorage.InMemory;
            o.ConnectionString = storage.ConnectionString;
        });
        return engine;
    }

    /// <summary>The dashboard at /hangfire, for admins signed in with the browser cookie.</summary>
    public static IEndpointRouteBuilder MapBackgroundDashboard(this IEndpointRouteBuilder app)
    {
        app.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [new HangfireDashboardAuthorization()],
            DisplayStorageConnectionString = false,
        });
        return app;
    }
}
