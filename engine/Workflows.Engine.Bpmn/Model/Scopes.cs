namespace Workflows.Engine.Bpmn.Model;

/// <summary>A container of flow nodes: a process or an embedded sub-process.</summary>
public interface IFlowScope
{
    string Id { get; }
    IReadOnlyList<FlowNode> Children { get; }

    /// <summary>Sequence flows declared directly in this scope.</summary>
    IReadOnlyList<SequenceFlow> Flows { get; }
}

public sealed class ProcessModel : IFlowScope
{
    public required string Id { get; init; }
    public string? Name { get; init; }
    public bool IsExecutable { get; init; }
    public List<FlowNode> Children { get; } = [];
    public List<SequenceFlow> Flows { get; } = [];
    IReadOnlyList<FlowNode> IFlowScope.Children => Children;
    IReadOnlyList<SequenceFlow> IFlowScope.Flows => Flows;

    /// <summary>Every node of the process, nested ones included, by id.</summary>
    public Dictionary<string, FlowNode> NodesById { get; } = new(StringComparer.Ordinal);

    /// <summary>Every sequence flow of the process, nested ones included, by id.</summary>
    public Dictionary<string, SequenceFlow> FlowsById { get; } = new(StringComparer.Ordinal);

    public IEnumerable<StartEvent> StartEvents => Children.OfType<StartEvent>();

    /// <summary>The start event an instance started without a trigger begins at.</summary>
    public StartEvent? NoneStartEvent => StartEvents.FirstOrDefault(s => s.Trigger is null);

    public FlowNode Node(string id) =>
        NodesById.TryGetValue(id, out var node) ? node : throw new KeyNotFoundException($"Process '{Id}' has no element '{id}'.");
}

public sealed class BpmnDocument
{
    public required string Xml { get; init; }
    public string? TargetNamespace { get; init; }
    public List<ProcessModel> Processes { get; } = [];

    /// <summary>Message ids to message names (<c>bpmn:message</c>).</summary>
    public Dictionary<string, string> Messages { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The process the definition executes: the single process marked executable, or the only
    /// process of the file; null when the file has none or several candidates (see <see cref="Issues"/>).
    /// </summary>
    public ProcessModel? MainProcess { get; set; }

    /// <summary>Parse and validation findings; any <see cref="IssueSeverity.Error"/> blocks publishing.</summary>
    public List<BpmnIssue> Issues { get; } = [];

    public bool CanPublish => MainProcess is not null && Issues.All(i => i.Severity != IssueSeverity.Error);
}
