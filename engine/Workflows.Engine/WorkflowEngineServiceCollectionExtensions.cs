using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Workflows.Engine.Activities;
using Workflows.Engine.Calendar;
using Workflows.Engine.Calendar.Admin;
using Workflows.Engine.Definitions;
using Workflows.Engine.Outbox;
using Workflows.Engine.Runtime;
using Workflows.Engine.Runtime.Execution;
using Workflows.Engine.Scheduling;
using Workflows.Engine.Scripting;
using Workflows.Engine.Tasks;
using Workflows.Engine.Timers;

namespace Workflows.Engine;

public static class WorkflowEngineServiceCollectionExtensions
{
    /// <summary>
    /// The engine core. Follow with a storage provider (<c>UseSqlite</c> / <c>UsePostgreSql</c>) and,
    /// for real time, the executors (<c>UseQuartz</c>, <c>UseHangfire</c>).
    /// </summary>
    public static WorkflowEngineBuilder AddWorkflowEngine(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WorkflowEngineOptions>().BindConfiguration(WorkflowEngineOptions.Section);
        services.AddOptions<ScriptOptions>().BindConfiguration(ScriptOptions.Section);
        services.AddOptions<DeadlineOptions>().BindConfiguration(DeadlineOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IScriptEvaluator, JintScriptEvaluator>();
        services.TryAddSingleton<LiveWorkingDayCalendar>();
        services.TryAddSingleton<IWorkingDayCalendar>(sp => sp.GetRequiredService<LiveWorkingDayCalendar>());
        services.TryAddSingleton<CalendarAdministration>();
        services.TryAddSingleton<IDeadlineRecomputation>(sp => sp.GetRequiredService<WorkflowRuntime>());
        services.TryAddSingleton<IWorkflowJournal>(sp => sp.GetRequiredService<WorkflowRuntime>());
        services.TryAddSingleton<TimerCalculator>();
        services.TryAddSingleton<TaskDeadlines>();
        services.TryAddSingleton<DefinitionCache>();
        services.TryAddSingleton<ActivityHandlerRegistry>();
        services.TryAddSingleton<UserTaskGuardRegistry>();
        services.TryAddSingleton<DefinitionValidator>();
        services.TryAddSingleton<ProcessExecutor>();
        services.TryAddSingleton<WorkflowRuntime>();
        services.TryAddSingleton<IWorkflowRuntime>(sp => sp.GetRequiredService<WorkflowRuntime>());
        services.TryAddScoped<IWorkflowQueries, WorkflowQueries>();
        services.TryAddSingleton<IOutboxProcessor, OutboxProcessor>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOutboxHandler, ResumeParentHandler>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOutboxHandler, CancelInstanceHandler>());
        services.TryAddSingleton<ITimerScheduler, NullTimerScheduler>();
        services.TryAddSingleton<IBackgroundDispatcher, NullBackgroundDispatcher>();
        services.TryAddSingleton<DueTimerRunner>();
        services.TryAddSingleton<OutboxPublisher>();
        services.TryAddSingleton<OutboxRoutes>();
        services.TryAddSingleton<RecurringJobs>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOutboxHandler, RecurringJobRunHandler>());
        services.AddHostedService<EngineStartup>();
        services.AddHostedService<CalendarRefresher>();
        return new WorkflowEngineBuilder(services, configuration);
    }

    /// <summary>Time moves only through <see cref="DueTimerRunner.AdvanceAsync"/>; no timer fires by itself.</summary>
    public static WorkflowEngineBuilder UseSimulatedClock(this WorkflowEngineBuilder builder, DateTimeOffset start)
    {
        builder.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(new SimulatedClock(start)));
        builder.Services.Replace(ServiceDescriptor.Singleton<ITimerScheduler, NullTimerScheduler>());
        return builder;
    }

    /// <summary>Installs a service-task activity, run for <c>fz:type="{handler.Type}"</c>.</summary>
    public static WorkflowEngineBuilder AddActivity<THandler>(this WorkflowEngineBuilder builder)
        where THandler : class, IActivityHandler
    {
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IActivityHandler, THandler>());
        return builder;
    }

    /// <summary>Installs a job the scheduler runs on its own calendar.</summary>
    public static WorkflowEngineBuilder AddRecurringJob<TJob>(this WorkflowEngineBuilder builder)
        where TJob : class, IRecurringJob
    {
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IRecurringJob, TJob>());
        return builder;
    }

    /// <summary>Installs a statutory gate for user tasks, used as <c>fz:guard="{guard.Key}"</c>.</summary>
    public static WorkflowEngineBuilder AddUserTaskGuard<TGuard>(this WorkflowEngineBuilder builder)
        where TGuard : class, IUserTaskGuard
    {
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IUserTaskGuard, TGuard>());
        return builder;
    }

    /// <summary>Installs a rule every process is held to when it is published (see <see cref="Definitions.IProcessRule"/>).</summary>
    public static WorkflowEngineBuilder AddProcessRule<TRule>(this WorkflowEngineBuilder builder)
        where TRule : class, Definitions.IProcessRule
    {
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<Definitions.IProcessRule, TRule>());
        return builder;
    }

    public static WorkflowEngineBuilder AddOutboxHandler<THandler>(this WorkflowEngineBuilder builder)
        where THandler : class, IOutboxHandler
    {
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IOutboxHandler, THandler>());
        return builder;
    }
}
