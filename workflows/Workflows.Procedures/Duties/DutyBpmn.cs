using System.Globalization;
using System.Xml.Linq;
using Workflows.Engine.Bpmn.Model;
using Workflows.Engine.Tasks;

namespace Workflows.Procedures.Duties;

/// <summary>
/// The BPMN files of the built-in duties, shipped inside this assembly, and the two deployment
/// settings written into them before they are stored: the ladder (when a duty's configuration
/// replaces it) and who the legal affairs office is (<c>{legalOffice}</c> in a rung's <c>to</c>).
/// </summary>
/// <remarks>
/// The engine resolves only <c>{unit}</c> in ladder recipients, not variables, so a
/// deployment-specific recipient has to be in the stored XML. The result is a pure function of
/// the file and the settings: the same settings give the same XML, which the engine recognises
/// as the version it already has.
/// </remarks>
public static class DutyBpmn
{
    public const string LegalOfficePlaceholder = "{legalOffice}";

    private const string ResourcePrefix = "Workflows.Procedures.Duties.Bpmn.";

    private static readonly XNamespace Bpmn = BpmnNamespaces.Model;
    private static readonly XNamespace Fz = BpmnNamespaces.Fazhi;

    /// <summary>The shipped files by process key (each file is named after its process).</summary>
    public static IReadOnlyDictionary<string, string> ShippedResources { get; } = typeof(DutyBpmn).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".bpmn", StringComparison.Ordinal))
        .ToDictionary(n => n[ResourcePrefix.Length..^".bpmn".Length], n => n, StringComparer.Ordinal);

    public static string ReadShipped(string processKey)
    {
        var name = ShippedResources.GetValueOrDefault(processKey)
            ?? throw new ArgumentException($"No BPMN file is shipped for the process '{processKey}'.", nameof(processKey));
        using var stream = typeof(DutyBpmn).Assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <param name="ladder">Replaces every user task's ladder; null keeps the file's.</param>
    /// <param name="legalOffice">Recipient specs for <c>{legalOffice}</c>; when empty, rungs that only name it are dropped.</param>
    /// <param name="dropped">How many rungs were dropped for want of a legal affairs office.</param>
    public static string Prepare(string xml, IReadOnlyList<LadderRung>? ladder, IReadOnlyList<string> legalOffice, out int dropped)
    {
        var document = XDocument.Parse(xml, LoadOptions.PreserveWhitespace);
        var tasks = document.Descendants(Bpmn + "userTask").ToList();
        if (ladder is not null)
        {
            foreach (var task in tasks)
            {
                ReplaceLadder(task, ladder);
            }
        }
        dropped = 0;
        var replacement = string.Join(',', legalOffice);
        foreach (var rung in tasks.SelectMany(t => t.Descendants(Fz + "ladder")).SelectMany(l => l.Elements()).ToList())
        {
            if (rung.Attribute("to") is not { } to || !to.Value.Contains(LegalOfficePlaceholder, StringComparison.Ordinal))
            {
                continue;
            }
            var specs = to.Value.Replace(LegalOfficePlaceholder, replacement, StringComparison.Ordinal)
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (specs.Length == 0)
            {
                RemoveWithWhitespace(rung);
                dropped++;
            }
            else
            {
                to.Value = string.Join(',', specs);
            }
        }
        var declaration = document.Declaration?.ToString() ?? """<?xml version="1.0" encoding="UTF-8"?>""";
        // Every top-level node, not only the root: the leading comment explains the file to whoever opens it.
        return declaration + "\n" + string.Join("\n", document.Nodes().Select(n => n.ToString(SaveOptions.DisableFormatting))) + "\n";
    }

    private static void ReplaceLadder(XElement task, IReadOnlyList<LadderRung> ladder)
    {
        foreach (var old in task.Elements(Bpmn + "extensionElements").Elements(Fz + "ladder").ToList())
        {
            RemoveWithWhitespace(old);
        }
        if (ladder.Count == 0)
        {
            return;
        }
        var extensions = task.Element(Bpmn + "extensionElements");
        if (extensions is null)
        {
            // BPMN puts extensionElements right after documentation, before everything else.
            extensions = new XElement(Bpmn + "extensionElements");
            if (task.Elements(Bpmn + "documentation").LastOrDefault() is { } documentation)
            {
                documentation.AddAfterSelf(extensions);
            }
            else
            {
                task.AddFirst(extensions);
            }
        }
        extensions.Add(new XElement(Fz + "ladder", ladder.Select(Rung)));
    }

    private static XElement Rung(LadderRung rung)
    {
        var element = new XElement(Fz + rung.Action.ToString().ToLowerInvariant(),
            new XAttribute(rung.BeforeDue ? "before" : "after", rung.WorkingDays.ToString(CultureInfo.InvariantCulture) + "WD"));
        if (rung.To is not null)
        {
            element.Add(new XAttribute("to", rung.To));
        }
        return element;
    }

    /// <summary>Removes an element and the indentation before it, so the file keeps its layout.</summary>
    private static void RemoveWithWhitespace(XElement element)
    {
        if (element.PreviousNode is XText text && string.IsNullOrWhiteSpace(text.Value))
        {
            text.Remove();
        }
        element.Remove();
    }
}
