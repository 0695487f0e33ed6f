using System.Xml.Linq;
using Workflows.Engine.Bpmn.Model;

namespace Workflows.Engine.Bpmn.Parsing;

/// <summary>Maps events and their event definitions; reports the triggers the engine cannot run.</summary>
internal sealed class EventMapper(ParseContext context)
{
    private static readonly XName TimeDuration = BpmnVocabulary.Ns + "timeDuration";
    private static readonly XName TimeDate = BpmnVocabulary.Ns + "timeDate";
    private static readonly XName TimeCycle = BpmnVocabulary.Ns + "timeCycle";

    public FlowNode Start(XElement element, NodeHeader h)
    {
        var definitions = Definitions(element);
        var trigger = definitions.Count == 0 ? null : Trigger(definitions, h, "Parse.Allowed.Start");
        return new StartEvent
        {
            Id = h.Id, Name = h.Name, ElementType = h.ElementType,
            ExtensionAttributes = h.ExtensionAttributes, ExtensionElements = h.ExtensionElements,
            Trigger = trigger,
        };
    }

    public FlowNode End(XElement element, NodeHeader h)
    {
        var definitions = Definitions(element);
        var terminate = definitions is [{ Name.LocalName: "terminateEventDefinition" }];
        EventDefinition? result = null;
        if (definitions.Count > 0 && !terminate)
        {
            result = definitions.Count == 1 ? Map(definitions[0], h.Id) : new UnsupportedEventDefinition(null, "multiple");
            Unsupported(h, definitions, "Parse.Allowed.End");
        }
        return new EndEvent
        {
            Id = h.Id, Name = h.Name, ElementType = h.ElementType,
            ExtensionAttributes = h.ExtensionAttributes, ExtensionElements = h.ExtensionElements,
            Terminate = terminate, Result = result,
        };
    }

    public FlowNode IntermediateCatch(XElement element, NodeHeader h)
    {
        var definitions = Definitions(element);
        if (definitions.Count == 0)
        {
            context.Error(h.Id, h.ElementType, EngineText.Format("Parse.CatchNoDefinition", h.Describe()));
            return Unsupported(h);
        }
        return new IntermediateCatchEvent
        {
            Id = h.Id, Name = h.Name, ElementType = h.ElementType,
            ExtensionAttributes = h.ExtensionAttributes, ExtensionElements = h.ExtensionElements,
            Trigger = Trigger(definitions, h, "Parse.Allowed.Catch"),
        };
    }

    public FlowNode Boundary(XElement element, NodeHeader h)
    {
        var definitions = Definitions(element);
        EventDefinition trigger;
        if (definitions is [{ Name.LocalName: "timerEventDefinition" } timer])
        {
            trigger = Map(timer, h.Id);
        }
        else
        {
            trigger = definitions.Count switch
            {
                0 => new UnsupportedEventDefinition(null, "none"),
                1 => Map(definitions[0], h.Id),
                _ => new UnsupportedEventDefinition(null, "multiple"),
            };
            if (definitions.Count == 0)
            {
                context.Error(h.Id, h.ElementType, EngineText.Format("Parse.BoundaryNoDefinition", h.Describe()));
            }
            else
            {
                Unsupported(h, definitions, "Parse.Allowed.Boundary");
            }
        }
        return new BoundaryEvent
        {
            Id = h.Id, Name = h.Name, ElementType = h.ElementType,
            ExtensionAttributes = h.ExtensionAttributes, ExtensionElements = h.ExtensionElements,
            AttachedToRef = XmlValues.Attribute(element, "attachedToRef") ?? "",
            Interrupting = XmlValues.Boolean(element.Attribute("cancelActivity"), whenMissing: true),
            Trigger = trigger,
        };
    }

    /// <summary>
    /// The name the engine correlates on. An unresolvable reference still yields a non-empty
    /// name so the model stays usable; the validator reports it.
    /// </summary>
    public MessageEventDefinition Message(string? definitionId, string? messageRef, string ownerId)
    {
        var id = context.ResolveMessageId(messageRef);
        var name = id is not null && context.Document.Messages.TryGetValue(id, out var known) ? known : id ?? definitionId ?? ownerId;
        return new MessageEventDefinition(definitionId, id, name);
    }

    public static UnsupportedNode Unsupported(NodeHeader h) => new()
    {
        Id = h.Id, Name = h.Name, ElementType = h.ElementType,
        ExtensionAttributes = h.ExtensionAttributes, ExtensionElements = h.ExtensionElements,
    };

    private static List<XElement> Definitions(XElement element) =>
        [.. element.Elements().Where(e => e.Name.Namespace == BpmnVocabulary.Ns && BpmnVocabulary.EventDefinitionTypes.Contains(e.Name.LocalName))];

    /// <summary>A catching trigger: a single timer or message definition; anything else is reported.</summary>
    private EventDefinition Trigger(List<XElement> definitions, NodeHeader h, string allowed)
    {
        if (definitions is [{ Name.LocalName: "timerEventDefinition" or "messageEventDefinition" } single])
        {
            return Map(single, h.Id);
        }
        Unsupported(h, definitions, allowed);
        return definitions.Count == 1
            ? new UnsupportedEventDefinition(definitions[0].Attribute("id")?.Value, definitions[0].Name.LocalName)
            : new UnsupportedEventDefinition(null, "multiple");
    }

    private EventDefinition Map(XElement definition, string ownerId)
    {
        var id = definition.Attribute("id")?.Value;
        switch (definition.Name.LocalName)
        {
            case "timerEventDefinition":
                var expression = definition.Elements().FirstOrDefault(e => e.Name == TimeDuration || e.Name == TimeDate || e.Name == TimeCycle);
                var kind = expression?.Name == TimeDate ? TimerKind.Date
                    : expression?.Name == TimeCycle ? TimerKind.Cycle
                    : TimerKind.Duration;
                return new TimerEventDefinition(id, kind, XmlValues.Text(expression) ?? "");
            case "messageEventDefinition":
                return Message(id, definition.Attribute("messageRef")?.Value, ownerId);
            default:
                return new UnsupportedEventDefinition(id, definition.Name.LocalName);
        }
    }

    private void Unsupported(NodeHeader h, List<XElement> definitions, string allowed)
    {
        var allowedText = EngineText.Format(allowed);
        context.Error(h.Id, h.ElementType, definitions.Count == 1
            ? EngineText.Format("Parse.UnsupportedDefinition", h.Describe(), BpmnVocabulary.WithArticle(definitions[0].Name.LocalName), definitions[0].Name.LocalName, allowedText)
            : EngineText.Format("Parse.SeveralDefinitions", h.Describe(), string.Join(", ", definitions.Select(d => d.Name.LocalName)), allowedText));
    }
}
