namespace Workflows.Engine.Scheduling;

/// <summary>
/// Work the scheduler starts on a calendar (recurring duties, quarterly digests). Its next run
/// is a timer row like any other, so it survives restarts, fires through Quartz in real time and
/// through the clock in simulated time; the run itself goes through the outbox with retries.
/// </summary>
public interface IRecurringJob
{
    /// <summary>Stable and persisted, e.g. <c>duty:normative-catalogue</c>.</summary>
    string Key { get; }

    /// <summary>The first run strictly after <paramref name="after"/>; null when it never runs again.</summary>
    DateTimeOffset? NextOccurrence(DateTimeOffset after);

    /// <summary>Does the work of one occurrence. It may run twice for the same occurrence: make it idempotent.</summary>
    Task RunAsync(DateTimeOffset occurrence, CancellationToken cancellationToken);
}
