using System.Net.Http.Json;
using System.Net;
using Workflows.Host.Tests.Infrastructure;
using static Workflows.Host.Tests.Consultation.ParticipationFlow;

namespace Workflows.Host.Tests.Consultation;

/// <summary>The hearing-record guard, on 2026-01-20 (the simulated clock of this host).</summary>
public sealed class HearingGuardTests(ParticipationHostFactory host) : IClassFixture<ParticipationHostFactory>
{
    private const string Key = "hearing-only";

    private static readonly string Bpmn = $$"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:fz="urn:fazhi:bpmn:1.0" id="h" targetNamespace="urn:fazhi:tests">
          <bpmn:process id="{{Key}}" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="hearing" name="听证" fz:candidateGroups="owner" fz:guard="hearing-record" />
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="hearing" />
            <bpmn:sequenceFlow id="f2" sourceRef="hearing" targetRef="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    private static readonly string[] Participants = ["听证代表 王某", "听证代表 李某"];

    [Fact]
    public async Task Hearing_Returns400NamingTheNotice_WhenNoticeWasSixDaysBeforeTheHearing()
    {
        var (owner, instanceId, taskId) = await StartHearingAsync();
        await UploadAsync(host, instanceId, "hearing-record", "听证笔录.pdf", Pdf("听证笔录（签字）"));

        var sixDays = await Problem.AssertAsync(await CompleteAsync(owner, taskId, Hearing("2026-01-20", "2026-01-14")), HttpStatusCode.BadRequest);
        Assert.Equal(["variables.noticePublishedOn"], Problem.Targets(sixDays));
        Assert.Contains("6", sixDays.GetProperty("detail").GetString());

        Assert.Equal(HttpStatusCode.OK, (await CompleteAsync(owner, taskId, Hearing("2026-01-20", "2026-01-13"))).StatusCode);
    }

    [Fact]
    public async Task Hearing_Returns400NamingEachMissingItem_WhenNothingIsGiven()
    {
        var (owner, _, taskId) = await StartHearingAsync();

        var problem = await Problem.AssertAsync(await CompleteAsync(owner, taskId), HttpStatusCode.BadRequest);
        Assert.Equal(["variables.hearingDate", "variables.noticePublishedOn", "variables.hearingParticipants", "documents.hearing-record"], Problem.Targets(problem));

        var empty = await Problem.AssertAsync(await CompleteAsync(owner, taskId, new
        {
            variables = new { hearingDate = "2026-01-20", noticePublishedOn = "上周", hearingParticipants = Array.Empty<string>() },
        }), HttpStatusCode.BadRequest);
        Assert.Equal(["variables.noticePublishedOn", "variables.hearingParticipants", "documents.hearing-record"], Problem.Targets(empty));
    }

    [Fact]
    public async Task Hearing_Returns400_WhenTheHearingIsStillToComeOrTheRecordPredatesIt()
    {
        var (owner, instanceId, taskId) = await StartHearingAsync();
        await UploadAsync(host, instanceId, "hearing-record", "听证笔录.pdf", Pdf("预先准备的笔录"));

        var future = await Problem.AssertAsync(await CompleteAsync(owner, taskId, Hearing("2026-02-02", "2026-01-20")), HttpStatusCode.BadRequest);
        Assert.Equal(["variables.hearingDate", "documents.hearing-record"], Problem.Targets(future));
    }

    [Fact]
    public async Task Hearing_Returns400NamingTheDocument_WhenTheNamedRecordIsNotOneOfTheCasesHearingRecords()
    {
        var (owner, instanceId, taskId) = await StartHearingAsync();
        var record = await UploadAsync(host, instanceId, "hearing-record", "听证笔录.pdf", Pdf("听证笔录（签字）"));
        var notice = await UploadAsync(host, instanceId, "material", "听证公告.pdf", Pdf("听证公告"));
        var (_, otherInstance, _) = await StartHearingAsync();
        var elsewhere = await UploadAsync(host, otherInstance, "hearing-record", "另案听证笔录.pdf", Pdf("另案笔录"));

        foreach (var wrong in new[] { notice.Id.ToString(), elsewhere.Id.ToString(), "笔录" })
        {
            var problem = await Problem.AssertAsync(await CompleteAsync(owner, taskId, Hearing("2026-01-20", "2026-01-13", wrong)), HttpStatusCode.BadRequest);
            Assert.Equal(["variables.hearingRecordDocumentId"], Problem.Targets(problem));
        }

        Assert.Equal(HttpStatusCode.OK, (await CompleteAsync(owner, taskId, Hearing("2026-01-20", "2026-01-13", record.Id.ToString()))).StatusCode);
    }

    [Fact]
    public async Task Hearing_Returns400NamingTheDocument_WhenTheNamedRecordPredatesTheHearing_EvenIfALaterOneExists()
    {
        var (owner, instanceId, taskId) = await StartHearingAsync();
        var prepared = await UploadAsync(host, instanceId, "hearing-record", "预先准备的笔录.pdf", Pdf("预先准备的笔录"));
        // The hearing is held the next day, and its signed record is uploaded then.
        using (var admin = await host.ClientForAsync("admin"))
        {
            var now = (await admin.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/clock")).GetProperty("now").GetDateTimeOffset();
            await AdvanceToAsync(host, now.AddDays(1));
        }
        var signed = await UploadAsync(host, instanceId, "hearing-record", "听证笔录（签字）.pdf", Pdf("听证笔录（签字）"));
        var heldOn = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(signed.UploadedAt, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).Date);
        var hearingDate = heldOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var noticeDate = heldOn.AddDays(-7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var early = await Problem.AssertAsync(await CompleteAsync(owner, taskId, Hearing(hearingDate, noticeDate, prepared.Id.ToString())), HttpStatusCode.BadRequest);
        Assert.Equal(["variables.hearingRecordDocumentId"], Problem.Targets(early));

        Assert.Equal(HttpStatusCode.OK, (await CompleteAsync(owner, taskId, Hearing(hearingDate, noticeDate, signed.Id.ToString()))).StatusCode);
    }

    private static object Hearing(string hearingDate, string noticePublishedOn, string hearingRecordDocumentId) =>
        new { variables = new { hearingDate, noticePublishedOn, hearingParticipants = Participants, hearingRecordDocumentId } };

    private static object Hearing(string hearingDate, string noticePublishedOn) =>
        new { variables = new { hearingDate, noticePublishedOn, hearingParticipants = Participants } };

    private async Task<(HttpClient Owner, Guid InstanceId, Guid TaskId)> StartHearingAsync()
    {
        await PublishAsync(host, Bpmn);
        var owner = await host.ClientForAsync("owner");
        var instanceId = await StartAsync(owner, Key, "县发改〔2026〕听证", new { title = "水价调整听证" });
        return (owner, instanceId, await TaskAsync(owner, instanceId, "hearing"));
    }
}
