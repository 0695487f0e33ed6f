namespace Workflows.Host.Tests.Durability;

/// <summary>
/// Holds a snapshot against the ledger: nothing the clients were promised is missing, nothing
/// happened twice. Mid-run the counts are upper bounds; once everything has completed, exact.
/// </summary>
public static class DurabilityAudit
{
    public static IReadOnlyList<string> Check(SystemSnapshot snapshot, ClientLedger ledger, bool final)
    {
        var failures = new List<string>();
        CheckStarts(snapshot, ledger, failures);
        CheckCompletions(snapshot, ledger, failures);
        foreach (var parent in snapshot.Parents)
        {
            CheckParent(snapshot, parent, final, failures);
        }
        foreach (var child in snapshot.Children)
        {
            CheckChild(snapshot, child, final, failures);
        }
        foreach (var instance in snapshot.Instances)
        {
            if (instance.Status == "Faulted")
            {
                failures.Add($"instance {instance.Id} ({instance.BusinessKey}) faulted: {instance.Fault}");
            }
            if (snapshot.ChainProblems.TryGetValue(instance.Id, out var problem) && problem is not null)
            {
                failures.Add($"the journal of {instance.Id} does not verify: {problem}");
            }
        }
        failures.AddRange(ledger.Unexpected.Select(u => $"unexpected answer: {u}"));
        return failures;
    }

    /// <summary>Every 201 is an instance; no business key started twice; no instance nobody asked for.</summary>
    private static void CheckStarts(SystemSnapshot snapshot, ClientLedger ledger, List<string> failures)
    {
        var byKey = snapshot.Parents.ToLookup(p => p.BusinessKey ?? "");
        foreach (var (key, id) in ledger.StartedOk)
        {
            if (!snapshot.Parents.Any(p => p.Id == id && p.BusinessKey == key))
            {
                failures.Add($"start {key} answered 201 with {id}, but there is no such instance: a lost start");
            }
        }
        foreach (var group in byKey)
        {
            if (group.Count() > 1)
            {
                failures.Add($"business key {group.Key} has {group.Count()} instances: a start ran twice");
            }
            if (!ledger.StartedOk.ContainsKey(group.Key) && !ledger.StartsInDoubt.ContainsKey(group.Key))
            {
                failures.Add($"instance {group.First().Id} has business key {group.Key}, which no client started");
            }
        }
    }

    /// <summary>Every 200 is a completed task, completed once; no task answered 200 twice.</summary>
    private static void CheckCompletions(SystemSnapshot snapshot, ClientLedger ledger, List<string> failures)
    {
        var tasks = snapshot.Tasks.ToDictionary(t => t.Id);
        foreach (var (taskId, answers) in ledger.CompletedOk)
        {
            if (answers > 1)
            {
                failures.Add($"task {taskId} answered 200 to {answers} completions: a double completion");
            }
            if (!tasks.TryGetValue(taskId, out var task) || task.Status != "Completed")
            {
                failures.Add($"task {taskId} answered 200 but is {(task is null ? "missing" : task.Status)}: a lost completion");
            }
        }
        foreach (var task in snapshot.Tasks)
        {
            if (!snapshot.Journals.TryGetValue(task.InstanceId, out var journal))
            {
                continue;
            }
            var completions = journal.Count(e => e.Kind == "TaskCompleted" && e.DataText("taskId") == task.Id.ToString());
            var creations = journal.Count(e => e.Kind == "TaskCreated" && e.DataText("taskId") == task.Id.ToString());
            if (completions != (task.Status == "Completed" ? 1 : 0))
            {
                failures.Add($"task {task.Id} ({task.ActivityId}) is {task.Status} with {completions} TaskCompleted entries");
            }
            if (creations != 1)
            {
                failures.Add($"task {task.Id} ({task.ActivityId}) has {creations} TaskCreated entries");
            }
        }
    }

    private static void CheckParent(SystemSnapshot snapshot, InstanceRow parent, bool final, List<string> failures)
    {
        var name = $"instance {parent.Id} ({parent.BusinessKey})";
        var tasks = snapshot.Tasks.Where(t => t.InstanceId == parent.Id).ToList();
        foreach (var (activity, expected) in KillTestProcedures.ParentTasks)
        {
            var made = tasks.Where(t => t.ActivityId == activity).ToList();
            Count(failures, final, $"{name}: {activity} tasks", made.Count, expected);
            foreach (var twice in made.GroupBy(t => t.Assignee).Where(g => g.Count() > 1))
            {
                failures.Add($"{name}: {twice.Count()} {activity} tasks for {twice.Key ?? "the same candidates"}: a second task for one token");
            }
        }
        var children = snapshot.Children.Where(c => c.ParentId == parent.Id).ToList();
        Count(failures, final, $"{name}: called instances", children.Count, 1);
        if (final && parent.Status != "Completed")
        {
            failures.Add($"{name} is {parent.Status} at {string.Join(",", parent.Active)}, not Completed");
        }
        if (!snapshot.Journals.TryGetValue(parent.Id, out var journal))
        {
            return;
        }
        int Entries(string kind, string? activity) => journal.Count(e => e.Kind == kind && e.ActivityId == activity);
        Count(failures, final, $"{name}: InstanceStarted", Entries("InstanceStarted", "start"), 1);
        Count(failures, final, $"{name}: fork passed", Entries("GatewayPassed", "fork"), 1);
        Count(failures, final, $"{name}: timer fired", Entries("TimerFired", "wait"), 1);
        Count(failures, final, $"{name}: child started", Entries("CalledInstanceStarted", "consult"), 1);
        Count(failures, final, $"{name}: child resumed the parent", Entries("CalledInstanceCompleted", "consult"), 1);
        foreach (var branch in new[] { "consult", "legalReview", "countersign" })
        {
            // The multi-instance body completes once; its iterations carry a loopCounter.
            Count(failures, final, $"{name}: {branch} arrived at the join",
                journal.Count(e => e.Kind == "ActivityCompleted" && e.ActivityId == branch && !e.Data.TryGetProperty("loopCounter", out _)), 1);
        }
        Count(failures, final, $"{name}: join fired", Entries("GatewayJoined", "join"), 1);
        Count(failures, final, $"{name}: InstanceCompleted", Entries("InstanceCompleted", null), parent.Status == "Completed" ? 1 : 0);
    }

    private static void CheckChild(SystemSnapshot snapshot, InstanceRow child, bool final, List<string> failures)
    {
        var name = $"called instance {child.Id} of {child.ParentId}";
        if (child.ParentId is null || !snapshot.Parents.Any(p => p.Id == child.ParentId))
        {
            failures.Add($"{name} has no parent among the kill test's instances");
        }
        Count(failures, final, $"{name}: {KillTestProcedures.ChildTask} tasks", snapshot.Tasks.Count(t => t.InstanceId == child.Id), 1);
        if (final && child.Status != "Completed")
        {
            failures.Add($"{name} is {child.Status}, not Completed");
        }
    }

    /// <summary>Mid-run at most <paramref name="expected"/>; at the end exactly.</summary>
    private static void Count(List<string> failures, bool final, string what, int actual, int expected)
    {
        if (actual > expected || (final && actual != expected))
        {
            failures.Add($"{what}: {actual}, expected {(final ? "" : "at most ")}{expected}");
        }
    }
}
