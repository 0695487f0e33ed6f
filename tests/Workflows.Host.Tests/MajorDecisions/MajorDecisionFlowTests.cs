using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Workflows.Host.Tests.Infrastructure;
using static Workflows.Host.Tests.MajorDecisions.DecisionDriver;

namespace Workflows.Host.Tests.MajorDecisions;

/// <summary>
/// A whole major decision through the API on the simulated clock, from the proposal to the archive,
/// with every gate on the way tried too early or without what it needs first. A class of its own:
/// it moves the clock by months.
/// </summary>
public sealed class MajorDecisionFlowTests(MajorDecisionHostFactory host) : IClassFixture<MajorDecisionHostFactory>
{
    private readonly DecisionDriver _d = new(host);

    [Fact]
    public async Task MajorDecision_RunsFromProposalToArchive_WhenEveryGateIsSatisfiedInTurn()
    {
        var id = await _d.ProposeAsync("关于城区公共停车设施建设和收费调整的决策", marketActors: true);
        Assert.Equal(["proposal"], await _d.OpenStepsAsync(id));

        // 0 启动: nothing runs before the decision body decides, and only it may decide.
        var early = await _d.RecordAsync(id, "draft", "owner", Draft(Guid.NewGuid().ToString()), HttpStatusCode.Conflict);
        Assert.Contains("决策启动", early.GetProperty("detail").GetString());
        var today = await _d.TodayAsync();
        await _d.RecordAsync(id, "start-decision", "owner", StartDecision(today, AllApply()), HttpStatusCode.Forbidden);
        await _d.RecordAsync(id, "start-decision", "leader", StartDecision(today, AllApply()));
        Assert.Equal(["drafting"], await _d.OpenStepsAsync(id));

        // 1 拟订: the draft starts public participation, the hearing and the experts at once.
        await _d.StockExpertPoolAsync();
        var draft1 = await _d.UploadAsync(id, "owner", "draft", "决策草案（征求意见稿）");
        await _d.RecordAsync(id, "draft", "owner", Draft(draft1));
        // One consultation task for each of the two experts chosen.
        Assert.Equal(["expert-consultation", "expert-consultation", "hearing", "public-participation"], await _d.OpenStepsAsync(id));
        var notYet = await _d.RecordAsync(id, "legality-submission", "owner", Submission(), HttpStatusCode.Conflict);
        Assert.Contains("合法性审查", notYet.GetProperty("detail").GetString());

        // 2 公众参与: the draft and its explanation are on the public page, and anyone may comment without signing in.
        var (consultationId, page) = await _d.PublicConsultationAsync(id);
        Assert.Equal("open", page.GetProperty("status").GetString());
        Assert.Equal("关于城区公共停车设施建设和收费调整的决策", page.GetProperty("title").GetString());
        Assert.Equal((string?)Draft(draft1)["explanation"], page.GetProperty("explanation").GetString());
        Assert.Equal("2026-04-01", page.GetProperty("lastDay").GetString()); // 30 days from 2026-03-02
        using (var visitor = _d.Public())
        {
            var download = await visitor.GetAsync(page.GetProperty("draft").GetProperty("url").GetString());
            Assert.Equal("决策草案（征求意见稿）", await download.Content.ReadAsStringAsync());
        }
        await _d.CommentAsync(consultationId, new { name = "王先生", contact = "13900000000", content = "建议老城区增设夜间免费停车时段。" });
        await _d.CommentAsync(consultationId, new { content = "收费标准偏高，建议按区域分级。" });

        // 3 专家论证: chosen from the pool by field, those with an interest excluded; each files a signed opinion.
        Assert.Equal(ChosenExperts, (await _d.VariablesAsync(id)).GetProperty("experts").EnumerateArray().Select(e => e.GetString()).Order());
        var selection = Assert.Single(await _d.HistoryAsync(id, "ExpertsSelected"));
        var excluded = selection.GetProperty("excluded").EnumerateArray().ToDictionary(x => x.GetProperty("name").GetString()!, x => x.GetProperty("reason").GetString()!);
        Assert.Equal(["吴刚", "黄文"], excluded.Keys.Order());
        Assert.Contains("城区公共停车设施", excluded["黄文"]);
        Assert.Contains("县发展和改革局", excluded["吴刚"]);
        await _d.ExpertsGiveOpinionsAsync(id, "关于城区公共停车设施建设和收费调整的决策");
        var unanswered = await _d.CompleteStepAsync(id, "expert-adoption", "owner", expected: HttpStatusCode.BadRequest);
        Assert.Equal(["expertOpinions"], Problem.Targets(unanswered));
        await _d.AnswerOpinionsAsync(id, "adopted", "partly");
        await _d.CompleteStepAsync(id, "expert-adoption", "owner");

        // 2a 听证: the notice at least 7 days ahead, the participants, and the signed record made at the hearing.
        var noticeDay = await _d.TodayAsync();
        var hearingDay = noticeDay.AddDays(8);
        var hearing = Hearing(noticeDay, hearingDay);
        var notHeld = await _d.CompleteStepAsync(id, "hearing", "owner", hearing, HttpStatusCode.BadRequest);
        Assert.Equal(["documents.hearing-record", "variables.hearingDate"], Problem.Targets(notHeld).Order());
        await _d.AdvanceAsync("P8D");
        await _d.UploadAsync(id, "owner", "hearing-record", "听证笔录（听证参加人签字）");
        await _d.CompleteStepAsync(id, "hearing", "owner", hearing);

        // 2 公众参与: at least 30 days; on day 29 only with a recorded reason, and never with a comment unanswered.
        await _d.AdvanceAsync("P21D");
        var day29 = await _d.CompleteStepAsync(id, "public-participation", "owner", expected: HttpStatusCode.BadRequest);
        Assert.Equal(["comments", "feedback", "shortenReason"], Problem.Targets(day29).Order());
        await _d.AnswerCommentsAsync(consultationId, "adopted", "not-adopted");
        await _d.PublishFeedbackAsync(consultationId, "共收到意见 2 条，采纳 1 条、不予采纳 1 条：老城区增设夜间免费停车时段。");
        day29 = await _d.CompleteStepAsync(id, "public-participation", "owner", expected: HttpStatusCode.BadRequest);
        Assert.Equal(["shortenReason"], Problem.Targets(day29));
        await _d.AdvanceAsync("P2D");
        await _d.CompleteStepAsync(id, "public-participation", "owner");
        Assert.Equal(["risk-assessment"], await _d.OpenStepsAsync(id));
        using (var visitor = _d.Public())
        {
            var closed = await visitor.GetFromJsonAsync<JsonElement>($"/api/public/consultations/{consultationId}");
            Assert.Equal("closed", closed.GetProperty("status").GetString());
            Assert.StartsWith("共收到意见 2 条", closed.GetProperty("feedback").GetProperty("summary").GetString());
        }

        // 4 风险评估: a high risk sends the draft back; the revision needs a new draft text.
        await _d.RecordAsync(id, "risk-assessment", "owner", Risk("high"));
        Assert.Equal(["drafting"], await _d.OpenStepsAsync(id));
        var sameDraft = await _d.RecordAsync(id, "draft", "owner", Draft(draft1, "增加居民优惠时段"), HttpStatusCode.BadRequest);
        Assert.Contains("draftDocumentId", Problem.Targets(sameDraft));
        var draft2 = await _d.UploadAsync(id, "owner", "draft", "决策草案（修改稿）");
        await _d.RecordAsync(id, "draft", "owner", Draft(draft2, "增加居民优惠时段"));
        Assert.Equal(["risk-assessment"], await _d.OpenStepsAsync(id));
        await _d.RecordAsync(id, "risk-assessment", "owner", Risk("medium"));
        Assert.Equal(["legality-submission"], await _d.OpenStepsAsync(id));

        // 7 集体讨论 before 5 合法性审查 is refused.
        var meetingTooEarly = await _d.RecordAsync(id, "meeting-record", "leader", Meeting(await _d.TodayAsync(), "adopt"), HttpStatusCode.Conflict);
        Assert.Contains("集体讨论决定", meetingTooEarly.GetProperty("detail").GetString());

        // 5 合法性审查: the submission carries the compiled statement; the reviewer has 7 working days.
        var submitted = await _d.RecordAsync(id, "legality-submission", "owner", Submission());
        var statement = Records(submitted, "ProcedureStatementCompiled").Last();
        Assert.True(statement.GetProperty("complete").GetBoolean());
        Assert.All(statement.GetProperty("steps").EnumerateArray(), s => Assert.True(s.GetProperty("done").GetBoolean()));
        var review = submitted.GetProperty("openSteps").EnumerateArray().Single();
        Assert.Equal("legality-review", review.GetProperty("activityId").GetString());
        Assert.True(review.GetProperty("earliestCompletion").GetDateTimeOffset() > DateTimeOffset.Parse("2026-04-12T00:00:00+08:00", CultureInfo.InvariantCulture));
        var opinion1 = await _d.UploadAsync(id, "legal", "legality-opinion", "合法性审查意见书（一）");
        await _d.RecordAsync(id, "legality-opinion", "owner", Opinion("lawful", opinion1), HttpStatusCode.Forbidden);
        var tooSoon = await _d.RecordAsync(id, "legality-opinion", "legal", Opinion("lawful", opinion1), HttpStatusCode.BadRequest);
        Assert.Contains("shortenReason", Problem.Targets(tooSoon));
        await _d.AdvanceAsync("P14D");
        await _d.RecordAsync(id, "legality-opinion", "legal", Opinion("lawful-after-changes", opinion1));
        Assert.Equal(["drafting"], await _d.OpenStepsAsync(id));
        var draft3 = await _d.UploadAsync(id, "owner", "draft", "决策草案（送审修改稿）");
        await _d.RecordAsync(id, "draft", "owner", Draft(draft3, "删除第五条"));
        Assert.Equal(["legality-submission"], await _d.OpenStepsAsync(id));
        await _d.RecordAsync(id, "legality-submission", "owner", Submission());
        await _d.AdvanceAsync("P14D");
        var opinion2 = await _d.UploadAsync(id, "legal", "legality-opinion", "合法性审查意见书（二）");
        await _d.RecordAsync(id, "legality-opinion", "legal", Opinion("lawful", opinion2));
        Assert.Equal(["meeting-materials"], await _d.OpenStepsAsync(id));

        // 6 会议材料: market actors are affected, so the fair-competition review must be there.
        var missing = await _d.RecordAsync(id, "meeting-materials", "owner", [], HttpStatusCode.BadRequest);
        Assert.Equal(["materials.fair-competition-review"], Problem.Targets(missing));
        await _d.UploadAsync(id, "owner", "fair-competition-review", "公平竞争审查意见：未发现排除、限制竞争内容。");
        var materials = await _d.RecordAsync(id, "meeting-materials", "owner", []);
        var compiled = Records(materials, "MeetingMaterialsCompiled").Last();
        Assert.True(compiled.GetProperty("complete").GetBoolean());
        AssertMaterialsCarryTheAdoptionSummaries(compiled, consultationId);

        // 7 集体讨论决定: dissent against the head needs the head's reasons; the evaluator may not be the risk assessor.
        var meetingDay = await _d.TodayAsync();
        var noReasons = await _d.RecordAsync(id, "meeting-record", "leader", Meeting(meetingDay, "adopt", support: "oppose"), HttpStatusCode.BadRequest);
        Assert.Equal(["headReasons"], Problem.Targets(noReasons));
        var assessorEvaluates = await _d.RecordAsync(id, "meeting-record", "leader", Meeting(meetingDay, "adopt", evaluatorUnit: LeadUnit), HttpStatusCode.BadRequest);
        Assert.Equal(["execution.evaluatorUnit"], Problem.Targets(assessorEvaluates));
        await _d.RecordAsync(id, "meeting-record", "leader", Meeting(meetingDay, "adopt", support: "oppose", headReasons: "事关民生，经权衡利大于弊。"));
        Assert.Equal(["party-report"], await _d.OpenStepsAsync(id));

        // 8 请示报告 before 9 公布, which is due 20 working days after the decision.
        var beforeReport = await _d.RecordAsync(id, "publication", "leader", Publication(meetingDay), HttpStatusCode.Conflict);
        Assert.Contains("向党委请示报告", beforeReport.GetProperty("detail").GetString());
        var reported = await _d.RecordAsync(id, "party-report", "leader", PartyReport(meetingDay));
        using (var owner = await _d.As("owner"))
        {
            var due = await owner.GetFromJsonAsync<JsonElement>($"/api/calendar/deadline?start={Day(meetingDay)}&amount=20&unit=workingDays");
            var publicationTask = reported.GetProperty("openSteps").EnumerateArray().Single();
            Assert.Equal(due.GetProperty("due").GetString(),
                publicationTask.GetProperty("dueAt").GetDateTimeOffset().ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        var published = await _d.RecordAsync(id, "publication", "leader", Publication(meetingDay));
        Assert.Equal("Published", published.GetProperty("decision").GetProperty("status").GetString());
        Assert.Empty(published.GetProperty("openSteps").EnumerateArray());

        // 11 执行: the report falls due on the schedule the decision set.
        await _d.AdvanceAsync("P95D");
        Assert.Equal(["execution-report"], await _d.OpenStepsAsync(id));
        await _d.RecordAsync(id, "execution-reports", "owner", new JsonObject
        {
            ["reportedOn"] = Day(await _d.TodayAsync()), ["progress"] = "三处停车场已建成投用。", ["final"] = true,
            ["goals"] = new JsonArray(new JsonObject { ["goal"] = "三处停车场建成投用", ["status"] = "done" }),
        });

        // 12 决策后评估: asked for by the decision body, done by a unit other than the risk assessor.
        await _d.RecordAsync(id, "evaluation-requests", "leader", new JsonObject { ["reason"] = "群众反映收费偏高，启动评估。" });
        Assert.Equal(["post-evaluation"], await _d.OpenStepsAsync(id));
        var report = await _d.UploadAsync(id, "reviewer", "evaluation-report", "决策后评估报告");
        var byAssessor = await _d.RecordAsync(id, "post-evaluation", "reviewer", Evaluation(report, LeadUnit), HttpStatusCode.BadRequest);
        Assert.Equal(["evaluatorUnit"], Problem.Targets(byAssessor));
        await _d.RecordAsync(id, "post-evaluation", "owner", Evaluation(report, LegalOffice), HttpStatusCode.Forbidden);
        await _d.RecordAsync(id, "post-evaluation", "reviewer", Evaluation(report, LegalOffice));

        // 10 归档
        var archived = await _d.RecordAsync(id, "archive", "owner", new JsonObject { ["note"] = "全过程材料归档。" });
        Assert.Equal("Archived", archived.GetProperty("decision").GetProperty("status").GetString());
        using (var admin = await _d.As("admin"))
        {
            Assert.Equal("Completed", (await admin.GetFromJsonAsync<JsonElement>($"/api/instances/{id}")).GetProperty("status").GetString());
        }
        await AssertDossierAsync(id, archived);

        // 13 调整: a new decision, linked to this one, that runs the whole procedure again.
        using var adjusting = await _d.As("owner");
        var adjustment = await adjusting.PostAsJsonAsync($"/api/decisions/{id}/adjustments", Proposal("关于调整城区公共停车收费标准的决策"));
        var adjusted = JsonDocument.Parse(await adjustment.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.Created, adjustment.StatusCode);
        Assert.Equal(id, adjusted.GetProperty("decision").GetProperty("adjustsDecisionId").GetGuid());
        Assert.Equal(["proposal"], OpenSteps(adjusted));
    }

    /// <summary>The materials carry what the public and the experts were told and answered, counted from their records.</summary>
    private static void AssertMaterialsCarryTheAdoptionSummaries(JsonElement compiled, Guid consultationId)
    {
        JsonElement Item(string key) => compiled.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("key").GetString() == key);
        var comments = Item("public-comment-adoption").GetProperty("reference").GetProperty("content");
        Assert.Equal(consultationId.ToString(), comments.GetProperty("consultationId").GetString());
        Assert.Equal((2, 1, 0, 1), (comments.GetProperty("comments").GetInt32(), comments.GetProperty("adopted").GetInt32(),
            comments.GetProperty("partly").GetInt32(), comments.GetProperty("notAdopted").GetInt32()));
        Assert.StartsWith("共收到意见 2 条", comments.GetProperty("feedback").GetString());
        Assert.Equal(JsonValueKind.String, Item("public-comment-adoption").GetProperty("reference").GetProperty("documentId").ValueKind);

        var experts = Item("expert-adoption").GetProperty("reference").GetProperty("content");
        Assert.Equal((2, 1, 1, 0), (experts.GetProperty("opinions").GetInt32(), experts.GetProperty("adopted").GetInt32(),
            experts.GetProperty("partly").GetInt32(), experts.GetProperty("notAdopted").GetInt32()));
        Assert.Equal(["市交通科学研究所", "市规划设计研究院"],
            experts.GetProperty("experts").EnumerateArray().Select(e => e.GetProperty("organisation").GetString()).Order());
    }

    private async Task AssertDossierAsync(Guid id, JsonElement detail)
    {
        using var owner = await _d.As("owner");
        var response = await owner.GetAsync($"/api/decisions/{id}/dossier");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("重大行政决策档案_关于城区公共停车设施", response.Content.Headers.ContentDisposition?.FileNameStar);

        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        var names = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("决策事项.json", names);
        Assert.Contains("程序记录.json", names);
        Assert.Contains("流程日志.json", names);
        Assert.Contains("校验结果.json", names);
        var documents = detail.GetProperty("documents").GetArrayLength();
        Assert.Equal(documents, names.Count(n => n.StartsWith("文档/", StringComparison.Ordinal)));
        Assert.Contains("文档/决策草案_draft.txt", names);
        Assert.Contains("文档/合法性审查意见书_legality-opinion.txt", names);
        Assert.Contains("文档/听证笔录_hearing-record.txt", names);
        Assert.Equal(2, names.Count(n => n.StartsWith("文档/专家论证意见_", StringComparison.Ordinal)));
        Assert.Contains(names, n => n.StartsWith("文档/公众意见反馈采纳情况和理由_", StringComparison.Ordinal));

        var verification = Read(zip, "校验结果.json");
        Assert.True(verification.GetProperty("valid").GetBoolean());
        Assert.True(verification.GetProperty("journal").GetProperty("valid").GetBoolean());
        Assert.Equal(documents, verification.GetProperty("documents").GetArrayLength());
        var journal = Read(zip, "流程日志.json");
        Assert.Equal(verification.GetProperty("journal").GetProperty("entries").GetInt32(), journal.GetArrayLength());
        var kinds = Read(zip, "程序记录.json").EnumerateArray().Select(r => r.GetProperty("kind").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?>
        {
            "proposed", "proposal", "drafting", "public-participation", "hearing", "expert-consultation", "expert-adoption", "risk-assessment",
            "legality-submission", "ProcedureStatementCompiled", "legality-review", "meeting-materials", "MeetingMaterialsCompiled",
            "collective-decision", "party-report", "publication", "execution-report", "evaluation-request", "post-evaluation", "archive",
        }, kinds);
        var meeting = Read(zip, "程序记录.json").EnumerateArray().Single(r => r.GetProperty("kind").GetString() == "collective-decision");
        Assert.Equal(2, meeting.GetProperty("content").GetProperty("views").EnumerateArray().Count(v => v.GetProperty("position").GetString() == "oppose"));
    }

    private static JsonElement Read(ZipArchive zip, string name)
    {
        using var stream = zip.GetEntry(name)!.Open();
        return JsonDocument.Parse(stream).RootElement.Clone();
    }
}
