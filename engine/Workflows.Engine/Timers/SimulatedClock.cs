namespace Workflows.Engine.Timers;

/// <summary>
/// A clock that only moves when told to, for tests and demos (<c>Workflows__Clock__Mode=Simulated</c>).
/// </summary>
public sealed class SimulatedClock(DateTimeOffset start) : TimeProvider
{
    private long _utcTicks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    /// <summary>Moves the clock forward; it never goes back.</summary>
    public void MoveTo(DateTimeOffset instant)
    {
        long target = instant.UtcTicks;
        long current;
        do
        {
            current = Interlocked.Read(ref _utcTicks);
            if (target <= current)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _utcTicks, target, current) != current);
    }
}
