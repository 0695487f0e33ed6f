// TEMPORARY: replaced by the parser branch at merge.
namespace Workflows.Engine.Bpmn.Parsing;

public sealed class BpmnParserOptions { public int MaxCharacters { get; init; } = 4 * 1024 * 1024; }
public static class BpmnParser { public static Model.BpmnDocument Parse(string xml, BpmnParserOptions? options = null) => throw new NotImplementedException(); }
public sealed class BpmnFormatException(string message) : Exception(message);
