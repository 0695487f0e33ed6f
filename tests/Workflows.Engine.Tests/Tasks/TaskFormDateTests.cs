using System.Text.Json.Nodes;
using Workflows.Engine.Bpmn.Model;
using Workflows.Engine.Tasks;
using Workflows.Engine.Tests.Bpmn;

namespace Workflows.Engine.Tests.Tasks;

/// <summary>fz:form's <c>max="today"</c> on a date: a step that records what was done (held, published) cannot be dated ahead.</summary>
public sealed class TaskFormDateTests
{
    private static readonly DateOnly Today = new(2026, 1, 5);

    private static IReadOnlyList<FormField> Read(string fields, List<string>? errors = null) =>
        TaskForm.Read(BpmnXml.Node<UserTask>(BpmnXml.Parse(BpmnXml.Around($"""
            <bpmn:userTask id="X" name="常务会议听取汇报">
              <bpmn:extensionElements><fz:form>{fields}</fz:form></bpmn:extensionElements>
            </bpmn:userTask>
            """)), "X"), errors);

    [Fact]
    public void Check_RefusesADayAfterToday_AndAcceptsTodayAndBefore()
    {
        var fields = Read("""<fz:field name="meetingDate" label="会议日期" type="date" max="today" required="true" /><fz:field name="nextMeeting" label="下次会议" type="date" />""");

        Assert.True(fields[0].NotAfterToday);
        Assert.False(fields[1].NotAfterToday);
        var error = Assert.Single(TaskForm.Check(fields, new JsonObject { ["meetingDate"] = "2026-01-06", ["nextMeeting"] = "2026-07-01" }, Today));
        Assert.Equal(("variables.meetingDate", "「会议日期」不能晚于今天（2026-01-05）。"), (error.Target, error.Message));
        Assert.Empty(TaskForm.Check(fields, new JsonObject { ["meetingDate"] = "2026-01-05" }, Today));
        Assert.Empty(TaskForm.Check(fields, new JsonObject { ["meetingDate"] = "2025-12-30" }, Today));
    }

    [Theory]
    [InlineData("""<fz:field name="a" type="date" max="2026-12-31" />""")]
    [InlineData("""<fz:field name="a" type="text" max="today" />""")]
    public void Read_ReportsAMaxItCannotCheck(string field)
    {
        var errors = new List<string>();
        Assert.False(Assert.Single(Read(field, errors)).NotAfterToday);
        Assert.Contains("only a date field takes one", Assert.Single(errors), StringComparison.Ordinal);
    }
}
