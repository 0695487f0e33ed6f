namespace Workflows.Engine.Definitions;

public enum DefinitionStatus
{
    Draft,
    Published,
}

/// <summary>One stored version of a BPMN definition. The XML of a version never changes.</summary>
public sealed class WorkflowDefinition
{
    public Guid Id { get; set; }

    /// <summary>The id of the executable process in the file.</summary>
    public required string Key { get; set; }
    public int Version { get; set; }
    public string? Name { get; set; }
    public DefinitionStatus Status { get; set; }
    public required string Xml { get; set; }

    /// <summary>SHA-256 of the XML, to recognise a re-upload of the same file.</summary>
    public required string ContentHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public string? PublishedBy { get; set; }
}

public enum TriggerKind
{
    Message,
    Timer,
}

/// <summary>What starts instances of a published definition: message and timer start events.</summary>
public sealed class DefinitionTrigger
{
    public Guid Id { get; set; }
    public Guid DefinitionId { get; set; }
    public required string DefinitionKey { get; set; }
    public required string ActivityId { get; set; }
    public TriggerKind Kind { get; set; }
    public string? MessageName { get; set; }
}
