using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Workflows.Engine;
using Workflows.Engine.Hangfire;
using Workflows.Engine.Hangfire.Outbox;
using Workflows.Engine.Outbox;
using Workflows.Engine.Quartz;
using Workflows.Engine.Quartz.Timers;
using Workflows.Engine.Timers;

namespace Workflows.Adapters.Tests;

public sealed class RegistrationTests
{
    [Fact]
    public void UseQuartz_ReplacesTheEnginesDefaultScheduler_WhicheverIsRegisteredFirst()
    {
        var services = new ServiceCollection();
        var builder = new WorkflowEngineBuilder(services, new ConfigurationBuilder().Build());
        services.TryAddSingleton<ITimerScheduler, NoTimers>();

        builder.UseQuartz(o => o.ConnectionString = "Data Source=unused.db");
        services.TryAddSingleton<ITimerScheduler, NoTimers>();

        Assert.Equal(typeof(QuartzTimerScheduler), Assert.Single(services, d => d.ServiceType == typeof(ITimerScheduler)).ImplementationType);
    }

    [Fact]
    public void UseHangfire_ReplacesTheEnginesDefaultDispatcher_WhicheverIsRegisteredFirst()
    {
        var services = new ServiceCollection();
        var builder = new WorkflowEngineBuilder(services, new ConfigurationBuilder().Build());
        services.TryAddSingleton<IBackgroundDispatcher, NoDispatch>();

        builder.UseHangfire(_ => { });
        services.TryAddSingleton<IBackgroundDispatcher, NoDispatch>();

        Assert.Equal(typeof(HangfireBackgroundDispatcher), Assert.Single(services, d => d.ServiceType == typeof(IBackgroundDispatcher)).ImplementationType);
    }

    [Fact]
    public void Options_BindFromConfiguration_BeforeTheCallbackHasTheLastWord()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Workflows:Quartz:StoreProvider"] = "PostgreSql",
            ["Workflows:Quartz:ConnectionString"] = "Host=db",
            ["Workflows:Hangfire:RetryAttempts"] = "3",
        }).Build();
        var services = new ServiceCollection();

        new WorkflowEngineBuilder(services, configuration)
            .UseQuartz(o => o.ThreadCount = 4)
            .UseHangfire(_ => { });

        using var provider = services.BuildServiceProvider();
        var quartz = provider.GetRequiredService<QuartzTimerOptions>();
        Assert.Equal((QuartzStoreProvider.PostgreSql, "Host=db", true, 4), (quartz.StoreProvider, quartz.ConnectionString, quartz.Clustered, quartz.ThreadCount));
        Assert.Equal(3, provider.GetRequiredService<HangfireEngineOptions>().RetryAttempts);
    }

    [Fact]
    public void Defaults_FollowTheStore()
    {
        var sqlite = new QuartzTimerOptions { StoreProvider = QuartzStoreProvider.Sqlite };
        var postgres = new QuartzTimerOptions { StoreProvider = QuartzStoreProvider.PostgreSql };
        var hangfire = new HangfireEngineOptions();

        Assert.Equal((false, 2), (sqlite.Clustered, sqlite.ThreadCount));
        Assert.Equal((true, 10), (postgres.Clustered, postgres.ThreadCount));
        Assert.Equal(("fazhi", 10, TimeSpan.FromMinutes(1)), (postgres.SchedulerName, hangfire.RetryAttempts, hangfire.SweepInterval));
        Assert.True(hangfire.WorkerCount >= 2);
    }

    [Theory]
    [InlineData("clustered sqlite")]
    [InlineData("no connection string")]
    public void UseQuartz_RefusesOptionsThatCannotWork(string mistake)
    {
        var builder = new WorkflowEngineBuilder(new ServiceCollection(), new ConfigurationBuilder().Build());

        var exception = Assert.Throws<InvalidOperationException>(() => builder.UseQuartz(o =>
        {
            o.ConnectionString = mistake == "no connection string" ? "" : "Data Source=x.db";
            o.Clustered = mistake == "clustered sqlite";
        }));

        Assert.StartsWith("Workflows:Quartz:", exception.Message);
    }

    [Theory]
    [InlineData(30)]
    [InlineData(90)]
    public void UseHangfire_RefusesASweepIntervalCronCannotExpress(int seconds)
    {
        var builder = new WorkflowEngineBuilder(new ServiceCollection(), new ConfigurationBuilder().Build());

        Assert.Throws<InvalidOperationException>(() => builder.UseHangfire(o => o.SweepInterval = TimeSpan.FromSeconds(seconds)));
    }

    private sealed class NoTimers : ITimerScheduler
    {
        public Task ScheduleAsync(IReadOnlyCollection<WorkflowTimer> timers, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task UnscheduleAsync(IReadOnlyCollection<Guid> timerIds, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class NoDispatch : IBackgroundDispatcher
    {
        public void Dispatch(IReadOnlyCollection<Guid> outboxMessageIds)
        {
        }
    }
}
