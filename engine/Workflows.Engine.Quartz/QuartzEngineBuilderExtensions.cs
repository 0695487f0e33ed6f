using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Quartz;
using Quartz.Impl.AdoJobStore;
using Workflows.Engine.Quartz.Storage;
using Workflows.Engine.Quartz.Timers;
using Workflows.Engine.Timers;

namespace Workflows.Engine.Quartz;

public static class QuartzEngineBuilderExtensions
{
    /// <summary>
    /// Runs workflow timers on Quartz with a persistent store in the application's database, and
    /// starts and stops the scheduler with the host. Options bind from <c>Workflows:Quartz</c> first,
    /// then <paramref name="configure"/> has the last word.
    /// </summary>
    public static WorkflowEngineBuilder UseQuartz(this WorkflowEngineBuilder builder, Action<QuartzTimerOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);

        var options = new QuartzTimerOptions();
        builder.Configuration.GetSection(QuartzTimerOptions.Section).Bind(options);
        configure(options);
        options.Validate();

        var services = builder.Services;
        services.AddSingleton(options);

        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler =>
            {
                scheduler.InstanceName = options.SchedulerName;
                if (options.Clustered)
                {
                    // The default generated id is host name plus clock; two nodes starting on one
                    // machine in the same tick would share it and each replay the other's firings.
                    scheduler.InstanceId = $"{Environment.MachineName}-{Guid.NewGuid():N}";
                }
            });
            quartz.UseDefaultThreadPool(options.ThreadCount);
            quartz.UseTypeLoader(types => types.Map(FireTimerJob.StoredTypeName, typeof(FireTimerJob)));
            quartz.AddJobType<FireTimerJob>();
            quartz.UsePersistentStore(store =>
            {
                // Job data is only ever the timer id; as a string it stays readable in QRTZ_JOB_DETAILS
                // and survives any serializer change.
                store.ConfigureStore(s => s.StoreJobDataAsStrings = true);
                switch (options.StoreProvider)
                {
                    case QuartzStoreProvider.Sqlite:
                        SqliteStore.Configure(store, options.ConnectionString);
                        break;
                    case QuartzStoreProvider.PostgreSql:
                        store.UsePostgres(NpgsqlFactory.Instance, options.ConnectionString);
                        store.UseDriverDelegate<PostgreSQLDelegate>();
                        if (options.Clustered)
                        {
                            store.UseClustering();
                        }

                        break;
                    default:
                        throw new InvalidOperationException($"Unknown Quartz store provider {options.StoreProvider}.");
                }

                // Quartz creates its own QRTZ_* tables from the scripts inside Quartz.dll; several
                // nodes starting at once is safe (the loser finds the winner's schema).
                store.ProvisionSchema();
            });
        });
        // After AddQuartz on purpose: hosted services start in registration order, so the SQLite
        // store's WAL switch (registered inside AddQuartz) runs before the scheduler's first statement.
        services.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true);

        // The engine registers a no-op scheduler with TryAdd; this adapter must win whatever the order.
        services.RemoveAll<ITimerScheduler>();
        services.AddSingleton<ITimerScheduler, QuartzTimerScheduler>();
        return builder;
    }
}
