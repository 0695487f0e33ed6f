using Microsoft.Extensions.DependencyInjection;

namespace Workflows.Engine.Outbox;

/// <summary>Which outbox message types have a handler installed: work nobody would run is not queued.</summary>
/// <remarks>Handlers are looked up on first use: some of them depend on the runtime, which depends on this.</remarks>
public sealed class OutboxRoutes(IServiceProvider services)
{
    private readonly Lazy<HashSet<string>> _types = new(() => [.. services.GetServices<IOutboxHandler>().Select(h => h.Type)]);

    public bool Handles(string type) => _types.Value.Contains(type);
}
