using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Workflows.Engine.Bpmn.Model;
using Workflows.Engine.Bpmn.Parsing;
using Workflows.Engine.Persistence;

namespace Workflows.Engine.Definitions;

/// <summary>
/// Parsed process models by definition id. A stored version's XML never changes, so a model
/// parsed once stays valid for the life of the process.
/// </summary>
public sealed class DefinitionCache
{
    private readonly ConcurrentDictionary<Guid, ProcessModel> _models = new();

    public ProcessModel Model(WorkflowDefinition definition) =>
        _models.GetOrAdd(definition.Id, static (_, xml) =>
            BpmnParser.Parse(xml, new BpmnParserOptions { MaxCharacters = int.MaxValue }).MainProcess
                ?? throw new InvalidOperationException("A stored definition has no executable process."),
            definition.Xml);

    /// <summary>
    /// The model of a stored version, reading its row (and XML) only the first time: every step
    /// loads its instance's model, and the row never changes once stored.
    /// </summary>
    public async Task<ProcessModel> ModelAsync(WorkflowDbContext db, Guid definitionId, CancellationToken cancellationToken) =>
        _models.TryGetValue(definitionId, out var model)
            ? model
            : Model(await db.Definitions.AsNoTracking().SingleAsync(d => d.Id == definitionId, cancellationToken));

    public Task<WorkflowDefinition?> LatestPublishedAsync(WorkflowDbContext db, string key, CancellationToken cancellationToken) =>
        StepQueries.For(db).LatestPublished(db, key, cancellationToken);
}
