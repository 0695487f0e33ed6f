using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Workflows.Host.Tests.Infrastructure;
using Workflows.Procedures.MajorDecisions;
using static Workflows.Host.Tests.MajorDecisions.DecisionDriver;

namespace Workflows.Host.Tests.MajorDecisions;

/// <summary>Each gate of the procedure refusing bad or out-of-order input, naming the field, with nothing written.</summary>
public sealed class MajorDecisionGateTests(MajorDecisionHostFactory host) : IClassFixture<MajorDecisionHostFactory>
{
    private readonly DecisionDriver _d = new(host);

    [Fact]
    public async Task Propose_NamesEveryBadField_AndStartsNothing_WhenTheProposalIsIncomplete()
    {
        using var owner = await _d.As("owner");
        using var admin = await _d.As("admin");
        var before = (await owner.GetFromJsonAsync<JsonElement>("/api/decisions")).GetArrayLength();
        var instancesBefore = (await admin.GetFromJsonAsync<JsonElement>("/api/instances?definitionKey=major-decision")).GetArrayLength();

        var response = await owner.PostAsJsonAsync("/api/decisions", new JsonObject
        {
            ["catalogueYear"] = 1999,
            ["legalBasis"] = new JsonArray(""),
            ["marketActorsAffected"] = "yes",
            ["catalogueItemId"] = Guid.NewGuid().ToString(),
        });

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["catalogueYear", "firstPlan", "legalBasis[0]", "marketActorsAffected", "reasons", "title"], Problem.Targets(problem).Order());
        Assert.Equal(before, (await owner.GetFromJsonAsync<JsonElement>("/api/decisions")).GetArrayLength());
        Assert.Equal(instancesBefore, (await admin.GetFromJsonAsync<JsonElement>("/api/instances?definitionKey=major-decision")).GetArrayLength());
    }

    [Fact]
    public async Task StartDecision_RefusesSkippedStepsWithoutReasons_AndPublicParticipationUnlessNotDisclosable()
    {
        var id = await _d.ProposeAsync("关于调整城区供水价格的决策");
        var applicability = NoneApply();
        applicability["publicParticipation"] = new JsonObject { ["applies"] = false, ["reason"] = "时间紧迫。" };
        applicability["hearing"] = new JsonObject { ["applies"] = false };
        var record = StartDecision(await _d.TodayAsync(), applicability);
        record["leadUnit"] = "no-such-unit";

        var problem = await _d.RecordAsync(id, "start-decision", "leader", record, HttpStatusCode.BadRequest);
        Assert.Equal(["applicability.hearing.reason", "applicability.publicParticipation.notDisclosable"], Problem.Targets(problem).Order());

        var shortened = StartDecision(await _d.TodayAsync(), AllApply());
        shortened["commentPeriodDays"] = 20;
        shortened["leadUnit"] = "no-such-unit";
        problem = await _d.RecordAsync(id, "start-decision", "leader", shortened, HttpStatusCode.BadRequest);
        Assert.Equal(["commentShortenReason"], Problem.Targets(problem));

        shortened["commentShortenReason"] = "上级要求限期完成。";
        problem = await _d.RecordAsync(id, "start-decision", "leader", shortened, HttpStatusCode.BadRequest);
        Assert.Equal(["leadUnit"], Problem.Targets(problem)); // checked by the guard, against the accounts' units
        Assert.Equal(["proposal"], await _d.OpenStepsAsync(id));
        Assert.DoesNotContain((await _d.GetAsync(id)).GetProperty("records").EnumerateArray(), r => r.GetProperty("kind").GetString() == "proposal");
    }

    [Fact]
    public async Task UnlawfulOpinion_BlocksTheMeeting_UntilTheDecisionBodyEndsTheProcedure()
    {
        var id = await StartWithoutOptionalStepsAsync("关于设立县城市建设投资公司的决策");
        var opinion = await _d.UploadAsync(id, "legal", "legality-opinion", "审查意见：超越法定权限。");
        await _d.RecordAsync(id, "legality-opinion", "legal", Opinion("unlawful", opinion, shortenReason: "审查机构已完成审查，无需保留剩余期限。"));
        Assert.Equal(["unlawful-disposition"], await _d.OpenStepsAsync(id));

        var meeting = await _d.RecordAsync(id, "meeting-record", "leader", Meeting(await _d.TodayAsync(), "adopt"), HttpStatusCode.Conflict);
        Assert.Contains("审查不合法的处理", meeting.GetProperty("detail").GetString());
        await _d.RecordAsync(id, "meeting-materials", "owner", [], HttpStatusCode.Conflict);

        var ended = await _d.RecordAsync(id, "unlawful-disposition", "leader", new JsonObject { ["action"] = "terminate", ["reason"] = "超越法定权限，终止决策程序。" });
        Assert.Equal("Terminated", ended.GetProperty("decision").GetProperty("status").GetString());
        Assert.Equal("unlawful", ended.GetProperty("decision").GetProperty("legalityOpinion").GetString());
        Assert.Equal(["archive"], OpenSteps(ended));
        using var owner = await _d.As("owner");
        await Problem.AssertAsync(await owner.PostAsJsonAsync($"/api/decisions/{id}/adjustments", Proposal("调整")), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task StartDecision_NotToStart_EndsTheProcedure_WithItsReason()
    {
        var id = await _d.ProposeAsync("关于新建县城第二水厂的决策");
        var today = await _d.TodayAsync();
        var noReason = await _d.RecordAsync(id, "start-decision", "leader", new JsonObject { ["started"] = false, ["decidedOn"] = Day(today) }, HttpStatusCode.BadRequest);
        Assert.Equal(["reason"], Problem.Targets(noReason));

        var ended = await _d.RecordAsync(id, "start-decision", "leader",
            new JsonObject { ["started"] = false, ["decidedOn"] = Day(today), ["reason"] = "现有水厂供水能力尚能满足需求，暂不启动。" });

        Assert.Equal("NotStarted", ended.GetProperty("decision").GetProperty("status").GetString());
        Assert.Empty(OpenSteps(ended));
        await _d.RecordAsync(id, "draft", "owner", Draft(Guid.NewGuid().ToString()), HttpStatusCode.Conflict);
        using var admin = await _d.As("admin");
        Assert.Equal("Completed", (await admin.GetFromJsonAsync<JsonElement>($"/api/instances/{id}")).GetProperty("status").GetString());
    }

    /// <summary>After an unlawful opinion the decision body may send the matter back: a new draft, and a new review with the full window.</summary>
    [Fact]
    public async Task UnlawfulOpinion_Redraft_RepeatsTheReviewWithItsFullWindow()
    {
        var id = await StartWithoutOptionalStepsAsync("关于收回城区部分国有土地使用权的决策");
        var opinion = await _d.UploadAsync(id, "legal", "legality-opinion", "审查意见：程序不合法。");
        await _d.RecordAsync(id, "legality-opinion", "legal", Opinion("unlawful", opinion, shortenReason: "审查机构已完成审查。"));
        var back = await _d.RecordAsync(id, "unlawful-disposition", "leader", new JsonObject { ["action"] = "redraft", ["reason"] = "补正程序后重新拟订。" });
        Assert.Equal(["drafting"], OpenSteps(back));

        var draft = await _d.UploadAsync(id, "owner", "draft", "决策草案（重新拟订稿）");
        await _d.RecordAsync(id, "draft", "owner", Draft(draft, "补充听取被征收人意见的程序"));
        await _d.RecordAsync(id, "legality-submission", "owner", new JsonObject { ["legalBasis"] = new JsonArray("《土地管理法》第五十八条") });
        Assert.Equal(["legality-review"], await _d.OpenStepsAsync(id));

        // The earlier unlawful opinion does not carry over: the meeting waits, and the new review has its 7 working days again.
        await _d.RecordAsync(id, "meeting-record", "leader", Meeting(await _d.TodayAsync(), "adopt"), HttpStatusCode.Conflict);
        var second = await _d.UploadAsync(id, "legal", "legality-opinion", "审查意见：合法。");
        var tooSoon = await _d.RecordAsync(id, "legality-opinion", "legal", Opinion("lawful", second), HttpStatusCode.BadRequest);
        Assert.Contains("shortenReason", Problem.Targets(tooSoon));
        await _d.AdvanceAsync("P14D");
        await _d.RecordAsync(id, "legality-opinion", "legal", Opinion("lawful", second));
        Assert.Equal(["meeting-materials"], await _d.OpenStepsAsync(id));
    }

    [Fact]
    public async Task UploadDocument_IsRefusedNamingTheField_WhenTheKindIsUnknownOrTheContentIsNotWhatItsNameSays()
    {
        var id = await _d.ProposeAsync("关于实施城区道路改造的决策");
        using var owner = await _d.As("owner");

        using var unknownKind = new MultipartFormDataContent { { new ByteArrayContent("草案"u8.ToArray()), "file", "a.txt" }, { new StringContent("poster"), "kind" } };
        Assert.Equal(["kind"], Problem.Targets(await Problem.AssertAsync(await owner.PostAsync($"/api/decisions/{id}/documents", unknownKind), HttpStatusCode.BadRequest)));
        using var fakePdf = new MultipartFormDataContent { { new ByteArrayContent("MZ not a pdf"u8.ToArray()), "file", "draft.pdf" }, { new StringContent("draft"), "kind" } };
        Assert.Equal(["file"], Problem.Targets(await Problem.AssertAsync(await owner.PostAsync($"/api/decisions/{id}/documents", fakePdf), HttpStatusCode.BadRequest)));
        using var reviewer = await _d.As("reviewer");
        using var stranger = new MultipartFormDataContent { { new ByteArrayContent("x"u8.ToArray()), "file", "a.txt" }, { new StringContent("other"), "kind" } };
        await Problem.AssertAsync(await reviewer.PostAsync($"/api/decisions/{id}/documents", stranger), HttpStatusCode.Forbidden);
        Assert.Empty((await _d.GetAsync(id)).GetProperty("documents").EnumerateArray());
    }

    [Fact]
    public async Task TaskCompletion_RefusesRewritingAnotherStepsRecord_ThroughTheGenericTaskApi()
    {
        var id = await _d.ProposeAsync("关于实施老旧小区改造的决策");
        await _d.RecordAsync(id, "start-decision", "leader", StartDecision(await _d.TodayAsync(), AllApply()));
        var draft = await _d.UploadAsync(id, "owner", "draft", "草案");
        var task = (await _d.GetAsync(id)).GetProperty("openSteps").EnumerateArray().Single().GetProperty("taskId").GetGuid();

        using var owner = await _d.As("owner");
        var variables = new JsonObject
        {
            ["drafting"] = Draft(draft),
            ["draftDocumentId"] = draft,
            ["explanation"] = Draft(draft)["explanation"]!.DeepClone(),
            ["startDecision"] = StartDecision(await _d.TodayAsync(), NoneApply()),
        };
        var response = await owner.PostAsJsonAsync($"/api/tasks/{task}/complete", new { variables });

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["variables.startDecision"], Problem.Targets(problem));
        Assert.Equal(["drafting"], await _d.OpenStepsAsync(id));
    }

    [Theory]
    [InlineData("fz:minimum=\"7WD\"", "fz:minimum=\"3WD\"")]
    [InlineData("<bpmn:sequenceFlow id=\"f-legality-review\"",
        "<bpmn:boundaryEvent id=\"review-timeout\" attachedToRef=\"legality-review\"><bpmn:timerEventDefinition><bpmn:timeDuration>P15D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent><bpmn:sequenceFlow id=\"f-timeout\" sourceRef=\"review-timeout\" targetRef=\"to-materials\" /><bpmn:sequenceFlow id=\"f-legality-review\"")]
    public async Task Publish_RefusesALegalityReview_ThatATimerCanCloseOrThatGivesLessThanSevenWorkingDays(string original, string replacement)
    {
        var xml = MajorDecisionDefinition.ReadXml();
        Assert.Contains(original, xml);
        using var admin = await _d.As("admin");

        var response = await admin.PostAsync("/api/definitions?publish=true",
            new StringContent(xml.Replace(original, replacement, StringComparison.Ordinal), Encoding.UTF8, "application/xml"));

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("legality-review", Problem.Targets(problem));
    }

    /// <summary>An adapted version keeps every statutory step with its guard: dropping one would let the step be skipped or closed unchecked.</summary>
    [Theory]
    [InlineData("fz:guard=\"decision-legality-opinion,decision-variables\"", "fz:guard=\"decision-variables\"", "legality-review")]
    [InlineData("fz:guard=\"decision-meeting-record,decision-variables\"", "", "collective-decision")]
    [InlineData("fz:guard=\"decision-publication,decision-variables\"", "fz:guard=\"decision-publication\"", "publication")]
    public async Task Publish_RefusesAnAdaptedVersion_ThatDropsAStatutoryStepsGuard(string original, string replacement, string element)
    {
        var xml = MajorDecisionDefinition.ReadXml();
        Assert.Contains(original, xml);
        using var admin = await _d.As("admin");

        var response = await admin.PostAsync("/api/definitions?publish=true",
            new StringContent(xml.Replace(original, replacement, StringComparison.Ordinal), Encoding.UTF8, "application/xml"));

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal([element], Problem.Targets(problem).Distinct());
    }

    /// <summary>A decision whose start decision applies none of the optional steps, waiting in legality review.</summary>
    private async Task<Guid> StartWithoutOptionalStepsAsync(string title)
    {
        var id = await _d.ProposeAsync(title);
        await _d.RecordAsync(id, "start-decision", "leader", StartDecision(await _d.TodayAsync(), NoneApply()));
        await _d.RecordAsync(id, "draft", "owner", Draft(await _d.UploadAsync(id, "owner", "draft", "草案")));
        await _d.RecordAsync(id, "legality-submission", "owner", new JsonObject { ["legalBasis"] = new JsonArray("《公司法》") });
        Assert.Equal(["legality-review"], await _d.OpenStepsAsync(id));
        return id;
    }
}
