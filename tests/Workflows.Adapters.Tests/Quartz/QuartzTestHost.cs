using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;
using Workflows.Adapters.Tests.Support;
using Workflows.Engine;
using Workflows.Engine.Quartz;
using Workflows.Engine.Runtime;
using Workflows.Engine.Timers;

namespace Workflows.Adapters.Tests.Quartz;

/// <summary>A real generic host with the Quartz adapter wired the way the application wires it.</summary>
public sealed class QuartzTestHost : IAsyncDisposable
{
    private readonly IHost _host;
    private bool _stopped;

    private QuartzTestHost(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public ITimerScheduler Timers => _host.Services.GetRequiredService<ITimerScheduler>();

    public static QuartzTestHost Build(IWorkflowRuntime runtime, Action<QuartzTimerOptions> configure)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton(runtime);
        new WorkflowEngineBuilder(builder.Services, builder.Configuration).UseQuartz(options =>
        {
            // Tests wait seconds, not the production back-off, to see a retry.
            options.FireRetryPolicy = RetryPolicy.Fixed(2, TimeSpan.FromMilliseconds(200));
            configure(options);
        });
        return new QuartzTestHost(builder.Build());
    }

    public static async Task<QuartzTestHost> StartAsync(IWorkflowRuntime runtime, Action<QuartzTimerOptions> configure)
    {
        var host = Build(runtime, configure);
        await host._host.StartAsync();
        return host;
    }

    public async Task<IScheduler> GetSchedulerAsync() =>
        await _host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await _host.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _host.Dispose();
    }
}

public static class TestTimers
{
    public static WorkflowTimer DueAt(DateTimeOffset dueAt, Guid? id = null) => new()
    {
        Id = id ?? Guid.NewGuid(),
        Role = TimerRole.Intermediate,
        InstanceId = Guid.NewGuid(),
        ActivityId = "wait",
        DueAt = dueAt,
        Status = TimerStatus.Pending,
        CreatedAt = DateTimeOffset.UtcNow,
    };

    public static WorkflowTimer DueIn(TimeSpan delay, Guid? id = null) => DueAt(DateTimeOffset.UtcNow + delay, id);
}
