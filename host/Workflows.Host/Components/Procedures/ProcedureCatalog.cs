using System.Text.Json.Nodes;
using Workflows.Engine.Definitions;
using Workflows.Engine.Instances;
using Workflows.Engine.Runtime;
using Workflows.Host.Components.Shared;
using Workflows.Host.Infrastructure;

namespace Workflows.Host.Components.Procedures;

/// <summary>
/// A published procedure that a person can start by hand (it has a none start event); <paramref name="RegisterPage"/>
/// is set when its register starts it instead (see <see cref="Instances.RegisterStarts"/>).
/// </summary>
public sealed record StartableProcedure(string Key, int Version, string Name, string? RegisterPage = null);

/// <summary>A case in the list of cases.</summary>
public sealed record CaseRow(InstanceView Instance, string ProcedureName, string? Title);

/// <summary>Starting procedures and listing the cases a person may see.</summary>
public sealed class ProcedureCatalog(ScopedReads reads, DefinitionCache definitions, IWorkflowRuntime runtime)
{
    public Task<IReadOnlyList<StartableProcedure>> StartableAsync(CancellationToken cancellationToken) =>
        reads.RunAsync<IReadOnlyList<StartableProcedure>>(async services =>
        {
            var queries = services.GetRequiredService<IWorkflowQueries>();
            var published = (await queries.ListDefinitionsAsync(cancellationToken: cancellationToken))
                .Where(d => d.Status == DefinitionStatus.Published)
                .GroupBy(d => d.Key, StringComparer.Ordinal)
                .Select(g => g.OrderByDescending(d => d.Version).First());
            var startable = new List<StartableProcedure>();
            foreach (var view in published)
            {
                var definition = await queries.FindDefinitionAsync(view.Key, view.Version, cancellationToken);
                // Procedures started only by a message or a timer (recurring duties) are not offered.
                if (definition is not null && definitions.Model(definition).NoneStartEvent is not null
                    && Instances.RegisterStarts.For(view.Key) is not { Page: null })
                {
                    startable.Add(new StartableProcedure(view.Key, view.Version, view.Name is { Length: > 0 } name ? name : view.Key,
                        Instances.RegisterStarts.For(view.Key)?.Page));
                }
            }
            return [.. startable.OrderBy(p => p.Name, StringComparer.CurrentCulture)];
        });

    /// <exception cref="WorkflowException">The engine refused the start; its errors name the field.</exception>
    public async Task<Guid> StartAsync(string key, string? businessKey, string? title, WorkflowActor actor, CancellationToken cancellationToken)
    {
        if (Instances.RegisterStarts.For(key) is { } register)
        {
            var message = $"「{key}」由登记簿发起（{register.Page ?? register.Api}），登记簿同时建立各环节要核对的记录。";
            throw new WorkflowValidationException(message, [new ValidationError("definitionKey", message)]);
        }
        var variables = new JsonObject();
        if (!string.IsNullOrWhiteSpace(title))
        {
            variables[CaseLabels.TitleVariable] = title.Trim();
        }
        var instance = await runtime.StartAsync(
            new StartInstance(key, string.IsNullOrWhiteSpace(businessKey) ? null : businessKey.Trim(), variables), actor, cancellationToken);
        return instance.Id;
    }

    public Task<IReadOnlyList<CaseRow>> CasesAsync(InstanceStatus? status, WorkflowActor actor, CancellationToken cancellationToken) =>
        reads.RunAsync<IReadOnlyList<CaseRow>>(async services =>
        {
            var access = services.GetRequiredService<InstanceAccess>();
            var queries = services.GetRequiredService<IWorkflowQueries>();
            var instances = await access.ListInstancesAsync(new InstanceFilter(Status: status, Take: 200), actor, cancellationToken);
            var names = await CaseLabels.ProcedureNamesAsync(queries, cancellationToken);
            return [.. instances.Select(i => new CaseRow(i, names.GetValueOrDefault(i.DefinitionKey) ?? i.DefinitionKey, CaseLabels.Title(i.Variables)))];
        });
}
