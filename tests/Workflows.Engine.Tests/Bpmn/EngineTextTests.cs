using System.Globalization;
using Workflows.Engine.Bpmn;
using Workflows.Engine.Bpmn.Model;

namespace Workflows.Engine.Tests.Bpmn;

/// <summary>
/// The engine's findings reach a procedure designer in the designer's language: Chinese under a Chinese UI
/// culture (the web designer's default), English otherwise (the REST API).
/// </summary>
public sealed class EngineTextTests
{
    [Fact]
    public void EveryMessage_HasASimplifiedChineseTranslation()
    {
        Assert.True(EngineText.Catalog.Count > 60);
        // Translated, not copied: even the punctuation-only ones use Chinese quotation marks and semicolons.
        Assert.Empty(EngineText.Catalog.Untranslated(CultureInfo.GetCultureInfo("zh-Hans")));
    }

    [Fact]
    public void UnsupportedElement_IsReportedInChinese_UnderAChineseUiCulture()
    {
        var xml = BpmnXml.Around("""<bpmn:inclusiveGateway id="X" />""");

        var chinese = InCulture("zh-CN", () => Assert.Single(BpmnXml.Parse(xml).Issues));
        var english = InCulture("en", () => Assert.Single(BpmnXml.Parse(xml).Issues));

        Assert.Equal("引擎不支持包容网关“X”；请改用排他网关和并行网关。", chinese.Message);
        Assert.Equal("Inclusive gateway 'X' is not supported by the engine; use exclusive and parallel gateways.", english.Message);
    }

    [Fact]
    public void StructuralFindings_AreReportedInChinese_NamingTheElement()
    {
        var xml = BpmnXml.Process("""
            <bpmn:startEvent id="S" />
            <bpmn:userTask id="Orphan" />
            <bpmn:endEvent id="E" />
            <bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="E" />
            <bpmn:sequenceFlow id="F2" sourceRef="S" targetRef="Nowhere" />
            """);

        var issues = InCulture("zh-CN", () => BpmnXml.Parse(xml).Issues);

        Assert.Contains(issues, i => i.ElementId == "Orphan" && i.Message == "用户任务“Orphan”无法从开始事件到达。");
        Assert.Contains(issues, i => i.ElementId == "F2" && i.Message == "顺序流“F2”的目标节点“Nowhere”不是流程“P”中的流程节点。");
    }

    [Fact]
    public void MalformedXml_IsRefusedInChinese_WithItsLine()
    {
        var refusal = InCulture("zh-CN", () => Assert.Throws<Workflows.Engine.Bpmn.Parsing.BpmnFormatException>(() => BpmnXml.Parse("<definitions>\n<oops></definitions>")));

        Assert.StartsWith("文件不是格式正确的 XML（第 2 行", refusal.Message);
    }

    private static T InCulture<T>(string name, Func<T> action)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
            return action();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }
}
