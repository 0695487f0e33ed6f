using Microsoft.Extensions.Options;
using Workflows.Engine;
using Workflows.Engine.Instances;
using Workflows.Engine.Runtime;
using Workflows.Host.Components.Shared;

namespace Workflows.Host.Components.Monitor;

/// <summary>What the monitor searches by; days are the installation's local days, both ends included.</summary>
public sealed record MonitorFilter(string? DefinitionKey, InstanceStatus? Status, string? BusinessKey, DateOnly? From, DateOnly? To);

/// <summary>One instance in the monitor.</summary>
public sealed record MonitorRow(InstanceView Instance, string ProcedureName, string? Title);

/// <summary>
/// The admin's view of every instance and the engine's own commands on them: retry re-runs the
/// step that faulted, cancel ends the instance with a journalled reason.
/// </summary>
public sealed class InstanceMonitor(ScopedReads reads, IWorkflowRuntime runtime, IOptions<WorkflowEngineOptions> engine)
{
    public const int PageSize = 200;

    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(engine.Value.TimeZone);

    public Task<IReadOnlyDictionary<string, string>> ProceduresAsync(CancellationToken cancellationToken) =>
        reads.RunAsync(services => CaseLabels.ProcedureNamesAsync(services.GetRequiredService<IWorkflowQueries>(), cancellationToken));

    public Task<IReadOnlyList<MonitorRow>> SearchAsync(MonitorFilter filter, CancellationToken cancellationToken) =>
        reads.RunAsync<IReadOnlyList<MonitorRow>>(async services =>
        {
            var queries = services.GetRequiredService<IWorkflowQueries>();
            var instances = await queries.ListInstancesAsync(new InstanceFilter(
                string.IsNullOrWhiteSpace(filter.DefinitionKey) ? null : filter.DefinitionKey,
                filter.Status,
                string.IsNullOrWhiteSpace(filter.BusinessKey) ? null : filter.BusinessKey.Trim(),
                Take: PageSize,
                StartedFrom: filter.From is { } from ? StartOf(from) : null,
                StartedBefore: filter.To is { } to ? StartOf(to.AddDays(1)) : null), cancellationToken);
            var names = await CaseLabels.ProcedureNamesAsync(queries, cancellationToken);
            return [.. instances.Select(i => new MonitorRow(i, names.GetValueOrDefault(i.DefinitionKey) ?? i.DefinitionKey, CaseLabels.Title(i.Variables)))];
        });

    /// <exception cref="WorkflowException">The engine refused (not faulted any more, gone) or the step faulted again.</exception>
    public Task RetryAsync(Guid instanceId, WorkflowActor actor) => runtime.RetryAsync(instanceId, actor);

    public Task CancelAsync(Guid instanceId, string reason, WorkflowActor actor) => runtime.CancelAsync(instanceId, reason, actor);

    public Task<InstanceView?> FindAsync(Guid instanceId) =>
        reads.RunAsync(services => services.GetRequiredService<IWorkflowQueries>().GetInstanceAsync(instanceId));

    private DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, _zone.GetUtcOffset(local));
    }
}
