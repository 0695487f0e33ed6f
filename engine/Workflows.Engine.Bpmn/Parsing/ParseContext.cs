using Workflows.Engine.Bpmn.Model;

namespace Workflows.Engine.Bpmn.Parsing;

/// <summary>What the mapping, wiring and validation steps share while one file is parsed.</summary>
internal sealed class ParseContext(BpmnDocument document)
{
    public BpmnDocument Document { get; } = document;

    /// <summary>Activities marked isForCompensation: no sequence flow reaches them, by design.</summary>
    public HashSet<string> CompensationHandlers { get; } = new(StringComparer.Ordinal);

    public void Error(string elementId, string elementType, string message) =>
        Document.Issues.Add(new BpmnIssue(elementId, elementType, message));

    public void Warning(string elementId, string elementType, string message) =>
        Document.Issues.Add(new BpmnIssue(elementId, elementType, message, IssueSeverity.Warning));

    /// <summary>
    /// Resolves a <c>messageRef</c>. It is a QName in the schema, so a <c>tns:</c> style prefix
    /// is dropped when the whole value names no message.
    /// </summary>
    public string? ResolveMessageId(string? messageRef)
    {
        if (string.IsNullOrWhiteSpace(messageRef))
        {
            return null;
        }
        var reference = messageRef.Trim();
        if (Document.Messages.ContainsKey(reference))
        {
            return reference;
        }
        var colon = reference.IndexOf(':', StringComparison.Ordinal);
        var local = colon >= 0 ? reference[(colon + 1)..] : reference;
        return Document.Messages.ContainsKey(local) ? local : reference;
    }
}
