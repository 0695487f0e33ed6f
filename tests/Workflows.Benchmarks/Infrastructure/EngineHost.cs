using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;
using Workflows.Engine;
using Workflows.Engine.PostgreSql;
using Workflows.Engine.Quartz;
using Workflows.Engine.Sqlite;

namespace Workflows.Benchmarks.Infrastructure;

/// <summary>What one benchmark host runs: always the real engine, Quartz when timers must really fire.</summary>
public sealed record EngineHostSettings
{
    public bool Quartz { get; init; } = true;
    public int? QuartzThreads { get; init; }
    public int? BatchAcquisition { get; init; }

    /// <summary>Extra wiring (instrumentation) after the engine and Quartz are in.</summary>
    public Action<IServiceCollection>? Configure { get; init; }
}

/// <summary>
/// A generic host wired as <c>Workflows.Host</c> wires the engine (provider, Quartz on the same
/// database, clustered on PostgreSQL), minus HTTP and Hangfire, with markers that timestamp the
/// phases of its start.
/// </summary>
public sealed class EngineHost : IAsyncDisposable
{
    private readonly IHost _host;
    private bool _stopped;

    private EngineHost(IHost host, StartupMarkers markers)
    {
        _host = host;
        Markers = markers;
    }

    public IServiceProvider Services => _host.Services;

    public StartupMarkers Markers { get; }

    public static EngineHost Build(BenchmarkDatabase database, EngineHostSettings settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromMinutes(2));
        var markers = new StartupMarkers();

        // Hosted services start one after another in registration order; the markers sit between them.
        builder.Services.AddSingleton(markers.At(StartupMarkers.HostStarting));
        var engine = builder.Services.AddWorkflowEngine(builder.Configuration);
        if (database.Kind == StoreKind.Sqlite)
        {
            engine.UseSqlite(database.ConnectionString);
        }
        else
        {
            engine.UsePostgreSql(database.ConnectionString);
        }
        builder.Services.AddSingleton(markers.At(StartupMarkers.EngineReconciled));

        if (settings.Quartz)
        {
            engine.UseQuartz(o =>
            {
                o.StoreProvider = database.Kind == StoreKind.Sqlite ? QuartzStoreProvider.Sqlite : QuartzStoreProvider.PostgreSql;
                o.ConnectionString = database.ConnectionString;
                if (settings.QuartzThreads is { } threads)
                {
                    o.ThreadCount = threads;
                }
            });
            if (settings.BatchAcquisition is { } batch)
            {
                builder.Services.AddQuartz(q => q.ConfigureScheduler(s => s.MaxBatchSize = batch));
            }
        }
        settings.Configure?.Invoke(builder.Services);
        builder.Services.AddSingleton(markers.At(StartupMarkers.HostStarted));
        return new EngineHost(builder.Build(), markers);
    }

    public Task StartAsync() => _host.StartAsync();

    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await _host.StopAsync();
        }
    }

    public async Task<IScheduler> SchedulerAsync() =>
        await _host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _host.Dispose();
    }
}
