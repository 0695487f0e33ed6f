using Microsoft.EntityFrameworkCore;
using Workflows.Engine;
using Workflows.Engine.Persistence;
using Workflows.Engine.Runtime;

namespace Workflows.Host.Components.Shared;

/// <summary>What lists show beside an id: the procedure's name and each case's title (its <c>title</c> variable).</summary>
public static class CaseLabels
{
    public const string TitleVariable = "title";

    /// <summary>Procedure key to the name of its newest version (the key when it has none).</summary>
    public static async Task<IReadOnlyDictionary<string, string>> ProcedureNamesAsync(IWorkflowQueries queries, CancellationToken cancellationToken)
    {
        var definitions = await queries.ListDefinitionsAsync(cancellationToken: cancellationToken);
        return definitions
            .GroupBy(d => d.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(d => d.Version).First().Name is { Length: > 0 } name ? name : g.Key, StringComparer.Ordinal);
    }

    public static async Task<IReadOnlyDictionary<Guid, string?>> TitlesAsync(WorkflowDbContext db, IEnumerable<Guid> instanceIds, CancellationToken cancellationToken)
    {
        var ids = instanceIds.Distinct().ToList();
        var rows = await db.Instances.AsNoTracking()
            .Where(i => ids.Contains(i.Id))
            .Select(i => new { i.Id, i.Variables })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id, r => Title(EngineJson.ParseObject(r.Variables)));
    }

    public static string? Title(System.Text.Json.Nodes.JsonObject variables) =>
        variables[TitleVariable] is System.Text.Json.Nodes.JsonValue value && value.TryGetValue<string>(out var title) && !string.IsNullOrWhiteSpace(title)
            ? title
            : null;
}
