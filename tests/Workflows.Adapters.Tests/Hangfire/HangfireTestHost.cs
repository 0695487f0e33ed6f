using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Workflows.Adapters.Tests.Support;
using Workflows.Engine;
using Workflows.Engine.Hangfire;
using Workflows.Engine.Outbox;

namespace Workflows.Adapters.Tests.Hangfire;

/// <summary>A real generic host running Hangfire's own BackgroundJobServer on in-memory storage.</summary>
public sealed class HangfireTestHost : IAsyncDisposable
{
    private readonly IHost _host;
    private bool _started;

    private HangfireTestHost(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public IBackgroundDispatcher Dispatcher => Services.GetRequiredService<IBackgroundDispatcher>();

    public JobStorage Storage => Services.GetRequiredService<JobStorage>();

    public static HangfireTestHost Build(IOutboxProcessor processor, Action<HangfireEngineOptions>? configure = null, TimeProvider? time = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton(processor);
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        new WorkflowEngineBuilder(builder.Services, builder.Configuration).UseHangfire(options =>
        {
            options.Storage = HangfireStorage.InMemory;
            options.WorkerCount = 2;
            configure?.Invoke(options);
        });
        return new HangfireTestHost(builder.Build());
    }

    public static async Task<HangfireTestHost> StartAsync(IOutboxProcessor processor, Action<HangfireEngineOptions>? configure = null, TimeProvider? time = null)
    {
        var host = Build(processor, configure, time);
        await host._host.StartAsync();
        host._started = true;
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        if (_started)
        {
            await _host.StopAsync();
        }

        _host.Dispose();
    }
}
