using System.Xml.Linq;
using Workflows.Engine.Bpmn.Model;

namespace Workflows.Engine.Bpmn.Parsing;

/// <summary>
/// Checks the mapped model for what would make it fail or misbehave at run time. Each finding
/// names its element so the designer can point at it. Expression syntax is the engine's job.
/// </summary>
internal sealed class StructuralValidator(ParseContext context)
{
    private static readonly HashSet<string> JavaScriptFormats = new(StringComparer.OrdinalIgnoreCase) { "javascript", "js", "ecmascript" };

    public void Validate(XElement root)
    {
        CheckDuplicateIds(root);
        if (context.Document.MainProcess is { } main)
        {
            CheckStartEvents(main);
        }
        foreach (var process in context.Document.Processes)
        {
            foreach (var node in ScopeWalk.Nodes(process))
            {
                CheckNode(node);
            }
            new ReachabilityCheck(context).Check(process);
        }
    }

    /// <summary>
    /// Only BPMN model and diagram elements: vendor data inside extensionElements often carries
    /// an "id" of its own that is not an XML ID (Adonis repeats the process id, for one).
    /// </summary>
    private void CheckDuplicateIds(XElement root)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var elements = root.DescendantsAndSelf().Where(e =>
            (e.Name.Namespace == BpmnVocabulary.Ns || e.Name.NamespaceName == BpmnNamespaces.Di)
            && !e.Ancestors(BpmnVocabulary.ExtensionElements).Any());
        foreach (var element in elements)
        {
            if (element.Attribute("id")?.Value is not { Length: > 0 } id)
            {
                continue;
            }
            var count = seen[id] = seen.GetValueOrDefault(id) + 1;
            if (count == 2)
            {
                context.Error(id, element.Name.LocalName, EngineText.Format("Parse.DuplicateId", id));
            }
        }
    }

    private void CheckStartEvents(ProcessModel main)
    {
        var starts = main.StartEvents.ToList();
        if (starts.Count == 0)
        {
            context.Error(main.Id, "process", EngineText.Format("Parse.NoStart", main.Id));
        }
        else if (starts.Count(s => s.Trigger is null) > 1)
        {
            context.Error(main.Id, "process", EngineText.Format("Parse.SeveralStarts", main.Id));
        }
    }

    private void CheckNode(FlowNode node)
    {
        void Error(string message) => context.Error(node.Id, node.ElementType, message);
        var described = BpmnVocabulary.Describe(node.ElementType, node.Id);

        if (node is Activity { MultiInstance: { Collection: null, LoopCardinality: null } })
        {
            Error(EngineText.Format("Parse.MultiInstanceNoCollection", described));
        }
        switch (node)
        {
            case SubProcess subProcess:
                CheckSubProcessStart(subProcess);
                break;
            case CallActivity { CalledElement.Length: 0 }:
                Error(EngineText.Format("Parse.NoCalledElement", described));
                break;
            case ScriptTask script:
                if (script.Script is null)
                {
                    Error(EngineText.Format("Parse.NoScript", described));
                }
                if (script.ScriptFormat is { } format && !JavaScriptFormats.Contains(format))
                {
                    Error(EngineText.Format("Parse.ScriptFormat", described, format));
                }
                break;
            case ReceiveTask { Message: null }:
                Error(EngineText.Format("Parse.ReceiveNoMessage", described));
                break;
            case ReceiveTask { Message: { } message }:
                CheckMessage(node, message);
                break;
            case ExclusiveGateway gateway:
                CheckGatewayConditions(gateway);
                break;
        }
        var trigger = node switch
        {
            StartEvent start => start.Trigger,
            IntermediateCatchEvent catchEvent => catchEvent.Trigger,
            BoundaryEvent boundary => boundary.Trigger,
            _ => null,
        };
        if (trigger is TimerEventDefinition { Expression.Length: 0 })
        {
            Error(EngineText.Format("Parse.TimerNoExpression", described));
        }
        // Message boundary events are already reported as unsupported.
        if (trigger is MessageEventDefinition messageTrigger && node is not BoundaryEvent)
        {
            CheckMessage(node, messageTrigger);
        }
    }

    private void CheckSubProcessStart(SubProcess subProcess)
    {
        var starts = subProcess.Children.OfType<StartEvent>().ToList();
        if (starts is [{ Trigger: null }])
        {
            return;
        }
        var described = BpmnVocabulary.Describe(subProcess.ElementType, subProcess.Id);
        context.Error(subProcess.Id, subProcess.ElementType, starts.Count == 0
            ? EngineText.Format("Parse.SubProcessNoStart", described)
            : EngineText.Format("Parse.SubProcessStarts", described, starts.Count, starts.Count(s => s.Trigger is not null)));
    }

    private void CheckMessage(FlowNode node, MessageEventDefinition message)
    {
        var described = BpmnVocabulary.Describe(node.ElementType, node.Id);
        if (message.MessageRef is null)
        {
            context.Error(node.Id, node.ElementType, EngineText.Format("Parse.MessageNoRef", described));
        }
        else if (!context.Document.Messages.ContainsKey(message.MessageRef))
        {
            context.Error(node.Id, node.ElementType, EngineText.Format("Parse.MessageUndefined", described, message.MessageRef));
        }
    }

    private void CheckGatewayConditions(ExclusiveGateway gateway)
    {
        if (gateway.Outgoing.Count < 2)
        {
            return;
        }
        var unguarded = gateway.Outgoing.Where(f => f != gateway.DefaultFlow && f.Condition is null).Select(f => f.Id).ToList();
        if (unguarded.Count > 0)
        {
            context.Warning(gateway.Id, gateway.ElementType,
                EngineText.Format("Parse.GatewayUnguarded", BpmnVocabulary.Describe(gateway.ElementType, gateway.Id), string.Join(", ", unguarded)));
        }
    }
}
