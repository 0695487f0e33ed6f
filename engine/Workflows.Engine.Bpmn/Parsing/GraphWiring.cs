using Workflows.Engine.Bpmn.Model;

namespace Workflows.Engine.Bpmn.Parsing;

/// <summary>
/// Connects the mapped nodes: flow ends, boundary events to their activities, default flows.
/// A reference is only resolved inside its own scope, as BPMN requires; what cannot be resolved
/// stays null and is reported.
/// </summary>
internal sealed class GraphWiring(ParseContext context, ProcessModel process)
{
    public void Wire(IReadOnlyList<ScopeSource> scopes)
    {
        foreach (var scope in scopes)
        {
            foreach (var flow in scope.Flows)
            {
                if (Resolve(scope, flow, flow.SourceRef, "source") is { } source)
                {
                    flow.Source = source;
                    source.Outgoing.Add(flow);
                }
                if (Resolve(scope, flow, flow.TargetRef, "target") is { } target)
                {
                    flow.Target = target;
                    target.Incoming.Add(flow);
                }
            }
        }
        foreach (var scope in scopes)
        {
            foreach (var (node, element) in scope.Elements)
            {
                if (node is BoundaryEvent boundary)
                {
                    Attach(scope, boundary);
                }
                if (XmlValues.Attribute(element, "default") is { } defaultRef)
                {
                    SetDefault(node, defaultRef);
                }
            }
        }
    }

    private FlowNode? Resolve(ScopeSource scope, SequenceFlow flow, string reference, string end)
    {
        if (reference.Length == 0)
        {
            context.Error(flow.Id, flow.ElementType, EngineText.Format("Parse.FlowNoRef", flow.Id, end));
        }
        else if (scope.NodesById.TryGetValue(reference, out var node))
        {
            return node;
        }
        else if (process.NodesById.TryGetValue(reference, out var elsewhere))
        {
            context.Error(flow.Id, flow.ElementType,
                EngineText.Format("Parse.FlowCrossesScope", flow.Id, scope.Scope.Id, EngineText.Format("Parse.FlowEnd." + end), reference, elsewhere.Scope.Id));
        }
        else
        {
            context.Error(flow.Id, flow.ElementType,
                EngineText.Format("Parse.FlowUnknownNode", flow.Id, EngineText.Format("Parse.FlowEnd." + end), reference, process.Id));
        }
        return null;
    }

    private void Attach(ScopeSource scope, BoundaryEvent boundary)
    {
        var reference = boundary.AttachedToRef;
        if (reference.Length == 0)
        {
            context.Error(boundary.Id, boundary.ElementType, EngineText.Format("Parse.BoundaryNoAttached", boundary.Id));
            return;
        }
        // attachedToRef is a QName in the schema, so some tools write a prefix.
        var colon = reference.IndexOf(':', StringComparison.Ordinal);
        if (!scope.NodesById.TryGetValue(reference, out var target) && colon >= 0)
        {
            scope.NodesById.TryGetValue(reference[(colon + 1)..], out target);
        }
        switch (target)
        {
            case Activity activity:
                boundary.AttachedTo = activity;
                activity.BoundaryEvents.Add(boundary);
                break;
            case UnsupportedNode unsupported when BpmnVocabulary.ActivityTypes.Contains(unsupported.ElementType):
                // The activity itself is already reported as unsupported; a second error would mislead.
                break;
            case not null:
                context.Error(boundary.Id, boundary.ElementType,
                    EngineText.Format("Parse.BoundaryNotActivity", boundary.Id, BpmnVocabulary.Describe(target.ElementType, target.Id)));
                break;
            case null when process.NodesById.TryGetValue(reference, out var elsewhere):
                context.Error(boundary.Id, boundary.ElementType,
                    EngineText.Format("Parse.BoundaryOtherScope", boundary.Id, reference, elsewhere.Scope.Id));
                break;
            default:
                context.Error(boundary.Id, boundary.ElementType,
                    EngineText.Format("Parse.BoundaryUnknownNode", boundary.Id, reference, process.Id));
                break;
        }
    }

    private void SetDefault(FlowNode node, string defaultRef)
    {
        var flow = node.Outgoing.FirstOrDefault(f => f.Id == defaultRef);
        if (flow is null)
        {
            context.Error(node.Id, node.ElementType,
                EngineText.Format("Parse.DefaultNotOutgoing", defaultRef, BpmnVocabulary.Describe(node.ElementType, node.Id)));
            return;
        }
        node.DefaultFlow = flow;
    }
}
