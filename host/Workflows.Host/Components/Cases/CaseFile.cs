using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Workflows.Activities.Documents;
using Workflows.Engine.Bpmn.Model;
using Workflows.Engine.Definitions;
using Workflows.Engine.Persistence;
using Workflows.Engine.Runtime;
using Workflows.Engine.Runtime.Execution;
using Workflows.Engine.Tasks;
using Workflows.Host.Accounts;
using Workflows.Host.Components.Shared;
using Workflows.Host.Infrastructure;
using Workflows.Host.Resources;

namespace Workflows.Host.Components.Cases;

/// <summary>A diagram marker: the CSS class bpmn-js puts on the element's SVG group.</summary>
public sealed record DiagramMarker(string Id, string Marker);

/// <summary>An open task of the case, whoever holds it.</summary>
public sealed record CaseTask(Guid Id, string ActivityId, string? Name, string? Assignee, IReadOnlyList<string> CandidateGroups, DateTimeOffset? DueAt, bool Overdue, HumanTaskKind Kind);

public sealed record CaseDetail(
    InstanceView Instance,
    string ProcedureName,
    string? Title,
    string? DiagramXml,
    ProcessModel? Model,
    IReadOnlyList<HistoryEntryView> History,
    JournalVerification? Verification,
    IReadOnlyList<CaseTask> OpenTasks,
    IReadOnlyList<StoredDocument> Documents,
    IReadOnlyList<DiagramMarker> Markers,
    ParticipantNames Names)
{
    /// <summary>The name of a step of this case's process, or its id.</summary>
    public string StepName(string? activityId) =>
        activityId is null ? "" : Model?.NodesById.GetValueOrDefault(activityId)?.Name is { Length: > 0 } name ? name : activityId;
}

/// <summary>The case page's reads: the instance, its process model, journal, open tasks and documents.</summary>
public sealed class CaseFile(ScopedReads reads, DefinitionCache definitions, DocumentStore documents, UiTime time, IStringLocalizer<UiText> text)
{
    public const string DoneMarker = "fz-done";
    public const string CurrentMarker = "fz-current";
    public const string OverdueMarker = "fz-overdue";

    /// <summary>Null when the instance does not exist or the actor may not see it.</summary>
    public Task<CaseDetail?> FindAsync(Guid instanceId, WorkflowActor actor, CancellationToken cancellationToken) =>
        reads.RunAsync(async services =>
        {
            var access = services.GetRequiredService<InstanceAccess>();
            if (await access.FindInstanceAsync(instanceId, actor, cancellationToken) is not { } instance)
            {
                return null;
            }
            var queries = services.GetRequiredService<IWorkflowQueries>();
            var db = services.GetRequiredService<WorkflowDbContext>();
            var definition = await queries.FindDefinitionAsync(instance.DefinitionKey, instance.Version, cancellationToken);
            var model = definition is null ? null : definitions.Model(definition);
            var history = await queries.GetHistoryAsync(instanceId, cancellationToken);
            var verification = await queries.VerifyJournalAsync(instanceId, cancellationToken);
            // Every open task of the case, not only the viewer's: the diagram marks overdue steps whoever holds them.
            var tasks = await db.Tasks.AsNoTracking()
                .Where(t => t.InstanceId == instanceId && t.Status == UserTaskStatus.Open)
                .ToListAsync(cancellationToken);
            var now = time.Now;
            var open = tasks
                .OrderBy(t => t.CreatedAt)
                .Select(t => new CaseTask(t.Id, t.ActivityId, t.Name, t.Assignee, t.CandidateGroupList, t.DueAt,
                    t.DueAt is { } due && due <= now && t.ClockPausedAt is null, t.Kind))
                .ToList();
            var procedures = await CaseLabels.ProcedureNamesAsync(queries, cancellationToken);
            return new CaseDetail(
                instance,
                procedures.GetValueOrDefault(instance.DefinitionKey) ?? instance.DefinitionKey,
                CaseLabels.Title(instance.Variables),
                definition?.Xml,
                model,
                history,
                verification,
                open,
                await documents.ListAsync(instanceId, subject: null, cancellationToken),
                Markers(instance, history, open),
                await ParticipantNames.LoadAsync(services.GetRequiredService<AccountsDbContext>(), text, cancellationToken));
        });

    /// <summary>Journal kinds that mean the element is behind the token: activities complete, events and gateways are passed.</summary>
    private static readonly HashSet<string> DoneKinds = new(StringComparer.Ordinal)
    {
        JournalKinds.ActivityCompleted, JournalKinds.EventReached, JournalKinds.GatewayPassed, JournalKinds.GatewayJoined,
    };

    /// <summary>
    /// Done = completed (or, for events and gateways, passed) in the journal and not active now; current = where a token waits; overdue =
    /// an open step past its due date. One marker per element, the most urgent one.
    /// </summary>
    public static IReadOnlyList<DiagramMarker> Markers(InstanceView instance, IEnumerable<HistoryEntryView> history, IEnumerable<CaseTask> open)
    {
        var overdue = open.Where(t => t.Overdue && t.Kind == HumanTaskKind.Step).Select(t => t.ActivityId).ToHashSet(StringComparer.Ordinal);
        var current = instance.ActiveActivityIds.Where(id => !overdue.Contains(id)).ToHashSet(StringComparer.Ordinal);
        var done = history
            .Where(e => DoneKinds.Contains(e.Kind) && e.ActivityId is not null)
            .Select(e => e.ActivityId!)
            .Where(id => !overdue.Contains(id) && !current.Contains(id))
            .ToHashSet(StringComparer.Ordinal);
        return [
            .. done.Select(id => new DiagramMarker(id, DoneMarker)),
            .. current.Select(id => new DiagramMarker(id, CurrentMarker)),
            .. overdue.Select(id => new DiagramMarker(id, OverdueMarker)),
        ];
    }
}
