namespace Workflows.Host.Components.Shared;

/// <summary>
/// A circuit keeps one DI scope for as long as the browser tab is open, and several components of a
/// page load at once; a DbContext must neither live that long nor be shared. Each read therefore runs
/// in a scope of its own, with its own engine queries and database context.
/// </summary>
public sealed class ScopedReads(IServiceScopeFactory scopes)
{
    public async Task<T> RunAsync<T>(Func<IServiceProvider, Task<T>> read)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await read(scope.ServiceProvider);
    }
}
