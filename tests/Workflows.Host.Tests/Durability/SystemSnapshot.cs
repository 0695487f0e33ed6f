using System.Text.Json;

namespace Workflows.Host.Tests.Durability;

public sealed record InstanceRow(Guid Id, string? BusinessKey, string Status, IReadOnlyList<string> Active, Guid? ParentId, DateTimeOffset StartedAt, string? Fault);

public sealed record TaskRow(Guid Id, Guid InstanceId, string ActivityId, string? Assignee, string Status);

public sealed record JournalRow(long Sequence, string Kind, string? ActivityId, DateTimeOffset At, JsonElement Data)
{
    public string? DataText(string name) =>
        Data.ValueKind == JsonValueKind.Object && Data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

/// <summary>Everything the admin can read through the API about the kill test's instances, at one moment.</summary>
public sealed class SystemSnapshot
{
    public required IReadOnlyList<InstanceRow> Parents { get; init; }
    public required IReadOnlyList<InstanceRow> Children { get; init; }
    public required IReadOnlyList<TaskRow> Tasks { get; init; }
    public required IReadOnlyDictionary<Guid, IReadOnlyList<JournalRow>> Journals { get; init; }

    /// <summary>Instance id → null when its hash chain verifies, else the reason it does not.</summary>
    public required IReadOnlyDictionary<Guid, string?> ChainProblems { get; init; }

    public IEnumerable<InstanceRow> Instances => Parents.Concat(Children);

    public static async Task<SystemSnapshot> TakeAsync(KillTestClient api, bool withJournals = true)
    {
        var parents = await InstancesAsync(api, KillTestProcedures.ParentKey);
        var children = await InstancesAsync(api, KillTestProcedures.ChildKey);
        var tasks = new List<TaskRow>();
        foreach (var status in new[] { "Open", "Completed", "Cancelled" })
        {
            var rows = await api.GetJsonAsync("admin", $"/api/tasks?status={status}");
            tasks.AddRange(rows.EnumerateArray()
                .Where(t => t.GetProperty("definitionKey").GetString() is KillTestProcedures.ParentKey or KillTestProcedures.ChildKey)
                .Select(t => new TaskRow(
                    t.GetProperty("id").GetGuid(), t.GetProperty("instanceId").GetGuid(), t.GetProperty("activityId").GetString()!,
                    t.GetProperty("assignee").GetString(), t.GetProperty("status").GetString()!)));
        }
        var journals = new Dictionary<Guid, IReadOnlyList<JournalRow>>();
        var chains = new Dictionary<Guid, string?>();
        if (withJournals)
        {
            // A few at a time: the host is also serving the clients.
            using var throttle = new SemaphoreSlim(4);
            await Task.WhenAll(parents.Concat(children).Select(async instance =>
            {
                await throttle.WaitAsync();
                try
                {
                    var (journal, problem) = await JournalAsync(api, instance.Id);
                    lock (journals)
                    {
                        journals[instance.Id] = journal;
                        chains[instance.Id] = problem;
                    }
                }
                finally
                {
                    throttle.Release();
                }
            }));
        }
        return new SystemSnapshot { Parents = parents, Children = children, Tasks = tasks, Journals = journals, ChainProblems = chains };
    }

    public static async Task<InstanceRow> InstanceAsync(KillTestClient api, Guid id) =>
        ToInstance(await api.GetJsonAsync("admin", $"/api/instances/{id}"));

    public static async Task<(IReadOnlyList<JournalRow> Journal, string? ChainProblem)> JournalAsync(KillTestClient api, Guid instanceId)
    {
        // Verify first: the instance may move on meanwhile, so the history read after it holds at least as many entries.
        var verification = await api.GetJsonAsync("admin", $"/api/instances/{instanceId}/history/verify");
        var history = await api.GetJsonAsync("admin", $"/api/instances/{instanceId}/history");
        var journal = history.EnumerateArray().Select(h => new JournalRow(
            h.GetProperty("sequence").GetInt64(), h.GetProperty("kind").GetString()!, h.GetProperty("activityId").GetString(),
            h.GetProperty("at").GetDateTimeOffset(), h.GetProperty("data").Clone())).ToList();
        var problem = verification.GetProperty("valid").GetBoolean()
            ? null
            : $"broken at {verification.GetProperty("firstBrokenSequence")}: {verification.GetProperty("reason")}";
        if (problem is null && verification.GetProperty("entries").GetInt32() > journal.Count)
        {
            problem = $"verify counted {verification.GetProperty("entries").GetInt32()} entries, the history read after it only {journal.Count}";
        }
        return (journal, problem);
    }

    private static async Task<List<InstanceRow>> InstancesAsync(KillTestClient api, string definitionKey)
    {
        var rows = await api.GetJsonAsync("admin", $"/api/instances?definitionKey={definitionKey}&take=500");
        return [.. rows.EnumerateArray().Select(ToInstance)];
    }

    private static InstanceRow ToInstance(JsonElement i) => new(
        i.GetProperty("id").GetGuid(),
        i.GetProperty("businessKey").GetString(),
        i.GetProperty("status").GetString()!,
        [.. i.GetProperty("activeActivityIds").EnumerateArray().Select(a => a.GetString()!)],
        i.GetProperty("parentInstanceId").ValueKind == JsonValueKind.Null ? null : i.GetProperty("parentInstanceId").GetGuid(),
        i.GetProperty("startedAt").GetDateTimeOffset(),
        i.GetProperty("faultMessage").GetString());
}
