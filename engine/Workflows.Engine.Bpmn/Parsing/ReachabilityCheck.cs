using Workflows.Engine.Bpmn.Model;

namespace Workflows.Engine.Bpmn.Parsing;

/// <summary>
/// Warns about dead parts of a graph: nodes no token can reach and paths that stop without an
/// end event. Warnings only, because such a process still runs. Nodes that already carry an error
/// are skipped: a second finding about them adds noise, not information.
/// </summary>
internal sealed class ReachabilityCheck(ParseContext context)
{
    public void Check(ProcessModel process)
    {
        var reached = Reach(process);
        var faulted = context.Document.Issues.Where(i => i.Severity == IssueSeverity.Error).Select(i => i.ElementId).ToHashSet(StringComparer.Ordinal);
        foreach (var node in ScopeWalk.Nodes(process))
        {
            if (faulted.Contains(node.Id) || context.CompensationHandlers.Contains(node.Id))
            {
                continue;
            }
            var described = BpmnVocabulary.Describe(node.ElementType, node.Id);
            var scopeReached = node.Scope is not SubProcess parent || reached.Contains(parent);
            if (reached.Count > 0 && scopeReached && !reached.Contains(node))
            {
                context.Warning(node.Id, node.ElementType, EngineText.Format("Parse.Unreachable", described));
            }
            if (node is not EndEvent && node.Outgoing.Count == 0)
            {
                context.Warning(node.Id, node.ElementType, EngineText.Format("Parse.NoOutgoing", described));
            }
        }
    }

    /// <summary>
    /// Nodes a token can reach from the process's start events; empty when it has none, since
    /// then the missing start event is the problem to report, not every node.
    /// </summary>
    private static HashSet<FlowNode> Reach(ProcessModel process)
    {
        // By reference rather than Activity.BoundaryEvents, so events on unsupported activities count too.
        var boundaries = process.NodesById.Values.OfType<BoundaryEvent>()
            .ToLookup(b => b.AttachedTo?.Id ?? b.AttachedToRef, StringComparer.Ordinal);
        var reached = new HashSet<FlowNode>();
        var pending = new Queue<FlowNode>(process.StartEvents);
        while (pending.TryDequeue(out var node))
        {
            if (!reached.Add(node))
            {
                continue;
            }
            foreach (var flow in node.Outgoing)
            {
                if (flow.Target is { } target)
                {
                    pending.Enqueue(target);
                }
            }
            foreach (var boundary in boundaries[node.Id])
            {
                pending.Enqueue(boundary);
            }
            if (node is SubProcess subProcess)
            {
                foreach (var start in subProcess.Children.OfType<StartEvent>())
                {
                    pending.Enqueue(start);
                }
            }
        }
        return reached;
    }
}
