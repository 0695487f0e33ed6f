using System.Diagnostics;
using Workflows.Engine.Bpmn.Parsing;

namespace Workflows.Engine.Tests.Bpmn;

public sealed class BpmnParserSecurityTests
{
    private const string DtdRefused = "DTDs and external entities are not allowed";

    [Fact]
    public void Parse_RefusesDtd_WhenExternalEntityPointsAtLocalFile()
    {
        var xml = $"""
            <?xml version="1.0"?>
            <!DOCTYPE definitions [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
            <bpmn:definitions {BpmnXml.Namespaces} id="D">
              <bpmn:process id="P" name="&xxe;" isExecutable="true"><bpmn:startEvent id="S" /></bpmn:process>
            </bpmn:definitions>
            """;

        var ex = Assert.Throws<BpmnFormatException>(() => BpmnParser.Parse(xml));

        Assert.Contains(DtdRefused, ex.Message);
        Assert.DoesNotContain("root:", ex.Message);
        Assert.Equal((2, 1), (ex.LineNumber, ex.LinePosition));
        Assert.Contains("(line 2, position 1)", ex.Message);
    }

    [Fact]
    public void Parse_RefusesDtdQuickly_WhenEntitiesExpandExponentially()
    {
        var entities = string.Join("\n", Enumerable.Range(1, 9).Select(i =>
            $"""  <!ENTITY lol{i} "{string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))}">"""));
        var xml = $"""
            <?xml version="1.0"?>
            <!DOCTYPE lolz [
              <!ENTITY lol0 "lol">
            {entities}
            ]>
            <bpmn:definitions {BpmnXml.Namespaces}><bpmn:process id="&lol9;" /></bpmn:definitions>
            """;
        var clock = Stopwatch.StartNew();

        var ex = Assert.Throws<BpmnFormatException>(() => BpmnParser.Parse(xml));

        Assert.Contains(DtdRefused, ex.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"Refusing took {clock.Elapsed}.");
    }

    [Fact]
    public void Parse_RefusesDtd_WhenDoctypeFollowsCommentsAndProcessingInstructions()
    {
        var xml = $"""
            <?xml version="1.0"?>
            <!-- exported by a modeler -->
            <?modeler version="1"?>
            <!DOCTYPE definitions SYSTEM "http://example.invalid/bpmn.dtd">
            <bpmn:definitions {BpmnXml.Namespaces} id="D" />
            """;

        var ex = Assert.Throws<BpmnFormatException>(() => BpmnParser.Parse(xml));

        Assert.Contains(DtdRefused, ex.Message);
    }

    [Fact]
    public void Parse_ReadsDoctypeTextInsideCdata_WhenItIsScriptContent()
    {
        var xml = BpmnXml.Around("""
            <bpmn:scriptTask id="X" scriptFormat="javascript"><bpmn:script><![CDATA[var html = "<!DOCTYPE html>";]]></bpmn:script></bpmn:scriptTask>
            """);

        var document = BpmnParser.Parse(xml);

        Assert.Equal("var html = \"<!DOCTYPE html>\";", BpmnXml.Node<Workflows.Engine.Bpmn.Model.ScriptTask>(document, "X").Script);
    }

    [Fact]
    public void Parse_ReportsLineAndPosition_WhenTagsDoNotMatch()
    {
        var xml = $"""
            <?xml version="1.0"?>
            <bpmn:definitions {BpmnXml.Namespaces} id="D">
              <bpmn:process id="P">
                <bpmn:startEvent id="S"></bpmn:endEvent>
              </bpmn:process>
            </bpmn:definitions>
            """;

        var ex = Assert.Throws<BpmnFormatException>(() => BpmnParser.Parse(xml));

        Assert.Equal(4, ex.LineNumber);
        Assert.NotNull(ex.LinePosition);
        Assert.StartsWith("The file is not well-formed XML (line 4, position", ex.Message);
        Assert.DoesNotContain(DtdRefused, ex.Message);
    }

    [Fact]
    public void Parse_ThrowsFormatException_WhenTextIsNotXml()
    {
        var ex = Assert.Throws<BpmnFormatException>(() => BpmnParser.Parse("审批流程: start -> end"));

        Assert.Contains("not well-formed XML", ex.Message);
        Assert.Equal(1, ex.LineNumber);
    }

    [Fact]
    public void Parse_ThrowsFormatException_WhenFileIsLargerThanLimit()
    {
        var xml = BpmnXml.Around("""<bpmn:userTask id="X" />""");

        var ex = Assert.Throws<BpmnFormatException>(() =>
            BpmnParser.Parse(xml, new BpmnParserOptions { MaxCharacters = xml.Length - 1 }));

        Assert.Contains($"limit of {xml.Length - 1} characters", ex.Message);
    }

    [Fact]
    public void Parse_Accepts_WhenFileIsExactlyAtLimit()
    {
        var xml = BpmnXml.Around("""<bpmn:userTask id="X" />""");

        var document = BpmnParser.Parse(xml, new BpmnParserOptions { MaxCharacters = xml.Length });

        Assert.Equal("P", document.MainProcess?.Id);
    }

    [Fact]
    public void Parse_UsesFourMebibyteLimit_WhenNoOptionsGiven()
    {
        var padding = new string(' ', 4 * 1024 * 1024);
        var xml = BpmnXml.Around("""<bpmn:userTask id="X" />""") + padding;

        var ex = Assert.Throws<BpmnFormatException>(() => BpmnParser.Parse(xml));

        Assert.Contains($"limit of {4 * 1024 * 1024} characters", ex.Message);
    }

    [Theory]
    [InlineData("""<html><body>not a process</body></html>""", "'html'")]
    [InlineData("""<bpmn:process xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="P" />""", "process")]
    [InlineData("""<definitions xmlns="http://schema.omg.org/spec/BPMN/2.0" id="D" />""", "http://schema.omg.org/spec/BPMN/2.0")]
    public void Parse_ThrowsFormatException_WhenRootIsNotBpmnDefinitions(string xml, string named)
    {
        var ex = Assert.Throws<BpmnFormatException>(() => BpmnParser.Parse(xml));

        Assert.Contains(named, ex.Message);
        Assert.Contains("http://www.omg.org/spec/BPMN/20100524/MODEL", ex.Message);
    }
}
