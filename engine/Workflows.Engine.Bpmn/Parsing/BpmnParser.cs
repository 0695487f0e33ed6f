using System.Xml.Linq;
using Workflows.Engine.Bpmn.Model;

namespace Workflows.Engine.Bpmn.Parsing;

/// <summary>
/// Reads a BPMN 2.0 file into the model the engine executes. A file that is not BPMN XML at all
/// throws <see cref="BpmnFormatException"/>; everything else is returned with its findings in
/// <see cref="BpmnDocument.Issues"/>, so drafts with problems can still be stored and shown.
/// </summary>
public static class BpmnParser
{
    public static BpmnDocument Parse(string xml, BpmnParserOptions? options = null)
    {
        options ??= new BpmnParserOptions();
        var root = SecureXmlLoader.Load(xml, options.MaxCharacters).Root!;
        if (root.Name != BpmnVocabulary.Definitions)
        {
            var found = root.Name.NamespaceName.Length == 0 ? root.Name.LocalName : $"{{{root.Name.NamespaceName}}}{root.Name.LocalName}";
            throw new BpmnFormatException(
                EngineText.Format("Parse.NotBpmn", found, BpmnNamespaces.Model));
        }
        var document = new BpmnDocument { Xml = xml, TargetNamespace = XmlValues.Attribute(root, "targetNamespace") };
        var context = new ParseContext(document);
        foreach (var message in root.Elements(BpmnVocabulary.Message))
        {
            if (XmlValues.Attribute(message, "id") is { } id)
            {
                document.Messages.TryAdd(id, XmlValues.Attribute(message, "name") ?? id);
            }
        }
        var builder = new ProcessBuilder(context);
        foreach (var process in root.Elements(BpmnVocabulary.Process))
        {
            document.Processes.Add(builder.Build(process));
        }
        document.MainProcess = SelectMainProcess(context, XmlValues.Attribute(root, "id") ?? "definitions");
        new StructuralValidator(context).Validate(root);
        return document;
    }

    /// <summary>
    /// Empty pools (a collaboration's black-box participants) never count: they are how other
    /// parties are drawn, not something to run.
    /// </summary>
    private static ProcessModel? SelectMainProcess(ParseContext context, string definitionsId)
    {
        var candidates = context.Document.Processes.Where(p => p.Children.Count > 0).ToList();
        var executable = candidates.Where(p => p.IsExecutable).ToList();
        if (executable.Count == 1)
        {
            return executable[0];
        }
        if (executable.Count == 0 && candidates.Count == 1)
        {
            return candidates[0];
        }
        if (candidates.Count == 0)
        {
            context.Error(definitionsId, "definitions", EngineText.Format("Parse.NoProcess"));
            return null;
        }
        var named = executable.Count > 1 ? executable : candidates;
        var ids = string.Join(", ", named.Select(p => $"'{p.Id}'"));
        foreach (var process in named)
        {
            context.Error(process.Id, "process",
                EngineText.Format("Parse.SeveralProcesses", named.Count, ids));
        }
        return null;
    }
}
