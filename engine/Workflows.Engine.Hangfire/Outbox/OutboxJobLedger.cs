using Hangfire.States;
using Hangfire.Storage;

namespace Workflows.Engine.Hangfire.Outbox;

/// <summary>
/// Remembers, in Hangfire's own storage, which background job carries each outbox message, so the
/// sweep can tell a dispatch that was lost from one that is queued, running, waiting to retry or failed.
/// </summary>
/// <remarks>
/// Written by a state filter inside each state change's own transaction, so it can never disagree
/// with the job: the entry appears when the job is enqueued and goes when it succeeds or is deleted.
/// In-memory storage loses it with the jobs after a crash, which is exactly when the sweep must act.
/// </remarks>
internal sealed class OutboxJobLedger : IApplyStateFilter
{
    private const string JobIdField = "JobId";

    // States in which the job will still run, or has failed for good and waits for an operator:
    // re-enqueuing then would start a second retry chain for the same message.
    private static readonly HashSet<string> LiveStates = new(StringComparer.OrdinalIgnoreCase)
    {
        EnqueuedState.StateName,
        ScheduledState.StateName,
        ProcessingState.StateName,
        AwaitingState.StateName,
        FailedState.StateName,
    };

    internal static string KeyFor(Guid messageId) => $"fazhi:outbox:{messageId:N}";

    public static bool HasLiveJob(IStorageConnection connection, Guid messageId)
    {
        var entry = connection.GetAllEntriesFromHash(KeyFor(messageId));
        if (entry is null || !entry.TryGetValue(JobIdField, out var jobId))
        {
            return false;
        }

        var state = connection.GetJobData(jobId)?.State;
        return state is not null && LiveStates.Contains(state);
    }

    public void OnStateApplied(ApplyStateContext context, IWriteOnlyTransaction transaction)
    {
        if (context.BackgroundJob.Job?.Args is not [Guid messageId, ..])
        {
            return;
        }

        var state = context.NewState.Name;
        if (string.Equals(state, SucceededState.StateName, StringComparison.OrdinalIgnoreCase)
            || string.Equals(state, DeletedState.StateName, StringComparison.OrdinalIgnoreCase))
        {
            transaction.RemoveHash(KeyFor(messageId));
        }
        else
        {
            transaction.SetRangeInHash(KeyFor(messageId), [new(JobIdField, context.BackgroundJob.Id)]);
        }
    }

    public void OnStateUnapplied(ApplyStateContext context, IWriteOnlyTransaction transaction)
    {
    }
}
