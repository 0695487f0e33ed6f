using System.Xml.Linq;

namespace Workflows.Procedures.Tests;

/// <summary>
/// Every procedure the product ships is opened by admins in the designer and drawn on case pages,
/// which show only what has diagram information: each flow element needs its shape or edge.
/// </summary>
public sealed class ShippedDiagramTests
{
    private static readonly XNamespace Bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static readonly XNamespace BpmnDi = "http://www.omg.org/spec/BPMN/20100524/DI";

    // Elements inside a process that are not drawn on their own.
    private static readonly HashSet<string> NotDrawn =
    [
        "incoming", "outgoing", "extensionElements", "documentation", "conditionExpression", "laneSet",
        "multiInstanceLoopCharacteristics", "loopCardinality", "completionCondition", "ioSpecification",
    ];

    private static IEnumerable<string> Resources() =>
        typeof(Workflows.Procedures.Duties.BuiltInDuties).Assembly.GetManifestResourceNames().Where(n => n.EndsWith(".bpmn", StringComparison.Ordinal)).Order();

    public static TheoryData<string> ShippedProcedures() => new(Resources());

    [Fact]
    public void ShippedProcedures_IncludeTheStatutoryOnes()
    {
        var names = Resources().ToList();
        Assert.Contains(names, n => n.EndsWith("major-decision.bpmn", StringComparison.Ordinal));
        Assert.Contains(names, n => n.EndsWith("normative-document.bpmn", StringComparison.Ordinal));
        Assert.Contains(names, n => n.EndsWith("annual-report.bpmn", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ShippedProcedures))]
    public void ShippedProcedure_HasAShapeOrEdgeForEveryFlowElement(string resource)
    {
        using var stream = typeof(Workflows.Procedures.Duties.BuiltInDuties).Assembly.GetManifestResourceStream(resource)!;
        var document = XDocument.Load(stream);
        var drawn = document.Descendants(BpmnDi + "BPMNShape").Concat(document.Descendants(BpmnDi + "BPMNEdge"))
            .Select(e => (string?)e.Attribute("bpmnElement")).ToHashSet();
        var elements = document.Descendants(Bpmn + "process")
            .SelectMany(p => FlowElements(p))
            .Select(e => (string)e.Attribute("id")!)
            .ToList();

        Assert.NotEmpty(elements);
        var missing = elements.Where(id => !drawn.Contains(id)).ToList();
        Assert.True(missing.Count == 0, $"{resource}: no diagram information for {string.Join(", ", missing)}");
    }

    private static IEnumerable<XElement> FlowElements(XElement container) =>
        container.Elements()
            .Where(e => e.Name.Namespace == Bpmn && !NotDrawn.Contains(e.Name.LocalName) && e.Attribute("id") is not null)
            .SelectMany(e => e.Name.LocalName == "subProcess" ? [e, .. FlowElements(e)] : new[] { e });
}
