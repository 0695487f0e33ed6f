using Hangfire;
using Hangfire.Common;

namespace Workflows.Engine.Hangfire.Outbox;

/// <summary>
/// Hangfire's filters plus this adapter's for <see cref="OutboxJob"/>: the configured retry policy in
/// place of the global one, and the ledger the sweep reads.
/// </summary>
/// <remarks>
/// Registered in the container rather than added to <c>GlobalJobFilters</c>, so two hosts in one
/// process (tests, or a host beside a tool) each keep their own settings.
/// </remarks>
internal sealed class OutboxJobFilterProvider : IJobFilterProvider
{
    private readonly IJobFilterProvider _inner;
    private readonly JobFilter[] _outboxFilters;

    public OutboxJobFilterProvider(IJobFilterProvider inner, HangfireEngineOptions options)
    {
        _inner = inner;
        var retry = new AutomaticRetryAttribute
        {
            Attempts = options.RetryAttempts,
            OnAttemptsExceeded = AttemptsExceededAction.Fail,
        };
        if (options.RetryDelays is { } delays)
        {
            retry.DelaysInSeconds = [.. delays.Select(d => (int)Math.Ceiling(d.TotalSeconds))];
        }

        _outboxFilters =
        [
            new JobFilter(retry, JobFilterScope.Method, null),
            new JobFilter(new OutboxJobLedger(), JobFilterScope.Method, null),
        ];
    }

    public IEnumerable<JobFilter> GetFilters(Job job)
    {
        var filters = _inner.GetFilters(job);
        return job?.Type == typeof(OutboxJob)
            ? filters.Where(f => f.Instance is not AutomaticRetryAttribute).Concat(_outboxFilters)
            : filters;
    }
}
