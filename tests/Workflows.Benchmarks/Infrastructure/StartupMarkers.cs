using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Hosting;

namespace Workflows.Benchmarks.Infrastructure;

/// <summary>Wall-clock timestamps of a host's start phases, taken by hosted services placed between the real ones.</summary>
public sealed class StartupMarkers
{
    public const string HostStarting = "host starting";
    public const string EngineReconciled = "engine started (migrations, calendar, reconciliation)";
    public const string HostStarted = "every hosted service started";

    private readonly ConcurrentDictionary<string, long> _ticks = new();

    public IHostedService At(string name) => new Marker(this, name);

    /// <summary>Time from <paramref name="from"/> to <paramref name="to"/>; both must have been reached.</summary>
    public TimeSpan Between(string from, string to) => Stopwatch.GetElapsedTime(_ticks[from], _ticks[to]);

    private sealed class Marker(StartupMarkers owner, string name) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            owner._ticks[name] = Stopwatch.GetTimestamp();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
