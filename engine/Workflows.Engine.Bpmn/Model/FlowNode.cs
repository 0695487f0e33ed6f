namespace Workflows.Engine.Bpmn.Model;

/// <summary>A node of the process graph: events, activities, gateways.</summary>
public abstract class FlowNode : FlowElement
{
    public List<SequenceFlow> Incoming { get; } = [];
    public List<SequenceFlow> Outgoing { get; } = [];

    /// <summary>The process or embedded sub-process that directly contains this node.</summary>
    public IFlowScope Scope { get; set; } = null!;

    /// <summary>The flow named by the <c>default</c> attribute (gateways and activities).</summary>
    public SequenceFlow? DefaultFlow { get; set; }
}

/// <summary>A node whose element type the engine cannot execute; kept so the diagram round-trips.</summary>
public sealed class UnsupportedNode : FlowNode;

public enum IssueSeverity
{
    /// <summary>The file can be stored as a draft, but not published.</summary>
    Error,
    Warning,
}

/// <summary>A problem the parser or validator found, naming the BPMN element at fault.</summary>
public sealed record BpmnIssue(string ElementId, string ElementType, string Message, IssueSeverity Severity = IssueSeverity.Error);
