using System.Xml.Linq;
using Workflows.Engine.Bpmn.Model;

namespace Workflows.Engine.Bpmn.Parsing;

/// <summary>Vendor extension attributes and elements, read the same whatever prefix a modeler chose.</summary>
internal static class ExtensionReader
{
    public static IReadOnlyDictionary<string, string> Attributes(XElement element)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var attribute in element.Attributes())
        {
            if (!attribute.IsNamespaceDeclaration
                && BpmnNamespaces.CanonicalPrefix(attribute.Name.NamespaceName) is { } prefix)
            {
                attributes.TryAdd(prefix + ":" + attribute.Name.LocalName, attribute.Value);
            }
        }
        return attributes;
    }

    /// <summary>
    /// Detached copies: modules read them long after parsing, and a copy does not keep the
    /// whole file alive through its parent chain.
    /// </summary>
    public static IReadOnlyList<XElement> Elements(XElement element) =>
        element.Element(BpmnVocabulary.ExtensionElements) is { } container
            ? [.. container.Elements().Select(e => new XElement(e))]
            : [];

    /// <summary>The same precedence as <see cref="FlowElement.Extension"/>, for elements that are not flow elements.</summary>
    public static string? Lookup(IReadOnlyDictionary<string, string> attributes, string name)
    {
        foreach (var prefix in BpmnNamespaces.ExtensionPrefixes)
        {
            if (attributes.TryGetValue(prefix + ":" + name, out var value) && !string.IsNullOrWhiteSpace(value))
            {
                return value.Trim();
            }
        }
        return null;
    }
}
