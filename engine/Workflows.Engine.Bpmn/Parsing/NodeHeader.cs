using System.Xml.Linq;

namespace Workflows.Engine.Bpmn.Parsing;

/// <summary>What every flow element carries, read once so each node type only adds its own fields.</summary>
internal sealed record NodeHeader(
    string Id,
    string? Name,
    string ElementType,
    IReadOnlyDictionary<string, string> ExtensionAttributes,
    IReadOnlyList<XElement> ExtensionElements)
{
    public static NodeHeader Read(XElement element, string id) => new(
        id,
        element.Attribute("name")?.Value,
        element.Name.LocalName,
        ExtensionReader.Attributes(element),
        ExtensionReader.Elements(element));

    public string Describe() => BpmnVocabulary.Describe(ElementType, Id);
}
