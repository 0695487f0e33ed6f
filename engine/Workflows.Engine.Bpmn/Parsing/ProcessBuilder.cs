using System.Xml.Linq;
using Workflows.Engine.Bpmn.Model;

namespace Workflows.Engine.Bpmn.Parsing;

/// <summary>One scope while its process is built: the process itself or an embedded sub-process.</summary>
internal sealed class ScopeSource(IFlowScope scope, List<FlowNode> children, List<SequenceFlow> flows)
{
    public IFlowScope Scope { get; } = scope;
    public List<FlowNode> Children { get; } = children;
    public List<SequenceFlow> Flows { get; } = flows;
    public Dictionary<string, FlowNode> NodesById { get; } = new(StringComparer.Ordinal);

    /// <summary>Each node with the element it came from, for the attributes wiring needs later.</summary>
    public List<(FlowNode Node, XElement Element)> Elements { get; } = [];
}

/// <summary>
/// Maps a <c>bpmn:process</c> into a <see cref="ProcessModel"/>: nodes and flows of every scope
/// first, then <see cref="GraphWiring"/> connects them, because a flow may name a node declared after it.
/// </summary>
internal sealed class ProcessBuilder(ParseContext context)
{
    private readonly FlowNodeMapper mapper = new(context);

    public ProcessModel Build(XElement element)
    {
        var id = XmlValues.Attribute(element, "id");
        if (id is null)
        {
            context.Error("", "process", EngineText.Format("Parse.ProcessNoId"));
        }
        var process = new ProcessModel
        {
            Id = id ?? "",
            Name = element.Attribute("name")?.Value,
            IsExecutable = XmlValues.Boolean(element.Attribute("isExecutable"), whenMissing: false),
        };
        var scopes = new List<ScopeSource>();
        MapScope(process, new ScopeSource(process, process.Children, process.Flows), element, scopes);
        new GraphWiring(context, process).Wire(scopes);
        return process;
    }

    private void MapScope(ProcessModel process, ScopeSource scope, XElement container, List<ScopeSource> scopes)
    {
        scopes.Add(scope);
        foreach (var child in container.Elements())
        {
            if (child.Name.Namespace != BpmnVocabulary.Ns)
            {
                continue;
            }
            if (child.Name == BpmnVocabulary.SequenceFlow)
            {
                MapFlow(process, scope, child);
            }
            else if (BpmnVocabulary.FlowNodeTypes.Contains(child.Name.LocalName))
            {
                MapNode(process, scope, child, scopes);
            }
            // Lanes, artifacts, data objects and the like do not change how the process runs.
        }
    }

    private void MapNode(ProcessModel process, ScopeSource scope, XElement element, List<ScopeSource> scopes)
    {
        if (XmlValues.Attribute(element, "id") is not { } id)
        {
            var type = element.Name.LocalName;
            context.Error("", type, EngineText.Format("Parse.NodeNoId", type, scope.Scope.Id, BpmnVocabulary.Describe(type)));
            return;
        }
        var node = mapper.Map(element, id);
        node.Scope = scope.Scope;
        // A second element with the same id stays out of the graph; the duplicate-id check reports it.
        if (!process.NodesById.TryAdd(id, node))
        {
            return;
        }
        scope.Children.Add(node);
        scope.NodesById[id] = node;
        scope.Elements.Add((node, element));
        if (XmlValues.Boolean(element.Attribute("isForCompensation"), whenMissing: false))
        {
            context.CompensationHandlers.Add(id);
        }
        if (node is SubProcess subProcess)
        {
            MapScope(process, new ScopeSource(subProcess, subProcess.Children, subProcess.Flows), element, scopes);
        }
    }

    private void MapFlow(ProcessModel process, ScopeSource scope, XElement element)
    {
        if (XmlValues.Attribute(element, "id") is not { } id)
        {
            context.Error("", "sequenceFlow", EngineText.Format("Parse.FlowNoId", scope.Scope.Id));
            return;
        }
        var flow = new SequenceFlow
        {
            Id = id,
            Name = element.Attribute("name")?.Value,
            ElementType = element.Name.LocalName,
            ExtensionAttributes = ExtensionReader.Attributes(element),
            ExtensionElements = ExtensionReader.Elements(element),
            SourceRef = XmlValues.Attribute(element, "sourceRef") ?? "",
            TargetRef = XmlValues.Attribute(element, "targetRef") ?? "",
            Condition = ExpressionText.Unwrap(XmlValues.Text(element.Element(BpmnVocabulary.ConditionExpression))),
        };
        if (process.FlowsById.TryAdd(id, flow))
        {
            scope.Flows.Add(flow);
        }
    }
}
