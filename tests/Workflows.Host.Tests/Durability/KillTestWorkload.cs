using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Workflows.Host.Tests.Durability;

/// <summary>
/// Concurrent clients: the owner starts instances; two clients per user complete whatever their
/// inbox shows, often the same task at the same moment (one must win, the other get 409). Every
/// answer goes into the ledger; a request cut off by the kill is recorded as in doubt.
/// </summary>
public sealed class KillTestWorkload(KillTestClient api, ClientLedger ledger, HostGate gate)
{
    public static readonly string[] Completers = ["owner", "expert", "legal", "reviewer", "leader"];

    /// <summary>Raised right after each successful completion of a child's task, on the client's thread.</summary>
    public event Action? ChildTaskCompleted;

    /// <summary>Raised after each successful start.</summary>
    public event Action? InstanceStarted;

    /// <summary>Starts <paramref name="keys"/>.Count instances, two at a time, each with its own business key.</summary>
    public Task StartInstancesAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var next = -1;
        return Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < keys.Count)
            {
                await StartAsync(keys[index], cancellationToken);
            }
        }));
    }

    /// <summary>Runs two completing clients per user until cancelled.</summary>
    public Task RunCompletersAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(Completers.SelectMany(user => new[] { user, user }).Select(user => Task.Run(() => CompleteLoopAsync(user, cancellationToken))));

    private async Task StartAsync(string businessKey, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        var body = new
        {
            definitionKey = KillTestProcedures.ParentKey,
            businessKey,
            variables = new { signers = KillTestProcedures.Signers, title = $"决策事项 {businessKey}" },
        };
        try
        {
            using var response = await api.SendAsync("owner", HttpMethod.Post, "/api/instances", JsonContent.Create(body), cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.StatusCode == HttpStatusCode.Created)
            {
                ledger.Started(businessKey, JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid());
                InstanceStarted?.Invoke();
            }
            else
            {
                ledger.Unexpected.Enqueue($"start {businessKey}: {(int)response.StatusCode} {text}");
            }
        }
        catch (Exception ex) when (IsCutOff(ex, cancellationToken))
        {
            ledger.StartsInDoubt[businessKey] = 0;
        }
    }

    private async Task CompleteLoopAsync(string user, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await gate.WaitAsync(cancellationToken);
                var task = await PickTaskAsync(user, cancellationToken);
                if (task is null)
                {
                    // An empty inbox: look again shortly (polling, not waiting for anything in particular).
                    await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
                    continue;
                }
                await CompleteAsync(user, task.Value, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task<JsonElement?> PickTaskAsync(string user, CancellationToken cancellationToken)
    {
        try
        {
            var tasks = (await api.GetJsonAsync(user, "/api/tasks?mine=true", cancellationToken)).EnumerateArray()
                .Where(t => t.GetProperty("definitionKey").GetString() is KillTestProcedures.ParentKey or KillTestProcedures.ChildKey)
                .Take(3)
                .ToList();
            // Both clients of a user choose among the same few tasks, so they often collide on one.
            return tasks.Count == 0 ? null : tasks[Random.Shared.Next(tasks.Count)];
        }
        catch (ApiStatusException ex)
        {
            ledger.Unexpected.Enqueue(ex.Message);
            return null;
        }
        catch (Exception ex) when (IsCutOff(ex, cancellationToken))
        {
            return null; // a read cut off by the kill changed nothing
        }
    }

    private async Task CompleteAsync(string user, JsonElement task, CancellationToken cancellationToken)
    {
        var taskId = task.GetProperty("id").GetGuid();
        var child = task.GetProperty("definitionKey").GetString() == KillTestProcedures.ChildKey;
        var body = new { outcome = "approve", comment = $"{user} 同意", variables = new Dictionary<string, object> { [$"by_{task.GetProperty("activityId").GetString()}_{user}"] = true } };
        try
        {
            using var response = await api.SendAsync(user, HttpMethod.Post, $"/api/tasks/{taskId}/complete", JsonContent.Create(body), cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            switch (response.StatusCode)
            {
                case HttpStatusCode.OK:
                    ledger.Completed(taskId, child);
                    if (child)
                    {
                        ChildTaskCompleted?.Invoke();
                    }
                    break;
                case HttpStatusCode.Conflict:
                    ledger.Conflict();
                    break;
                default:
                    ledger.Unexpected.Enqueue($"complete {taskId} as {user}: {(int)response.StatusCode} {text}");
                    break;
            }
        }
        catch (Exception ex) when (IsCutOff(ex, cancellationToken))
        {
            ledger.CompletionsInDoubt[taskId] = 0;
        }
    }

    /// <summary>A broken or refused connection, or a timeout: the host died under the request.</summary>
    private static bool IsCutOff(Exception ex, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested && ex is HttpRequestException or TaskCanceledException or IOException;
}
