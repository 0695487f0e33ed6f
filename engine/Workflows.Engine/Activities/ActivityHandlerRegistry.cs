namespace Workflows.Engine.Activities;

/// <summary>The installed activity handlers by their <c>fz:type</c> key (case-insensitive).</summary>
public sealed class ActivityHandlerRegistry(IEnumerable<IActivityHandler> handlers)
{
    private readonly Dictionary<string, IActivityHandler> _byType =
        handlers.ToDictionary(h => h.Type, StringComparer.OrdinalIgnoreCase);

    public IActivityHandler? Find(string type) => _byType.GetValueOrDefault(type);

    public IReadOnlyCollection<string> Types => _byType.Keys;
}

/// <summary>The installed user-task guards by their <c>fz:guard</c> key (case-insensitive).</summary>
public sealed class UserTaskGuardRegistry(IEnumerable<IUserTaskGuard> guards)
{
    private readonly Dictionary<string, IUserTaskGuard> _byKey = guards.ToDictionary(g => g.Key, StringComparer.OrdinalIgnoreCase);

    public IUserTaskGuard? Find(string key) => _byKey.GetValueOrDefault(key);

    public IReadOnlyCollection<string> Keys => _byKey.Keys;
}
