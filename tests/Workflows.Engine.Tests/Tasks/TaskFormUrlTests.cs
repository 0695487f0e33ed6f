using System.Text.Json.Nodes;
using Workflows.Engine.Bpmn.Model;
using Workflows.Engine.Tasks;
using Workflows.Engine.Tests.Bpmn;

namespace Workflows.Engine.Tests.Tasks;

/// <summary>
/// fz:form's url type: where a duty recorded that something was published. Only an absolute http(s)
/// address is accepted, so the link later shown on the case page can never be <c>javascript:</c> or a file path.
/// </summary>
public sealed class TaskFormUrlTests
{
    private static readonly IReadOnlyList<FormField> Fields = TaskForm.Read(BpmnXml.Node<UserTask>(BpmnXml.Parse(BpmnXml.Around("""
        <bpmn:userTask id="X" name="公布目录">
          <bpmn:extensionElements>
            <fz:form>
              <fz:field name="catalogueUrl" label="目录公布网址" type="url" required="true" />
              <fz:field name="mirrorUrl" label="转载网址" type="url" maxLength="40" />
            </fz:form>
          </bpmn:extensionElements>
        </bpmn:userTask>
        """)), "X"));

    [Fact]
    public void Read_ParsesTheUrlType()
    {
        Assert.Equal([FormFieldType.Url, FormFieldType.Url], Fields.Select(f => f.Type));
        Assert.True(Fields[0].Required);
    }

    [Theory]
    [InlineData("https://www.example.gov.cn/zwgk/gfxwj/2025.html")]
    [InlineData("http://10.2.3.4:8080/catalogue")]
    [InlineData("  https://www.example.gov.cn/a  ")]
    public void Check_AcceptsAnHttpOrHttpsAddress(string url) =>
        Assert.Empty(TaskForm.Check(Fields, new JsonObject { ["catalogueUrl"] = url }));

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("file:///etc/passwd")]
    [InlineData("www.example.gov.cn/zwgk")]
    [InlineData("ftp://example.gov.cn/list")]
    [InlineData("https://")]
    public void Check_RefusesAnythingElse_NamingTheField(string url)
    {
        var error = Assert.Single(TaskForm.Check(Fields, new JsonObject { ["catalogueUrl"] = url }));
        Assert.Equal(("variables.catalogueUrl", "「目录公布网址」须为 http:// 或 https:// 开头的完整网址。"), (error.Target, error.Message));
    }

    [Fact]
    public void Check_RefusesAMissingRequiredAddress_AndOneLongerThanItsMaximum()
    {
        var errors = TaskForm.Check(Fields, new JsonObject { ["mirrorUrl"] = "https://www.example.gov.cn/" + new string('a', 40), ["other"] = 1 });
        Assert.Equal(["variables.catalogueUrl", "variables.mirrorUrl"], errors.Select(e => e.Target));
        Assert.Empty(TaskForm.Check(Fields, new JsonObject { ["catalogueUrl"] = "https://a.example/", ["mirrorUrl"] = "https://b.example/" }));
    }
}
