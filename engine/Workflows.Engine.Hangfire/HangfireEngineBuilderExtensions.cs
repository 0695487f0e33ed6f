using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Common;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Workflows.Engine.Hangfire.Hosting;
using Workflows.Engine.Hangfire.Outbox;
using Workflows.Engine.Outbox;

namespace Workflows.Engine.Hangfire;

public static class HangfireEngineBuilderExtensions
{
    /// <summary>
    /// Runs outbox messages as Hangfire background jobs with retries, a Hangfire server on this host,
    /// and the <c>outbox-sweep</c> recurring job. Options bind from <c>Workflows:Hangfire</c> first,
    /// then <paramref name="configure"/> has the last word. The host maps the dashboard itself
    /// (see <see cref="Dashboard.HangfireDashboardAuthorization"/>).
    /// </summary>
    public static WorkflowEngineBuilder UseHangfire(this WorkflowEngineBuilder builder, Action<HangfireEngineOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);

        var options = new HangfireEngineOptions();
        builder.Configuration.GetSection(HangfireEngineOptions.Section).Bind(options);
        configure(options);
        options.Validate();

        var services = builder.Services;
        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);

        // AddHangfire resolves storage, activator and filters from process-wide statics
        // (JobStorage.Current, JobActivator.Current, the global filter list) unless the container
        // already has them; registering ours first keeps every host's server, client and recurring
        // job manager on its own instances.
        services.AddSingleton(sp =>
        {
            // Configure Hangfire (its process-wide logging included) before the storage logs anything.
            sp.GetRequiredService<IGlobalConfiguration>();
            return CreateStorage(options);
        });
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddSingleton<IJobFilterProvider>(_ => new OutboxJobFilterProvider(JobFilterProviders.Providers, options));

        // Serializer settings and the log provider are still process-wide in Hangfire 1.8. The
        // settings are the ones it recommends for new storage (the stored job format is pinned
        // against them); the log provider must outlive the host that installed it.
        services.AddHangfire((sp, configuration) => configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new DisposalTolerantLogProvider(sp.GetRequiredService<ILoggerFactory>())));
        services.AddHangfireServer(server => server.WorkerCount = options.WorkerCount);
        services.AddHostedService<OutboxSweepRegistration>();

        // The engine registers a default dispatcher with TryAdd; this adapter must win whatever the order.
        services.RemoveAll<IBackgroundDispatcher>();
        services.AddSingleton<IBackgroundDispatcher, HangfireBackgroundDispatcher>();
        return builder;
    }

    private static JobStorage CreateStorage(HangfireEngineOptions options) => options.Storage switch
    {
        HangfireStorage.InMemory => new InMemoryStorage(),
        HangfireStorage.PostgreSql => CreatePostgreSqlStorage(options.ConnectionString!),
        _ => throw new InvalidOperationException($"Unknown Hangfire storage {options.Storage}."),
    };

    private static PostgreSqlStorage CreatePostgreSqlStorage(string connectionString)
    {
        var storageOptions = new PostgreSqlStorageOptions
        {
            SchemaName = HangfireEngineOptions.PostgreSqlSchema,
            PrepareSchemaIfNecessary = true,

            // Workers notice another host's enqueue within this; an enqueue on this host wakes them at once.
            // Long polling (LISTEN/NOTIFY) would be quicker but stalls the queue when its listener
            // connection drops (Hangfire.PostgreSql issue #410).
            QueuePollInterval = TimeSpan.FromSeconds(5),

            // A job whose host died becomes visible to the others after minutes, not the default half hour,
            // while a live worker keeps extending the timeout of a long job.
            UseSlidingInvisibilityTimeout = true,
            InvisibilityTimeout = TimeSpan.FromMinutes(5),
        };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, storageOptions, null), storageOptions);
    }
}
