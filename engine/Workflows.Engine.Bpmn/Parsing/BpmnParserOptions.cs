namespace Workflows.Engine.Bpmn.Parsing;

public sealed class BpmnParserOptions
{
    /// <summary>The largest file accepted, in characters; guards the host against oversized uploads.</summary>
    public int MaxCharacters { get; init; } = 4 * 1024 * 1024;
}
