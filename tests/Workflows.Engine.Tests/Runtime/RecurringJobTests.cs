using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Engine.Scheduling;
using Workflows.Engine.Timers;

namespace Workflows.Engine.Tests.Runtime;

public sealed class RecurringJobTests : IAsyncLifetime
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private EngineHarness _engine = null!;

    /// <summary>Runs on the first day of every month at 09:00 Beijing time and remembers each occurrence.</summary>
    private sealed class MonthlyJob : IRecurringJob
    {
        public ConcurrentBag<DateTimeOffset> Runs { get; } = [];

        public string Key => "test:monthly";

        public DateTimeOffset? NextOccurrence(DateTimeOffset after)
        {
            var local = after.ToOffset(Beijing);
            var candidate = new DateTimeOffset(local.Year, local.Month, 1, 9, 0, 0, Beijing);
            return candidate > after ? candidate : candidate.AddMonths(1);
        }

        public Task RunAsync(DateTimeOffset occurrence, CancellationToken cancellationToken)
        {
            Runs.Add(occurrence);
            return Task.CompletedTask;
        }
    }

    public async Task InitializeAsync() => _engine = await EngineHarness.StartAsync(
        b => b.AddRecurringJob<MonthlyJob>(), start: new DateTimeOffset(2026, 11, 20, 12, 0, 0, Beijing));

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    private MonthlyJob Job => (MonthlyJob)_engine.Services.GetServices<IRecurringJob>().Single();

    [Fact]
    public async Task RecurringJob_RunsOncePerOccurrence_AcrossTheYearBoundary()
    {
        await _engine.AdvanceAsync(TimeSpan.FromDays(75)); // to 2027-02-03
        await _engine.DrainOutboxAsync();

        Assert.Equal(
            [new DateTimeOffset(2026, 12, 1, 9, 0, 0, Beijing), new DateTimeOffset(2027, 1, 1, 9, 0, 0, Beijing), new DateTimeOffset(2027, 2, 1, 9, 0, 0, Beijing)],
            Job.Runs.Order());
        var pending = await _engine.QueryAsync(db => Task.FromResult(db.Timers.Where(t => t.Role == TimerRole.Recurring && t.Status == TimerStatus.Pending).ToList()));
        Assert.Equal(new DateTimeOffset(2027, 3, 1, 9, 0, 0, Beijing), Assert.Single(pending).DueAt);
    }

    [Fact]
    public async Task EnsureTimers_KeepsExactlyOnePendingTimer_WhenRunAgain()
    {
        var jobs = _engine.Services.GetRequiredService<RecurringJobs>();
        await jobs.EnsureTimersAsync(CancellationToken.None);
        await jobs.EnsureTimersAsync(CancellationToken.None);

        var pending = await _engine.QueryAsync(db => Task.FromResult(db.Timers.Where(t => t.Role == TimerRole.Recurring && t.Status == TimerStatus.Pending).ToList()));
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 9, 0, 0, Beijing), Assert.Single(pending).DueAt);
    }
}
