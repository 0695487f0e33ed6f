namespace Workflows.Engine.Bpmn.Model;

public sealed class SequenceFlow : FlowElement
{
    public required string SourceRef { get; init; }
    public required string TargetRef { get; init; }
    public FlowNode Source { get; set; } = null!;
    public FlowNode Target { get; set; } = null!;

    /// <summary>
    /// The JavaScript condition as written, with a Camunda-style <c>${...}</c> wrapper removed;
    /// null when the flow is unconditional.
    /// </summary>
    public string? Condition { get; init; }

    public bool IsDefault => Source?.DefaultFlow == this;
}
