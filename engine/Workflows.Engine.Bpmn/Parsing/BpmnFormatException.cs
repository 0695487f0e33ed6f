namespace Workflows.Engine.Bpmn.Parsing;

/// <summary>
/// The text cannot be read as a BPMN 2.0 file at all: not well-formed XML, a DTD, too large, or a
/// root other than <c>bpmn:definitions</c>. Problems inside a readable file are
/// <see cref="Model.BpmnIssue"/>s instead, so the file can still be stored as a draft.
/// </summary>
public sealed class BpmnFormatException : Exception
{
    public BpmnFormatException(string message, int? lineNumber = null, int? linePosition = null, Exception? innerException = null)
        : base(message, innerException)
    {
        LineNumber = lineNumber;
        LinePosition = linePosition;
    }

    public int? LineNumber { get; }
    public int? LinePosition { get; }
}
