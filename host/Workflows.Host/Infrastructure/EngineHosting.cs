using Workflows.Activities.Documents;
using Workflows.Engine.Persistence;
using Workflows.Engine.PostgreSql;
using Workflows.Engine.Sqlite;
using Workflows.Engine;
using Workflows.Host.Notifications;
using Workflows.Host.Procedures;
using Workflows.Procedures.Experts;

namespace Workflows.Host.Infrastructure;

public static class EngineHosting
{
    /// <summary>
    /// The engine on the configured database and clock. In real time Quartz fires the timers; with the
    /// simulated clock only <c>POST /api/clock/advance</c> does (through the engine's DueTimerRunner),
    /// so Quartz stays out. Hangfire runs background work in both modes, notifications included. The
    /// modules (notifications, case documents) come after the storage provider, whose database they share.
    /// </summary>
    public static WorkflowEngineBuilder AddWorkflowEngineHosting(this IServiceCollection services, IConfiguration configuration, WorkflowStorage storage)
    {
        var engine = services.AddWorkflowEngine(configuration);
        if (storage.Provider == DatabaseProvider.PostgreSql)
        {
            engine.UsePostgreSql(storage.ConnectionString);
        }
        else
        {
            engine.UseSqlite(storage.ConnectionString);
        }
        engine.AddNotificationsHosting();
        engine.AddProceduresHosting();
        engine.AddDocuments();
        services.AddScoped<InstanceAccess>();
        engine.AddParticipationModules();

        var clock = configuration.GetSection(WorkflowsHostOptions.Section).Get<WorkflowsHostOptions>()?.Clock ?? new ClockOptions();
        if (clock.Mode == ClockMode.Simulated)
        {
            engine.UseSimulatedClock(clock.Start ?? TimeProvider.System.GetUtcNow());
        }
        else
        {
            engine.UseTimerExecutor(storage);
        }
        engine.UseBackgroundExecutor(storage);
        return engine;
    }
}
