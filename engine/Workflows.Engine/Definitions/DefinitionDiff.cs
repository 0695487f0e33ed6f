using System.Xml;
using System.Xml.Linq;
using Workflows.Engine.Bpmn.Model;

namespace Workflows.Engine.Definitions;

public enum DefinitionChangeKind
{
    Added,
    Removed,
    Changed,
}

/// <param name="Details">For a change, which attributes or parts differ (e.g. <c>fz:due</c>, <c>name</c>, <c>conditionExpression</c>).</param>
public sealed record DefinitionChange(string ElementId, string ElementType, string? Name, DefinitionChangeKind Kind, IReadOnlyList<string> Details);

/// <summary>
/// What changed between two versions of a procedure, element by element (matched by id): the model
/// only — moving a shape on the canvas (the BPMNDI layout) is not a change of the procedure.
/// </summary>
public static class DefinitionDiff
{
    private const string BpmnModel = BpmnNamespaces.Model;

    public static IReadOnlyList<DefinitionChange> Compare(string olderXml, string newerXml)
    {
        var older = Elements(olderXml);
        var newer = Elements(newerXml);
        var changes = new List<DefinitionChange>();
        foreach (var (id, element) in newer)
        {
            if (!older.TryGetValue(id, out var before))
            {
                changes.Add(Change(id, element, DefinitionChangeKind.Added, []));
            }
            else if (Differences(before, element) is { Count: > 0 } details)
            {
                changes.Add(Change(id, element, DefinitionChangeKind.Changed, details));
            }
        }
        changes.AddRange(older.Where(o => !newer.ContainsKey(o.Key)).Select(o => Change(o.Key, o.Value, DefinitionChangeKind.Removed, [])));
        return changes;
    }

    private static DefinitionChange Change(string id, XElement element, DefinitionChangeKind kind, IReadOnlyList<string> details) =>
        new(id, element.Name.LocalName, (string?)element.Attribute("name"), kind, details);

    /// <summary>Elements of the model with an id (processes, flow nodes, flows, messages ...), outside the diagram layout.</summary>
    private static Dictionary<string, XElement> Elements(string xml)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        var document = XDocument.Load(reader);
        var result = new Dictionary<string, XElement>(StringComparer.Ordinal);
        foreach (var element in document.Descendants())
        {
            // The definitions element's id and exporter change with every tool that saves the file.
            if (element.Name.NamespaceName == BpmnModel && element.Parent is not null && (string?)element.Attribute("id") is { Length: > 0 } id)
            {
                result.TryAdd(id, element);
            }
        }
        return result;
    }

    private static List<string> Differences(XElement before, XElement after)
    {
        var details = new List<string>();
        if (before.Name != after.Name)
        {
            details.Add("type");
        }
        var names = before.Attributes().Concat(after.Attributes())
            .Where(a => !a.IsNamespaceDeclaration)
            .Select(a => a.Name)
            .Distinct();
        foreach (var name in names)
        {
            if ((string?)before.Attribute(name) != (string?)after.Attribute(name))
            {
                details.Add(Describe(name));
            }
        }
        // Child content that belongs to this element itself (conditions, extension elements, documentation):
        // children that are elements in their own right (they carry an id) are compared on their own.
        var beforeParts = OwnParts(before);
        var afterParts = OwnParts(after);
        foreach (var part in beforeParts.Keys.Union(afterParts.Keys))
        {
            if (beforeParts.GetValueOrDefault(part) != afterParts.GetValueOrDefault(part))
            {
                details.Add(part);
            }
        }
        return details;
    }

    private static Dictionary<string, string> OwnParts(XElement element)
    {
        var parts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var child in element.Elements().Where(c => c.Attribute("id") is null || c.Name.NamespaceName != BpmnModel))
        {
            var key = Describe(child.Name);
            var copy = new XElement(child);
            // Nested model elements (inside a sub-process's extension, say) are compared by their own id.
            copy.Descendants().Where(d => d.Name.NamespaceName == BpmnModel && d.Attribute("id") is not null).Remove();
            parts[key] = parts.GetValueOrDefault(key) + copy.ToString(SaveOptions.DisableFormatting);
        }
        return parts;
    }

    private static string Describe(XName name) =>
        BpmnNamespaces.CanonicalPrefix(name.NamespaceName) is { } prefix ? prefix + ":" + name.LocalName : name.LocalName;
}
