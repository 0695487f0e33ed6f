using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Workflows.Host.Tests.Durability;

/// <summary>The public HTTP API as the demo users call it, against a host that may die at any moment.</summary>
public sealed class KillTestClient(Uri baseAddress) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    private readonly ConcurrentDictionary<string, string> _tokens = new();

    public int Requests => _requests;

    private int _requests;

    /// <summary>Signs each user in once; the bearer tokens are protected by keys in the database, so they outlive restarts.</summary>
    public async Task SignInAsync(IEnumerable<string> users)
    {
        foreach (var user in users)
        {
            var response = await _http.PostAsJsonAsync("/api/auth/token", new { userName = user, password = "Demo@12345" });
            response.EnsureSuccessStatusCode();
            _tokens[user] = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
        }
    }

    public Task<HttpResponseMessage> SendAsync(string user, HttpMethod method, string path, HttpContent? content = null, CancellationToken cancellationToken = default)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _tokens[user]);
        Interlocked.Increment(ref _requests);
        return _http.SendAsync(request, cancellationToken);
    }

    /// <summary>A read that must succeed (the host is up when it is called).</summary>
    public async Task<JsonElement> GetJsonAsync(string user, string path, CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(user, HttpMethod.Get, path, cancellationToken: cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new ApiStatusException($"GET {path} as {user} answered {(int)response.StatusCode}: {body}");
        }
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>The host answered, but not with a success.</summary>
public sealed class ApiStatusException(string message) : Exception(message);

/// <summary>Open while the host is up; the clients wait on it while the host is down.</summary>
public sealed class HostGate
{
    private volatile TaskCompletionSource _up = NewSource();

    public HostGate() => _up.SetResult();

    public void Close()
    {
        if (_up.Task.IsCompleted)
        {
            _up = NewSource();
        }
    }

    public void Open() => _up.TrySetResult();

    public Task WaitAsync(CancellationToken cancellationToken) => _up.Task.WaitAsync(cancellationToken);

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>
/// What the clients saw. A success (201, 200) is a promise the host made; a request that ended in a
/// broken connection is in doubt: it may or may not have committed, but never twice.
/// </summary>
public sealed class ClientLedger
{
    public ConcurrentDictionary<string, Guid> StartedOk { get; } = new();
    public ConcurrentDictionary<string, byte> StartsInDoubt { get; } = new();

    /// <summary>Every 200 for a completion, by task id: two for one task would be a double completion.</summary>
    public ConcurrentDictionary<Guid, int> CompletedOk { get; } = new();
    public ConcurrentDictionary<Guid, byte> CompletionsInDoubt { get; } = new();

    /// <summary>Anything but the answers the contract allows here (201, 200, 409).</summary>
    public ConcurrentQueue<string> Unexpected { get; } = new();

    public int Conflicts => _conflicts;
    public int ChildCompletions => _childCompletions;
    public DateTimeOffset LastStartOkAt => new(Interlocked.Read(ref _lastStartOkTicks), TimeSpan.Zero);

    private int _conflicts;
    private int _childCompletions;
    private long _lastStartOkTicks;

    public void Started(string businessKey, Guid id)
    {
        StartedOk[businessKey] = id;
        Interlocked.Exchange(ref _lastStartOkTicks, TimeProvider.System.GetUtcNow().UtcTicks);
    }

    public void Completed(Guid taskId, bool child)
    {
        CompletedOk.AddOrUpdate(taskId, 1, (_, n) => n + 1);
        if (child)
        {
            Interlocked.Increment(ref _childCompletions);
        }
    }

    public void Conflict() => Interlocked.Increment(ref _conflicts);
}
