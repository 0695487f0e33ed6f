using Workflows.Engine.Bpmn.Model;

namespace Workflows.Engine.Bpmn.Parsing;

/// <summary>Every node of a process and its embedded sub-processes, in document order.</summary>
internal static class ScopeWalk
{
    public static IEnumerable<FlowNode> Nodes(IFlowScope scope)
    {
        foreach (var node in scope.Children)
        {
            yield return node;
            if (node is SubProcess subProcess)
            {
                foreach (var nested in Nodes(subProcess))
                {
                    yield return nested;
                }
            }
        }
    }
}
