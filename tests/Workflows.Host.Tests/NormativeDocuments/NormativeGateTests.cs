using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workflows.Host.Tests.Infrastructure;
using static Workflows.Host.Tests.NormativeDocuments.NormativeFlow;

namespace Workflows.Host.Tests.NormativeDocuments;

/// <summary>The gates that stop a document: a failed fair-competition review, an unlawful opinion.</summary>
public sealed class NormativeGateTests(SimulatedClockHostFactory host) : IClassFixture<SimulatedClockHostFactory>
{
    private readonly NormativeFlow _flow = new(host);

    [Fact]
    public async Task FairCompetitionReview_BlocksIssuance_WhenItFails()
    {
        var document = await _flow.StartAsync(new
        {
            title = "关于扶持本地企业参与政府采购的若干规定",
            issuer = "county-gov",
            marketActorsAffected = true,
            publicCommentExempt = true,
            publicCommentExemptReason = "涉及工作秘密，依法不予公开",
        });
        var id = document.GetProperty("id").GetGuid();
        var instance = document.GetProperty("instanceId").GetGuid();
        Assert.Equal("涉及工作秘密，依法不予公开", document.GetProperty("publicCommentExemptReason").GetString());
        await _flow.DraftAsync(instance);

        // The exemption skips public comment; the market actors make the review unavoidable.
        Assert.Equal(["fair-competition-review"], await _flow.ActiveAsync(instance));
        var noConclusion = await _flow.CompleteAsync("owner", instance, "fair-competition-review", outcome: "fail");
        Assert.Contains("variables.fairCompetitionConclusion", Problem.Targets(await Problem.AssertAsync(noConclusion, HttpStatusCode.BadRequest)));
        await _flow.CompleteOkAsync("owner", instance, "fair-competition-review",
            new { fairCompetitionConclusion = "含有限定经营、购买特定经营者提供的商品的内容，违反公平竞争审查标准。" }, "fail");

        var stopped = await _flow.InstanceAsync(instance);
        Assert.Equal("Completed", stopped.GetProperty("status").GetString());
        Assert.Empty(stopped.GetProperty("activeActivityIds").EnumerateArray());
        await WaitUntilAsync(async () => (await _flow.DocumentAsync(id)).GetProperty("status").GetString() == "abandoned", "the register to record the stop");
        var entry = await _flow.DocumentAsync(id);
        Assert.Contains("不得出台", entry.GetProperty("abandonedReason").GetString());
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("number").ValueKind);
        // No number for it, ever: the registration step was never reached.
        await Problem.AssertAsync(await _flow.RegisterAsync(id), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task LegalityReview_StopsTheDocument_WhenUnlawful_AndNoOneButLegalMayGiveIt()
    {
        var document = await _flow.StartShortAsync("county-gov", "关于对违规经营者实施联合惩戒的通知");
        var id = document.GetProperty("id").GetGuid();
        var instance = document.GetProperty("instanceId").GetGuid();
        await _flow.DraftAsync(instance);
        await _flow.AdvanceByAsync("P14D");

        // Nobody stands in for the legal affairs office, not even an admin.
        var byAdmin = await _flow.CompleteAsync("admin", instance, "legality-review", new { legalityOpinion = "合法" }, "lawful");
        await Problem.AssertAsync(byAdmin, HttpStatusCode.Forbidden);
        var wrongOutcome = await _flow.CompleteAsync("legal", instance, "legality-review", new { legalityOpinion = "同意" }, "approve");
        Assert.Contains("outcome", Problem.Targets(await Problem.AssertAsync(wrongOutcome, HttpStatusCode.BadRequest)));
        await _flow.ReviewAsync(instance, "unlawful");

        Assert.Equal("Completed", (await _flow.InstanceAsync(instance)).GetProperty("status").GetString());
        await WaitUntilAsync(async () => (await _flow.DocumentAsync(id)).GetProperty("status").GetString() == "abandoned", "the register to record the stop");
        using var admin = await _flow.As("admin");
        var history = await admin.GetFromJsonAsync<JsonElement>($"/api/instances/{instance}/history");
        Assert.DoesNotContain(history.EnumerateArray(), e => e.GetProperty("activityId").GetString() == "collective-deliberation");
    }

    [Fact]
    public async Task CollectiveDeliberation_StopsTheDocument_WhenRejected_AndItIsNeverNumbered()
    {
        var document = await _flow.StartShortAsync("county-gov", "关于调整城区出租车运价的通知");
        var id = document.GetProperty("id").GetGuid();
        var instance = document.GetProperty("instanceId").GetGuid();
        await _flow.DraftAsync(instance);
        await _flow.AdvanceByAsync("P14D");
        await _flow.ReviewAsync(instance);
        Assert.Equal(["collective-deliberation"], await _flow.ActiveAsync(instance));

        await _flow.CompleteOkAsync("leader", instance, "collective-deliberation",
            new { meetingDate = (await _flow.TodayAsync()).ToString("yyyy-MM-dd"), meetingType = "县政府常务会议", minutes = "会议认为运价调整时机不成熟，不予通过。" }, "reject");

        Assert.Equal("Completed", (await _flow.InstanceAsync(instance)).GetProperty("status").GetString());
        await WaitUntilAsync(async () => (await _flow.DocumentAsync(id)).GetProperty("status").GetString() == "abandoned", "the register to record the stop");
        Assert.Contains("集体审议未通过", (await _flow.DocumentAsync(id)).GetProperty("abandonedReason").GetString());
        await Problem.AssertAsync(await _flow.RegisterAsync(id), HttpStatusCode.Conflict);
    }

    /// <summary>An adapted version keeps each gate and the per-document periods: the review's window cannot be cut or ended by a timer.</summary>
    [Theory]
    [InlineData("fz:minimum=\"${legalityReviewMinimum}\"", "fz:minimum=\"1WD\"", "legality-review")]
    [InlineData("fz:minimum=\"${commentPeriod}\"", "", "public-comment")]
    [InlineData("fz:guard=\"normative-deliberation\"", "", "collective-deliberation")]
    [InlineData("<bpmn:sequenceFlow id=\"to-legality-gate\"",
        "<bpmn:boundaryEvent id=\"review-timeout\" attachedToRef=\"legality-review\"><bpmn:timerEventDefinition><bpmn:timeDuration>P15D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent><bpmn:sequenceFlow id=\"f-timeout\" sourceRef=\"review-timeout\" targetRef=\"collective-deliberation\" /><bpmn:sequenceFlow id=\"to-legality-gate\"",
        "legality-review")]
    public async Task Publish_RefusesAnAdaptedVersion_ThatCutsTheReviewWindowOrDropsAGate(string original, string replacement, string element)
    {
        using var admin = await _flow.As("admin");
        var latest = (await admin.GetFromJsonAsync<JsonElement>("/api/definitions?key=normative-document")).EnumerateArray()
            .Max(d => d.GetProperty("version").GetInt32());
        var xml = await admin.GetStringAsync($"/api/definitions/normative-document/versions/{latest}/xml");
        Assert.Contains(original, xml);

        var response = await admin.PostAsync("/api/definitions?publish=true",
            new StringContent(xml.Replace(original, replacement, StringComparison.Ordinal), System.Text.Encoding.UTF8, "application/xml"));

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal([element], Problem.Targets(problem).Distinct());
    }
}
