using System.Security;
using System.Text.Json.Nodes;
using Workflows.Engine.Activities;
using Workflows.Engine.Bpmn.Model;
using Workflows.Engine.Definitions;
using Workflows.Engine.Runtime;
using Workflows.Host.Components.Shared;

namespace Workflows.Host.Components.Designer;

/// <summary>One finding of the engine's checks, as the designer lists it.</summary>
public sealed record DesignerProblem(string ElementId, string? ElementType, string Message, bool IsError);

/// <summary>
/// What the designer page asks of the engine: the same checks, storage and versioning as
/// <c>/api/definitions</c> (the engine's own commands), plus the activity types and guards installed.
/// </summary>
public sealed class DesignerWorkbench(ScopedReads reads, IWorkflowRuntime runtime, ActivityHandlerRegistry activities, UserTaskGuardRegistry guards)
{
    public IReadOnlyList<string> ActivityTypes { get; } = [.. activities.Types.Order(StringComparer.Ordinal)];

    public IReadOnlyList<string> GuardKeys { get; } = [.. guards.Keys.Order(StringComparer.Ordinal)];

    public Task<IReadOnlyList<DefinitionView>> VersionsAsync(string key, CancellationToken cancellationToken) =>
        reads.RunAsync<IReadOnlyList<DefinitionView>>(async services =>
            [.. (await services.GetRequiredService<IWorkflowQueries>().ListDefinitionsAsync(key, cancellationToken)).OrderByDescending(d => d.Version)]);

    /// <summary>The newest version of every procedure, for the picker.</summary>
    public Task<IReadOnlyList<DefinitionView>> ProceduresAsync(CancellationToken cancellationToken) =>
        reads.RunAsync<IReadOnlyList<DefinitionView>>(async services =>
            [.. (await services.GetRequiredService<IWorkflowQueries>().ListDefinitionsAsync(cancellationToken: cancellationToken))
                .GroupBy(d => d.Key, StringComparer.Ordinal)
                .Select(g => g.OrderByDescending(d => d.Version).First())
                .OrderBy(d => d.Name ?? d.Key, StringComparer.CurrentCulture)]);

    public Task<WorkflowDefinition?> FindAsync(string key, int? version, CancellationToken cancellationToken) =>
        reads.RunAsync(services => services.GetRequiredService<IWorkflowQueries>().FindDefinitionAsync(key, version, cancellationToken));

    /// <exception cref="WorkflowValidationException">The file is not BPMN or has no single executable process.</exception>
    public (string Key, IReadOnlyList<DesignerProblem> Problems) Validate(string xml)
    {
        var check = runtime.ValidateDefinition(xml);
        return (check.Key, [.. check.Issues.Select(ToProblem)]);
    }

    /// <exception cref="WorkflowValidationException">Publishing was refused; its errors name the elements.</exception>
    public async Task<(WorkflowDefinition Definition, IReadOnlyList<DesignerProblem> Problems)> SaveAsync(
        string xml, bool publish, WorkflowActor actor, CancellationToken cancellationToken)
    {
        var result = await runtime.SaveDefinitionAsync(xml, publish, actor, cancellationToken);
        return (result.Definition, [.. result.Issues.Select(ToProblem)]);
    }

    /// <summary>A test case on exactly this version, draft or published (admins may start drafts).</summary>
    public async Task<Guid> StartTestAsync(string key, int version, string title, WorkflowActor actor, CancellationToken cancellationToken)
    {
        var variables = new JsonObject { [CaseLabels.TitleVariable] = title };
        var instance = await runtime.StartAsync(new StartInstance(key, null, variables, version), actor, cancellationToken);
        return instance.Id;
    }

    public async Task<IReadOnlyList<DefinitionChange>?> DiffAsync(string key, int olderVersion, int newerVersion, CancellationToken cancellationToken)
    {
        var older = await FindAsync(key, olderVersion, cancellationToken);
        var newer = await FindAsync(key, newerVersion, cancellationToken);
        return older is null || newer is null ? null : DefinitionDiff.Compare(older.Xml, newer.Xml);
    }

    public static IReadOnlyList<DesignerProblem> FromErrors(WorkflowValidationException exception) =>
        [.. exception.Errors.Select(e => new DesignerProblem(e.Target, e.ElementType, e.Message, true))];

    private static DesignerProblem ToProblem(BpmnIssue issue) =>
        new(issue.ElementId, issue.ElementType, issue.Message, issue.Severity == IssueSeverity.Error);

    /// <summary>An empty executable process with a start event, laid out, under a fresh key.</summary>
    public static string NewDiagram(string name)
    {
        var key = "procedure-" + Guid.NewGuid().ToString("N")[..8];
        return $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
                              xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:fz="urn:fazhi:bpmn:1.0"
                              id="Definitions_{key}" targetNamespace="urn:fazhi:procedures">
              <bpmn:process id="{key}" name="{SecurityElement.Escape(name)}" isExecutable="true">
                <bpmn:startEvent id="StartEvent_1" />
              </bpmn:process>
              <bpmndi:BPMNDiagram id="BPMNDiagram_1">
                <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="{key}">
                  <bpmndi:BPMNShape id="StartEvent_1_di" bpmnElement="StartEvent_1">
                    <dc:Bounds x="152" y="102" width="36" height="36" />
                  </bpmndi:BPMNShape>
                </bpmndi:BPMNPlane>
              </bpmndi:BPMNDiagram>
            </bpmn:definitions>
            """;
    }
}

/// <summary>The selected element as the modeler describes it (or the process when nothing is selected).</summary>
public sealed class DesignerElement
{
    public string? Id { get; set; }
    public string? ProcessKey { get; set; }
    public string? ProcessName { get; set; }
    public string Type { get; set; } = "";
    public string Name { get; set; } = "";
    public Dictionary<string, string> Attributes { get; set; } = [];
    public string Condition { get; set; } = "";
    public List<LadderRungModel> Ladder { get; set; } = [];
    public List<FormFieldModel> Form { get; set; } = [];
}

/// <summary>One rung of fz:ladder: remind, notify or escalate n working days before or after the due date.</summary>
public sealed class LadderRungModel
{
    public string Action { get; set; } = "remind";
    public string When { get; set; } = "before";
    public int Days { get; set; } = 1;
    public string To { get; set; } = "";
}

/// <summary>One fz:field of a step's form.</summary>
public sealed class FormFieldModel
{
    public string Name { get; set; } = "";
    public string Label { get; set; } = "";
    public string Type { get; set; } = "text";
    public bool Required { get; set; }
    public string Options { get; set; } = "";

    /// <summary>Kept as the file has them (with <see cref="Help"/> and <see cref="Max"/>), so changing another field in the designer does not drop them.</summary>
    public string MaxLength { get; set; } = "";

    public string Help { get; set; } = "";

    /// <summary><c>today</c> on a date that cannot lie in the future.</summary>
    public string Max { get; set; } = "";
}
