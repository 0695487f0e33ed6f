using System.Xml.Linq;

namespace Workflows.Engine.Bpmn.Parsing;

/// <summary>Attribute and text values as BPMN files carry them: optional, padded, xsd-typed.</summary>
internal static class XmlValues
{
    /// <summary>xsd:boolean: "true", "false", "1", "0", surrounding white space allowed.</summary>
    public static bool Boolean(XAttribute? attribute, bool whenMissing) =>
        attribute?.Value.Trim() switch
        {
            "true" or "1" => true,
            "false" or "0" => false,
            _ => whenMissing,
        };

    public static string? Text(XElement? element) =>
        element is null || string.IsNullOrWhiteSpace(element.Value) ? null : element.Value.Trim();

    public static string? Attribute(XElement element, string name) =>
        element.Attribute(name)?.Value is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
