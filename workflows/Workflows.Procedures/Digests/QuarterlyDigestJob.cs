using Workflows.Engine.Scheduling;
using Workflows.Procedures.Duties;

namespace Workflows.Procedures.Digests;

/// <summary>季度到期事项提示 on the first working day of each quarter, at the duties' start time.</summary>
public sealed class QuarterlyDigestJob(DutySchedule schedule, QuarterlyDigestSender sender) : IRecurringJob
{
    public const string JobKey = "digest:quarterly";

    public string Key => JobKey;

    public DateTimeOffset? NextOccurrence(DateTimeOffset after) => schedule.Next(DutyFrequency.Quarterly, after, Key).At;

    public Task RunAsync(DateTimeOffset occurrence, CancellationToken cancellationToken) =>
        sender.SendAsync(schedule.PeriodOf(DutyFrequency.Quarterly, occurrence), occurrence, cancellationToken);
}
