using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Workflows.Host.Tests.Durability;

/// <summary>
/// Issue 2, item 9: the real host as a child process, killed with SIGKILL in the middle of work and
/// started again on the same SQLite file, several times; nothing the clients were promised may be
/// lost and nothing may happen twice.
/// </summary>
[Collection(HostProcessCollection.Name)]
public sealed partial class KillRestartTests(ITestOutputHelper output) : IDisposable
{
    private const int Rounds = 3;
    private const int InstancesPerRound = 14;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan RecoveryTimeout = TimeSpan.FromSeconds(30);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "fazhi-kill-tests", Guid.NewGuid().ToString("N"));
    private readonly List<string> _log = [];

    [Fact]
    public async Task Host_LosesNothingAndRunsNothingTwice_WhenKilledMidLoadAndRestarted()
    {
        var clock = Stopwatch.StartNew();
        Directory.CreateDirectory(_folder);
        using var host = new HostProcess(Path.Combine(_folder, "workflows.db"));
        await host.StartAsync(StartTimeout);
        using var api = new KillTestClient(host.BaseAddress);
        await api.SignInAsync(["admin", .. KillTestWorkload.Completers]);
        await PublishAsync(api, KillTestProcedures.Child);
        await PublishAsync(api, KillTestProcedures.Parent);

        var ledger = new ClientLedger();
        var gate = new HostGate();
        var workload = new KillTestWorkload(api, ledger, gate);
        using var stop = new CancellationTokenSource();
        var completers = workload.RunCompletersAsync(stop.Token);
        var recovery = new RecoveryTally();
        try
        {
            for (var round = 1; round <= Rounds; round++)
            {
                await RunRoundAsync(round, host, api, ledger, gate, workload, recovery);
            }
            await WaitUntilAsync("every instance completes", TimeSpan.FromSeconds(90), async () =>
                (await SystemSnapshot.TakeAsync(api, withJournals: false)).Parents.All(p => p.Status == "Completed"));
        }
        catch (Exception ex) when (ex is TimeoutException or InvalidOperationException)
        {
            throw new Xunit.Sdk.XunitException($"{ex.Message}{Environment.NewLine}Host output:{Environment.NewLine}{host.RecentOutput}");
        }
        finally
        {
            await stop.CancelAsync();
            await completers;
        }

        var final = await SystemSnapshot.TakeAsync(api);
        var failures = DurabilityAudit.Check(final, ledger, final: true);
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        // A start cut off by a kill may or may not have happened; the audit has checked it happened at most once.
        Assert.InRange(final.Parents.Count, ledger.StartedOk.Count, ledger.StartedOk.Count + ledger.StartsInDoubt.Count);
        Assert.True(recovery.OverdueTimers > 0, "No timer fell due while the host was down: the test did not test that.");

        Report(final, ledger, api, host, recovery, clock.Elapsed);
    }

    /// <summary>
    /// Starts a round's instances while everyone completes tasks, and kills the host at a random
    /// moment: right after an expert's completion once enough of the round has started (so the
    /// called instance's outbox message is likely still in flight), or near the end of the starts.
    /// </summary>
    private async Task RunRoundAsync(int round, HostProcess host, KillTestClient api, ClientLedger ledger, HostGate gate, KillTestWorkload workload, RecoveryTally recovery)
    {
        var keys = Enumerable.Range(1, InstancesPerRound).Select(i => $"县决策〔2026〕{round}-{i:00}号").ToList();
        var threshold = Random.Shared.Next(InstancesPerRound * 2 / 5, InstancesPerRound * 4 / 5);
        var started = 0;
        var killed = 0;
        var killedAt = DateTimeOffset.MinValue;
        var kill = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void KillNow()
        {
            if (Interlocked.CompareExchange(ref killed, 1, 0) == 0)
            {
                gate.Close();
                host.Kill();
                killedAt = TimeProvider.System.GetUtcNow();
                kill.SetResult();
            }
        }
        void OnStarted()
        {
            if (Interlocked.Increment(ref started) >= InstancesPerRound - 2)
            {
                KillNow();
            }
        }
        void OnChildCompleted()
        {
            if (Volatile.Read(ref started) >= threshold)
            {
                KillNow();
            }
        }
        workload.InstanceStarted += OnStarted;
        workload.ChildTaskCompleted += OnChildCompleted;
        var starts = workload.StartInstancesAsync(keys, CancellationToken.None);
        try
        {
            await kill.Task.WaitAsync(TimeSpan.FromSeconds(60));
        }
        finally
        {
            workload.InstanceStarted -= OnStarted;
            workload.ChildTaskCompleted -= OnChildCompleted;
        }

        // The scenario, not synchronisation: stay down until the newest instance's timer has fallen due.
        var upAgainNoSoonerThan = ledger.LastStartOkAt + KillTestProcedures.TimerDuration + TimeSpan.FromMilliseconds(200);
        var wait = upAgainNoSoonerThan - TimeProvider.System.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }
        var launchedAt = TimeProvider.System.GetUtcNow();
        await host.StartAsync(StartTimeout);
        var readyAt = TimeProvider.System.GetUtcNow();

        // The clients stay out until the host has recovered on its own: what follows is reconciliation's work.
        var (recovered, resumed, overdue) = await AwaitRecoveryAsync(api, await SystemSnapshot.TakeAsync(api, withJournals: false), killedAt, launchedAt);
        var failures = DurabilityAudit.Check(recovered, ledger, final: false);
        Assert.True(failures.Count == 0, $"After kill #{round}:{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
        recovery.Add(resumed, overdue);
        _log.Add($"kill #{round} after {started} of {InstancesPerRound} starts; down {(readyAt - killedAt).TotalSeconds:0.0} s (start-up {(readyAt - launchedAt).TotalSeconds:0.0} s); " +
            $"{ReconciledLine(host)}; parents resumed from completed children: {resumed}; timers that fell due while down, fired after restart: {overdue}");
        gate.Open();
        await starts.WaitAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>
    /// With no client calling, the host alone must resume every parent whose called instance had
    /// completed and fire every timer that fell due while it was down. Counts, from the journals,
    /// the parents resumed after the restart by a child that completed before the kill, and the
    /// timers due before the restart that fired after it. Returns the recovered state, journals included.
    /// </summary>
    private static async Task<(SystemSnapshot Recovered, int Resumed, int Overdue)> AwaitRecoveryAsync(
        KillTestClient api, SystemSnapshot snapshot, DateTimeOffset killedAt, DateTimeOffset launchedAt)
    {
        var completedChildren = snapshot.Children.Where(c => c.Status == "Completed").Select(c => c.ParentId).ToHashSet();
        var waitingOnChild = snapshot.Parents.Where(p => p.Active.Contains("consult") && completedChildren.Contains(p.Id)).Select(p => p.Id).ToHashSet();
        var waitingOnTimer = snapshot.Parents
            .Where(p => p.Active.Contains("wait") && p.StartedAt + KillTestProcedures.TimerDuration < launchedAt)
            .Select(p => p.Id).ToHashSet();
        await WaitUntilAsync($"{waitingOnChild.Count} parents resume and {waitingOnTimer.Count} overdue timers fire after the restart", RecoveryTimeout, async () =>
        {
            foreach (var id in waitingOnChild.Union(waitingOnTimer))
            {
                var instance = await SystemSnapshot.InstanceAsync(api, id);
                if ((waitingOnChild.Contains(id) && instance.Active.Contains("consult")) || (waitingOnTimer.Contains(id) && instance.Active.Contains("wait")))
                {
                    return false;
                }
            }
            return true;
        });

        var after = await SystemSnapshot.TakeAsync(api);
        var resumed = 0;
        var overdue = 0;
        foreach (var parent in after.Parents)
        {
            var journal = after.Journals[parent.Id];
            var child = after.Children.SingleOrDefault(c => c.ParentId == parent.Id);
            var childDone = child is null ? null : after.Journals[child.Id].SingleOrDefault(e => e.Kind == "InstanceCompleted");
            var parentResumed = journal.SingleOrDefault(e => e.Kind == "CalledInstanceCompleted");
            if (childDone?.At < killedAt && parentResumed?.At >= launchedAt)
            {
                resumed++;
            }
            var fired = journal.SingleOrDefault(e => e.Kind == "TimerFired");
            if (fired is not null && fired.At >= launchedAt && DateTimeOffset.Parse(fired.DataText("dueAt")!, CultureInfo.InvariantCulture) < launchedAt)
            {
                overdue++;
            }
        }
        Assert.True(waitingOnTimer.Count <= overdue, $"{waitingOnTimer.Count} instances waited on an overdue timer, but only {overdue} fired after the restart.");
        return (after, resumed, overdue);
    }

    private static async Task PublishAsync(KillTestClient api, string xml)
    {
        using var response = await api.SendAsync("admin", HttpMethod.Post, "/api/definitions?publish=true", new StringContent(xml, Encoding.UTF8, "application/xml"));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    private static async Task WaitUntilAsync(string what, TimeSpan timeout, Func<Task<bool>> condition)
    {
        var deadline = TimeProvider.System.GetUtcNow() + timeout;
        while (!await condition())
        {
            if (TimeProvider.System.GetUtcNow() > deadline)
            {
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds} s waiting until {what}.");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }

    private static string ReconciledLine(HostProcess host) =>
        ReconciledPattern().Matches(host.RecentOutput).LastOrDefault()?.Value ?? "no reconciliation line in the host's output";

    [GeneratedRegex(@"Reconciled \d+ pending timers and \d+ unsent outbox messages")]
    private static partial Regex ReconciledPattern();

    private void Report(SystemSnapshot final, ClientLedger ledger, KillTestClient api, HostProcess host, RecoveryTally recovery, TimeSpan elapsed)
    {
        output.WriteLine($"Kill test: {final.Parents.Count} instances (+{final.Children.Count} called), {host.Starts - 1} SIGKILLs, {api.Requests} HTTP requests in {elapsed.TotalSeconds:0} s.");
        output.WriteLine($"Clients saw {ledger.StartedOk.Count} starts (201), {ledger.CompletedOk.Count} completions (200), {ledger.Conflicts} double submissions answered 409; " +
            $"{ledger.StartsInDoubt.Count} starts and {ledger.CompletionsInDoubt.Count} completions cut off by a kill (in doubt).");
        foreach (var line in _log)
        {
            output.WriteLine(line);
        }
        output.WriteLine($"Verified: every 201/200 reflected; one instance per business key; one TaskCreated and at most one TaskCompleted per task; " +
            $"{final.Tasks.Count} tasks, none duplicated per token; one join per instance; {final.Journals.Count} journals verify; " +
            $"{recovery.ResumedParents} parents resumed by reconciliation, {recovery.OverdueTimers} overdue timers fired after restart; all Completed.");
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private sealed class RecoveryTally
    {
        public int ResumedParents { get; private set; }
        public int OverdueTimers { get; private set; }

        public void Add(int resumed, int overdue)
        {
            ResumedParents += resumed;
            OverdueTimers += overdue;
        }
    }
}
