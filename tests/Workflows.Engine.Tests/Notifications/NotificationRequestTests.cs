using System.Text.Json.Nodes;
using Workflows.Activities.Notifications;
using Workflows.Engine;

namespace Workflows.Engine.Tests.Notifications;

/// <summary>The payload is a persisted format: queued messages must still read after an upgrade.</summary>
public sealed class NotificationRequestTests
{
    private static readonly NotificationRequest Full = new()
    {
        Recipients = ["reviewer", "legal-office:supervisor"],
        Channels = NotificationChannels.All,
        Kind = NotificationKind.Escalation,
        Title = "逾期督办",
        Body = "请尽快办理",
        Template = "task-overdue",
        Data = new JsonObject { ["taskName"] = "合法性审查", ["daysOverdue"] = 2 },
        Link = "/tasks/0195f0a0-0000-7000-8000-000000000001",
        InstanceId = Guid.Parse("0195f0a0-0000-7000-8000-0000000000ff"),
        TaskId = Guid.Parse("0195f0a0-0000-7000-8000-000000000001"),
    };

    [Fact]
    public void ToPayload_PinsThePersistedFormat()
    {
        Assert.Equal(
            """{"recipients":["reviewer","legal-office:supervisor"],"channels":["inapp","email"],"kind":"escalation","title":"逾期督办","body":"请尽快办理","template":"task-overdue","data":{"taskName":"合法性审查","daysOverdue":2},"link":"/tasks/0195f0a0-0000-7000-8000-000000000001","instanceId":"0195f0a0-0000-7000-8000-0000000000ff","taskId":"0195f0a0-0000-7000-8000-000000000001"}""",
            EngineJson.Write(Full.ToPayload()));
    }

    [Fact]
    public void FromPayload_RoundTrips()
    {
        var back = NotificationRequest.FromPayload(Full.ToPayload());

        Assert.Equal(Full.Recipients, back.Recipients);
        Assert.Equal(Full with { Recipients = back.Recipients, Data = back.Data }, back);
        Assert.Equal(EngineJson.Write(Full.Data), EngineJson.Write(back.Data));
    }

    [Fact]
    public void FromPayload_Minimal_DefaultsToBothChannelsAndInfo()
    {
        var request = NotificationRequest.FromPayload(EngineJson.ParseObject("""{"recipients":["owner"],"title":"通知"}"""));

        Assert.Equal((NotificationChannels.All, NotificationKind.Info, "通知"), (request.Channels, request.Kind, request.Title));
    }

    [Theory]
    [InlineData("""{"title":"x"}""")]
    [InlineData("""{"recipients":["a"],"channels":["fax"]}""")]
    [InlineData("""{"recipients":["a"],"kind":"urgent"}""")]
    [InlineData("""{"recipients":["a"],"kind":"3"}""")]
    public void FromPayload_Invalid_Throws(string json) =>
        Assert.Throws<FormatException>(() => NotificationRequest.FromPayload(EngineJson.ParseObject(json)));
}
