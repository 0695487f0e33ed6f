using Hangfire;
using Microsoft.Extensions.Hosting;

namespace Workflows.Engine.Hangfire.Outbox;

/// <summary>
/// Declares the <c>outbox-sweep</c> recurring job at startup. AddOrUpdate is idempotent, so every
/// host of a cluster declaring it leaves exactly one, on the current schedule.
/// </summary>
internal sealed class OutboxSweepRegistration(IRecurringJobManager recurringJobs, HangfireEngineOptions options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurringJobs.AddOrUpdate<OutboxSweepJob>(
            OutboxSweepJob.RecurringJobId,
            job => job.RunAsync(CancellationToken.None),
            options.SweepCron,
            new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
