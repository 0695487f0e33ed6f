namespace Workflows.Benchmarks.Measurement;

/// <summary>What one measured phase cost the process: allocations, collections and the highest working set seen.</summary>
/// <param name="CpuSeconds">This process's CPU time (all threads); on a busy machine a steadier figure than wall time.</param>
public sealed record ResourceUsage(long AllocatedBytes, int Gen0, int Gen1, int Gen2, long WorkingSetBeforeBytes, long PeakWorkingSetBytes, double CpuSeconds);

/// <summary>
/// Samples the working set every few milliseconds while a phase runs (the OS peak counter covers
/// the whole process, seeding included), and takes the GC's allocation and collection counters
/// around it.
/// </summary>
public sealed class ResourceSampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly long _allocatedBefore;
    private readonly int[] _collectionsBefore;
    private readonly long _workingSetBefore;
    private readonly TimeSpan _cpuBefore;
    private long _peak;

    private ResourceSampler()
    {
        _workingSetBefore = Environment.WorkingSet;
        _peak = _workingSetBefore;
        _allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        _collectionsBefore = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
        _cpuBefore = Environment.CpuUsage.TotalTime;
        _loop = SampleAsync(_stop.Token);
    }

    /// <summary>Collects garbage first so that each phase starts from the same footing.</summary>
    public static ResourceSampler Start()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return new ResourceSampler();
    }

    public async Task<ResourceUsage> StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        Sample();
        return new ResourceUsage(
            GC.GetTotalAllocatedBytes(precise: true) - _allocatedBefore,
            GC.CollectionCount(0) - _collectionsBefore[0],
            GC.CollectionCount(1) - _collectionsBefore[1],
            GC.CollectionCount(2) - _collectionsBefore[2],
            _workingSetBefore,
            _peak,
            (Environment.CpuUsage.TotalTime - _cpuBefore).TotalSeconds);
    }

    private async Task SampleAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                Sample();
            }
        }
        catch (OperationCanceledException)
        {
            // stopped
        }
    }

    // Only the sampling loop writes, and StopAsync reads after the loop has ended.
    private void Sample() => _peak = Math.Max(_peak, Environment.WorkingSet);

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await StopAsync();
        }
        _stop.Dispose();
    }
}
