using Workflows.Engine.Definitions;
using static Workflows.Engine.Tests.Runtime.Bpmn;

namespace Workflows.Engine.Tests.Bpmn;

public sealed class DefinitionDiffTests
{
    private static readonly string Version1 = Process("review", $"""
        <bpmn:startEvent id="start" />
        {UserTask("check", "reviewer", "fz:due=\"5WD\"")}
        <bpmn:exclusiveGateway id="decide" />
        <bpmn:endEvent id="end" />
        {Flow("start", "check")}
        {Flow("check", "decide")}
        {Flow("decide", "end", "approved === true", "approvedFlow")}
        """);

    private static readonly string Version2 = Process("review", $"""
        <bpmn:startEvent id="start" />
        {UserTask("check", "reviewer", "fz:due=\"7WD\"")}
        <bpmn:exclusiveGateway id="decide" />
        <bpmn:userTask id="sign" name="签发" fz:candidateGroups="leader" />
        <bpmn:endEvent id="end" />
        {Flow("start", "check")}
        {Flow("check", "decide")}
        {Flow("decide", "sign", "approved === true", "approvedFlow")}
        {Flow("sign", "end")}
        """);

    [Fact]
    public void Compare_NamesAddedRemovedAndChangedElements_WithWhatChanged()
    {
        var changes = DefinitionDiff.Compare(Version1, Version2).ToDictionary(c => c.ElementId);

        Assert.Equal(DefinitionChangeKind.Added, changes["sign"].Kind);
        Assert.Equal("签发", changes["sign"].Name);
        Assert.Equal("userTask", changes["sign"].ElementType);
        Assert.Equal(DefinitionChangeKind.Added, changes["sign_end"].Kind);
        Assert.Equal(["fz:due"], changes["check"].Details);
        Assert.Equal(DefinitionChangeKind.Changed, changes["approvedFlow"].Kind);
        Assert.Equal(["targetRef"], changes["approvedFlow"].Details);
        Assert.False(changes.ContainsKey("start"));
        Assert.False(changes.ContainsKey("review"));
        Assert.Equal(4, changes.Count);

        var back = DefinitionDiff.Compare(Version2, Version1).ToDictionary(c => c.ElementId);
        Assert.Equal(DefinitionChangeKind.Removed, back["sign"].Kind);
    }

    [Fact]
    public void Compare_SeesConditionAndExtensionElementChanges()
    {
        var ladder = """<bpmn:extensionElements><fz:ladder><fz:remind before="3WD" /></fz:ladder></bpmn:extensionElements>""";
        var before = Process("p", $"""<bpmn:userTask id="t" fz:due="5WD">{ladder}</bpmn:userTask>{Flow("t", "t2", "a === 1", "f")}<bpmn:userTask id="t2" />""");
        var after = Process("p", $"""<bpmn:userTask id="t" fz:due="5WD">{ladder.Replace("3WD", "2WD")}</bpmn:userTask>{Flow("t", "t2", "a === 2", "f")}<bpmn:userTask id="t2" />""");

        var changes = DefinitionDiff.Compare(before, after).ToDictionary(c => c.ElementId);

        Assert.Equal(["extensionElements"], changes["t"].Details);
        Assert.Equal(["conditionExpression"], changes["f"].Details);
        Assert.Empty(DefinitionDiff.Compare(before, before));
    }
}
