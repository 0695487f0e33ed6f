using Microsoft.EntityFrameworkCore;
using Workflows.Engine.Persistence;
using Workflows.Engine.Runtime;

namespace Workflows.Engine.Timers;

/// <summary>
/// Fires due timers straight from <c>wf_timers</c>, in due order. With the simulated clock it
/// moves the clock to each timer's due time before firing it, so a timer created by a firing
/// that falls due before the target fires too.
/// </summary>
public sealed class DueTimerRunner(IDbContextFactory<WorkflowDbContext> dbFactory, IWorkflowRuntime runtime, TimeProvider clock)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<int> AdvanceAsync(DateTimeOffset to, CancellationToken cancellationToken)
    {
        var simulated = clock as SimulatedClock
            ?? throw new InvalidOperationException("The clock can only be moved in simulated mode.");
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var fired = 0;
            var attempted = new HashSet<Guid>();
            while (true)
            {
                WorkflowTimer? next;
                await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
                {
                    next = await db.Timers.AsNoTracking()
                        .Where(t => t.Status == TimerStatus.Pending && t.DueAt <= to && !attempted.Contains(t.Id))
                        .OrderBy(t => t.DueAt).ThenBy(t => t.CreatedAt)
                        .FirstOrDefaultAsync(cancellationToken);
                }
                if (next is null)
                {
                    break;
                }
                attempted.Add(next.Id); // a timer of a faulted instance stays pending; fire it once only
                simulated.MoveTo(next.DueAt);
                await runtime.FireTimerAsync(next.Id, cancellationToken);
                fired++;
            }
            simulated.MoveTo(to);
            return fired;
        }
        finally
        {
            _gate.Release();
        }
    }
}
