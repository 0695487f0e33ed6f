using System.Xml.Linq;
using Workflows.Engine.Bpmn.Model;

namespace Workflows.Engine.Bpmn.Parsing;

/// <summary>
/// Turns one flow node element into its model class. Element types outside the executable
/// subset become <see cref="UnsupportedNode"/> with an error, so the graph stays whole for display.
/// </summary>
internal sealed class FlowNodeMapper(ParseContext context)
{
    private readonly EventMapper events = new(context);

    public FlowNode Map(XElement element, string id)
    {
        var h = NodeHeader.Read(element, id);
        return h.ElementType switch
        {
            "startEvent" => events.Start(element, h),
            "endEvent" => events.End(element, h),
            "intermediateCatchEvent" => events.IntermediateCatch(element, h),
            "boundaryEvent" => events.Boundary(element, h),
            "exclusiveGateway" => new ExclusiveGateway
            {
                Id = h.Id, Name = h.Name, ElementType = h.ElementType,
                ExtensionAttributes = h.ExtensionAttributes, ExtensionElements = h.ExtensionElements,
            },
            "parallelGateway" => new ParallelGateway
            {
                Id = h.Id, Name = h.Name, ElementType = h.ElementType,
                ExtensionAttributes = h.ExtensionAttributes, ExtensionElements = h.ExtensionElements,
            },
            "userTask" => UserTask(element, h),
            "serviceTask" or "sendTask" => new ServiceTask
            {
                Id = h.Id, Name = h.Name, ElementType = h.ElementType,
                ExtensionAttributes = h.ExtensionAttributes, ExtensionElements = h.ExtensionElements,
                MultiInstance = MultiInstance(element, h),
                ActivityType = ExtensionReader.Lookup(h.ExtensionAttributes, "type"),
            },
            "scriptTask" => new ScriptTask
            {
                Id = h.Id, Name = h.Name, ElementType = h.ElementType,
                ExtensionAttributes = h.ExtensionAttributes, ExtensionElements = h.ExtensionElements,
                MultiInstance = MultiInstance(element, h),
                ScriptFormat = XmlValues.Attribute(element, "scriptFormat"),
                Script = XmlValues.Text(element.Element(BpmnVocabulary.Script)),
                ResultVariable = ExtensionReader.Lookup(h.ExtensionAttributes, "resultVariable"),
            },
            "receiveTask" => new ReceiveTask
            {
                Id = h.Id, Name = h.Name, ElementType = h.ElementType,
                ExtensionAttributes = h.ExtensionAttributes, ExtensionElements = h.ExtensionElements,
                MultiInstance = MultiInstance(element, h),
                Message = element.Attribute("messageRef") is { } messageRef ? events.Message(null, messageRef.Value, h.Id) : null,
            },
            "subProcess" when XmlValues.Boolean(element.Attribute("triggeredByEvent"), whenMissing: false) => EventSubProcess(h),
            "subProcess" => new SubProcess
            {
                Id = h.Id, Name = h.Name, ElementType = h.ElementType,
                ExtensionAttributes = h.ExtensionAttributes, ExtensionElements = h.ExtensionElements,
                MultiInstance = MultiInstance(element, h),
            },
            "callActivity" => new CallActivity
            {
                Id = h.Id, Name = h.Name, ElementType = h.ElementType,
                ExtensionAttributes = h.ExtensionAttributes, ExtensionElements = h.ExtensionElements,
                MultiInstance = MultiInstance(element, h),
                CalledElement = XmlValues.Attribute(element, "calledElement") ?? "",
            },
            _ => Unsupported(h),
        };
    }

    private UserTask UserTask(XElement element, NodeHeader h)
    {
        var assignment = ResourceAssignment.Read(element);
        return new UserTask
        {
            Id = h.Id, Name = h.Name, ElementType = h.ElementType,
            ExtensionAttributes = h.ExtensionAttributes, ExtensionElements = h.ExtensionElements,
            MultiInstance = MultiInstance(element, h),
            Assignee = ExtensionReader.Lookup(h.ExtensionAttributes, "assignee") ?? assignment.Assignee,
            CandidateGroups = Merge(ExtensionReader.Lookup(h.ExtensionAttributes, "candidateGroups"), assignment.Groups),
            CandidateUsers = Merge(ExtensionReader.Lookup(h.ExtensionAttributes, "candidateUsers"), assignment.Users),
            // Only fz:due: camunda:dueDate is an absolute date expression, not the time allowed.
            Due = h.ExtensionAttributes.TryGetValue("fz:due", out var due) && !string.IsNullOrWhiteSpace(due) ? due.Trim() : null,
        };
    }

    private static IReadOnlyList<string> Merge(string? commaSeparated, IReadOnlyList<string> fromStandard) =>
        [.. ExpressionText.SplitList(commaSeparated).Concat(fromStandard).Distinct(StringComparer.Ordinal)];

    private MultiInstanceCharacteristics? MultiInstance(XElement element, NodeHeader h)
    {
        if (element.Element(BpmnVocabulary.StandardLoop) is not null)
        {
            context.Error(h.Id, h.ElementType,
                EngineText.Format("Parse.StandardLoop", h.Describe()));
        }
        if (element.Element(BpmnVocabulary.MultiInstance) is not { } loop)
        {
            return null;
        }
        var attributes = ExtensionReader.Attributes(loop);
        return new MultiInstanceCharacteristics
        {
            IsSequential = XmlValues.Boolean(loop.Attribute("isSequential"), whenMissing: false),
            // Camunda accepts "${list}" as well as "list" here; the engine wants the variable name.
            Collection = ExpressionText.Unwrap(ExtensionReader.Lookup(attributes, "collection")),
            ElementVariable = ExtensionReader.Lookup(attributes, "elementVariable"),
            LoopCardinality = ExpressionText.Unwrap(XmlValues.Text(loop.Element(BpmnVocabulary.LoopCardinality))),
            CompletionCondition = ExpressionText.Unwrap(XmlValues.Text(loop.Element(BpmnVocabulary.CompletionCondition))),
        };
    }

    private UnsupportedNode EventSubProcess(NodeHeader h)
    {
        context.Error(h.Id, h.ElementType,
            EngineText.Format("Parse.EventSubProcess", h.Id));
        return EventMapper.Unsupported(h);
    }

    private UnsupportedNode Unsupported(NodeHeader h)
    {
        context.Error(h.Id, h.ElementType, EngineText.Format("Parse.Unsupported", h.Describe(), BpmnVocabulary.HintFor(h.ElementType)));
        return EventMapper.Unsupported(h);
    }
}
