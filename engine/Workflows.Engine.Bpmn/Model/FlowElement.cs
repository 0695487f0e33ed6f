using System.Xml.Linq;

namespace Workflows.Engine.Bpmn.Model;

/// <summary>Anything with an id inside a process: nodes and sequence flows.</summary>
public abstract class FlowElement
{
    public required string Id { get; init; }
    public string? Name { get; init; }

    /// <summary>The local element name in the BPMN file, e.g. <c>userTask</c>.</summary>
    public required string ElementType { get; init; }

    /// <summary>
    /// Extension attributes by canonical prefix, e.g. <c>fz:due</c>, <c>camunda:assignee</c>,
    /// whatever prefix the file itself used.
    /// </summary>
    public IReadOnlyDictionary<string, string> ExtensionAttributes { get; init; } =
        new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The children of <c>bpmn:extensionElements</c>, kept raw for modules that read them.</summary>
    public IReadOnlyList<XElement> ExtensionElements { get; init; } = [];

    /// <summary>Reads <c>fz:{name}</c>, falling back to <c>camunda:{name}</c> and <c>flowable:{name}</c>.</summary>
    public string? Extension(string name)
    {
        foreach (var prefix in BpmnNamespaces.ExtensionPrefixes)
        {
            if (ExtensionAttributes.TryGetValue(prefix + ":" + name, out var value) && !string.IsNullOrWhiteSpace(value))
            {
                return value.Trim();
            }
        }
        return null;
    }

    public override string ToString() => $"{ElementType} '{Id}'";
}
