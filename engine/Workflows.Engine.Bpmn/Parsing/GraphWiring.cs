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
            context.Error(flow.Id, flow.ElementType, $"Sequence flow '{flow.Id}' has no {end}Ref.");
        }
        else if (scope.NodesById.TryGetValue(reference, out var node))
        {
            return node;
        }
        else if (process.NodesById.TryGetValue(reference, out var elsewhere))
        {
            context.Error(flow.Id, flow.ElementType,
                $"Sequence flow '{flow.Id}' in '{scope.Scope.Id}' has {end} '{reference}', which lies in '{elsewhere.Scope.Id}'; " +
                "a sequence flow cannot cross a sub-process boundary.");
        }
        else
        {
            context.Error(flow.Id, flow.ElementType,
                $"Sequence flow '{flow.Id}' has {end} '{reference}', which is not a flow node of process '{process.Id}'.");
        }
        return null;
    }

    private void Attach(ScopeSource scope, BoundaryEvent boundary)
    {
        var reference = boundary.AttachedToRef;
        if (reference.Length == 0)
        {
            context.Error(boundary.Id, boundary.ElementType, $"Boundary event '{boundary.Id}' has no attachedToRef.");
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
                    $"Boundary event '{boundary.Id}' is attached to {BpmnVocabulary.Describe(target.ElementType, target.Id)}, which is not an activity.");
                break;
            case null when process.NodesById.TryGetValue(reference, out var elsewhere):
                context.Error(boundary.Id, boundary.ElementType,
                    $"Boundary event '{boundary.Id}' is attached to '{reference}' in '{elsewhere.Scope.Id}'; " +
                    "it must be declared in the same scope as its activity.");
                break;
            default:
                context.Error(boundary.Id, boundary.ElementType,
                    $"Boundary event '{boundary.Id}' is attached to '{reference}', which is not a flow node of process '{process.Id}'.");
                break;
        }
    }

    private void SetDefault(FlowNode node, string defaultRef)
    {
        var flow = node.Outgoing.FirstOrDefault(f => f.Id == defaultRef);
        if (flow is null)
        {
            context.Error(node.Id, node.ElementType,
                $"The default flow '{defaultRef}' of {BpmnVocabulary.Describe(node.ElementType, node.Id)} is not one of its outgoing sequence flows.");
            return;
        }
        node.DefaultFlow = flow;
    }
}
