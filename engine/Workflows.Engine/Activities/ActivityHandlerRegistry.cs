namespace Workflows.Engine.Activities;

/// <summary>The installed activity handlers by their <c>fz:type</c> key (case-insensitive).</summary>
public sealed class ActivityHandlerRegistry(IEnumerable<IActivityHandler> handlers)
{
    private readonly Dictionary<string, IActivityHandler> _byType =
        handlers.ToDictionary(h => h.Type, StringComparer.OrdinalIgnoreCase);

    public IActivityHandler? Find(string type) => _byType.GetValueOrDefault(type);

    public IReadOnlyCollection<string> Types => _byType.Keys;
}
