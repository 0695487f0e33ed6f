using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;
using Workflows.Host.Tests.Infrastructure;
using Workflows.Host.Tests.Notifications;
using static Workflows.Host.Tests.MajorDecisions.DecisionDriver;

namespace Workflows.Host.Tests.MajorDecisions;

/// <summary>The procedure and its register on a real PostgreSQL server (WORKFLOWS_TEST_POSTGRES).</summary>
public sealed class MajorDecisionPostgreSqlTests(MajorDecisionPostgreSqlFactory host) : IClassFixture<MajorDecisionPostgreSqlFactory>
{
    private readonly DecisionDriver _d = new(host);

    [Fact]
    public async Task RejectedDecision_IsArchivedWithItsRecords_WhenRunOnPostgreSql()
    {
        var id = await _d.ProposeAsync("关于撤并县城区两所小学的决策");
        var today = await _d.TodayAsync();
        await _d.RecordAsync(id, "start-decision", "leader", StartDecision(today, NoneApply()));
        await _d.RecordAsync(id, "draft", "owner", Draft(await _d.UploadAsync(id, "owner", "draft", "草案")));
        await _d.RecordAsync(id, "legality-submission", "owner", new JsonObject { ["legalBasis"] = new JsonArray("《义务教育法》") });
        var opinion = await _d.UploadAsync(id, "legal", "legality-opinion", "审查意见：合法。");
        await _d.RecordAsync(id, "legality-opinion", "legal", Opinion("lawful", opinion, shortenReason: "材料齐全，审查机构提前办结。"));
        await _d.RecordAsync(id, "meeting-materials", "owner", []);
        var rejected = await _d.RecordAsync(id, "meeting-record", "leader", Meeting(today, "reject", support: "oppose"));
        Assert.Equal("Rejected", rejected.GetProperty("decision").GetProperty("status").GetString());

        var archived = await _d.RecordAsync(id, "archive", "owner", []);

        Assert.Equal("Archived", archived.GetProperty("decision").GetProperty("status").GetString());
        Assert.Equal("reject", archived.GetProperty("decision").GetProperty("meetingOutcome").GetString());
        await using (var connection = new NpgsqlConnection(host.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("""SELECT count(*) FROM md_records WHERE "DecisionId" = @id""", connection);
            command.Parameters.AddWithValue("id", id);
            Assert.Equal(archived.GetProperty("records").GetArrayLength(), (long)(await command.ExecuteScalarAsync())!);
        }
        using var owner = await _d.As("owner");
        var response = await owner.GetAsync($"/api/decisions/{id}/dossier");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        using var verification = zip.GetEntry("校验结果.json")!.Open();
        Assert.True(JsonDocument.Parse(verification).RootElement.GetProperty("valid").GetBoolean());
    }

    /// <summary>
    /// The optional steps for real on PostgreSQL: public comments on the public page and their adoption,
    /// a hearing with its signed record, experts chosen from the pool filing signed opinions; then the
    /// paths the SQLite flow does not take — an uncontrollable risk sent back, a deferred meeting, and the
    /// post-evaluation started by the configured period rather than by a person.
    /// </summary>
    [Fact]
    public async Task ParticipationPath_RunsFromCommentsHearingAndExpertsToArchive_WhenRunOnPostgreSql()
    {
        const string title = "关于城区公共停车设施建设和收费调整的决策";
        var id = await _d.ProposeAsync(title);
        await _d.RecordAsync(id, "start-decision", "leader", StartDecision(await _d.TodayAsync(), AllApply()));
        await _d.StockExpertPoolAsync();
        var draft1 = await _d.UploadAsync(id, "owner", "draft", "决策草案（征求意见稿）");
        await _d.RecordAsync(id, "draft", "owner", Draft(draft1));
        Assert.Equal(["expert-consultation", "expert-consultation", "hearing", "public-participation"], await _d.OpenStepsAsync(id));

        // 公众参与: two members of the public comment without signing in.
        var (consultationId, page) = await _d.PublicConsultationAsync(id);
        Assert.Equal("open", page.GetProperty("status").GetString());
        await _d.CommentAsync(consultationId, new { name = "王先生", content = "建议老城区增设夜间免费停车时段。" });
        await _d.CommentAsync(consultationId, new { content = "收费标准偏高，建议按区域分级。" });

        // 专家论证: the two eligible experts file signed opinions, the owner answers each.
        Assert.Equal(ChosenExperts, (await _d.VariablesAsync(id)).GetProperty("experts").EnumerateArray().Select(e => e.GetString()).Order());
        await _d.ExpertsGiveOpinionsAsync(id, title);
        await _d.AnswerOpinionsAsync(id, "adopted", "not-adopted");
        await _d.CompleteStepAsync(id, "expert-adoption", "owner");

        // 听证: the signed record can only be filed once the hearing has been held.
        var noticeDay = await _d.TodayAsync();
        await _d.AdvanceAsync("P8D");
        await _d.UploadAsync(id, "owner", "hearing-record", "听证笔录（听证参加人签字）");
        await _d.CompleteStepAsync(id, "hearing", "owner", Hearing(noticeDay, noticeDay.AddDays(8)));

        // 公众参与 closes after its 30 days, every comment answered and the feedback published.
        await _d.AnswerCommentsAsync(consultationId, "partly", "not-adopted");
        await _d.PublishFeedbackAsync(consultationId, "共收到意见 2 条，部分采纳 1 条、不予采纳 1 条。");
        await _d.AdvanceAsync("P21D");
        Assert.Equal(["shortenReason"], Problem.Targets(await _d.CompleteStepAsync(id, "public-participation", "owner", expected: HttpStatusCode.BadRequest)));
        await _d.AdvanceAsync("P2D");
        await _d.CompleteStepAsync(id, "public-participation", "owner");

        // 风险评估: an uncontrollable risk sends the draft back as a high one does.
        await _d.RecordAsync(id, "risk-assessment", "owner", Risk("uncontrollable"));
        Assert.Equal(["drafting"], await _d.OpenStepsAsync(id));
        await _d.RecordAsync(id, "legality-submission", "owner", Submission(), HttpStatusCode.Conflict);
        await _d.RecordAsync(id, "draft", "owner", Draft(await _d.UploadAsync(id, "owner", "draft", "决策草案（修改稿）"), "暂缓收费调整"));
        await _d.RecordAsync(id, "risk-assessment", "owner", Risk("low"));

        // 合法性审查 on a statement that records every participation step done.
        var submitted = await _d.RecordAsync(id, "legality-submission", "owner", Submission());
        var statement = Records(submitted, "ProcedureStatementCompiled").Last();
        Assert.True(statement.GetProperty("complete").GetBoolean());
        Assert.Equal(4, statement.GetProperty("steps").EnumerateArray().Count(s => s.GetProperty("applies").GetBoolean() && s.GetProperty("done").GetBoolean()));
        await _d.AdvanceAsync("P14D");
        await _d.RecordAsync(id, "legality-opinion", "legal", Opinion("lawful", await _d.UploadAsync(id, "legal", "legality-opinion", "合法性审查意见书")));

        // 集体讨论: deferred, the matter comes back with its materials compiled anew.
        var materials = await _d.RecordAsync(id, "meeting-materials", "owner", []);
        var compiled = Records(materials, "MeetingMaterialsCompiled").Last();
        var comments = compiled.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("key").GetString() == "public-comment-adoption")
            .GetProperty("reference").GetProperty("content");
        Assert.Equal((2, 0, 1, 1), (comments.GetProperty("comments").GetInt32(), comments.GetProperty("adopted").GetInt32(),
            comments.GetProperty("partly").GetInt32(), comments.GetProperty("notAdopted").GetInt32()));
        var today = await _d.TodayAsync();
        await _d.RecordAsync(id, "meeting-record", "leader", Meeting(today, "defer", support: "oppose"));
        Assert.Equal(["meeting-materials"], await _d.OpenStepsAsync(id));
        await _d.RecordAsync(id, "meeting-record", "leader", Meeting(today, "adopt"), HttpStatusCode.Conflict);
        await _d.RecordAsync(id, "meeting-materials", "owner", []);
        var withChanges = Meeting(today, "adopt-with-changes");
        Assert.Equal(["changes"], Problem.Targets(await _d.RecordAsync(id, "meeting-record", "leader", withChanges, HttpStatusCode.BadRequest)));
        withChanges["changes"] = "收费标准下调百分之十。";
        var adopted = await _d.RecordAsync(id, "meeting-record", "leader", withChanges);
        Assert.Equal("Adopted", adopted.GetProperty("decision").GetProperty("status").GetString());
        await _d.RecordAsync(id, "party-report", "leader", PartyReport(today));

        // 公布 left past its 20 working days: the ladder escalates it to the legal affairs office's supervisor.
        await _d.AdvanceAsync("P40D");
        using (var supervisor = await _d.As("supervisor"))
        {
            await NotifyFlow.WaitUntilAsync(async () => (await supervisor.GetFromJsonAsync<JsonElement>("/api/inbox?take=500")).EnumerateArray()
                .Any(i => i.GetProperty("kind").GetString() == "escalation" && i.GetProperty("instanceId").GetString() == id.ToString()), "the overdue publication's escalation");
        }
        await _d.RecordAsync(id, "publication", "leader", Publication(await _d.TodayAsync()));

        // 决策后评估 by the configured period (one year), with nobody asking for it.
        await _d.AdvanceAsync("P1Y1D");
        Assert.Equal(["execution-report", "post-evaluation"], await _d.OpenStepsAsync(id));
        // The execution report fell due three months after publication and its ladder reminded the executing unit.
        using (var executor = await _d.As("owner"))
        {
            await NotifyFlow.WaitUntilAsync(async () => (await executor.GetFromJsonAsync<JsonElement>("/api/inbox?take=500")).EnumerateArray()
                .Any(i => i.GetProperty("kind").GetString() == "reminder" && i.GetProperty("instanceId").GetString() == id.ToString()), "the execution report's reminder");
        }
        var trigger = Assert.Single(Records(await _d.GetAsync(id), "evaluation-request"));
        Assert.Contains("评估周期届满", trigger.GetProperty("reason").GetString());
        await _d.RecordAsync(id, "execution-reports", "owner", new JsonObject
        {
            ["reportedOn"] = Day(await _d.TodayAsync()), ["progress"] = "三处停车场已建成投用。", ["final"] = true,
            ["goals"] = new JsonArray(new JsonObject { ["goal"] = "三处停车场建成投用", ["status"] = "done" }),
        });
        var report = await _d.UploadAsync(id, "reviewer", "evaluation-report", "决策后评估报告");
        await _d.RecordAsync(id, "post-evaluation", "reviewer", Evaluation(report, LegalOffice));
        var archived = await _d.RecordAsync(id, "archive", "owner", new JsonObject { ["note"] = "全过程材料归档。" });
        Assert.Equal("Archived", archived.GetProperty("decision").GetProperty("status").GetString());

        // The dossier holds what the participation modules filed, and its journal verifies.
        using var owner = await _d.As("owner");
        var response = await owner.GetAsync($"/api/decisions/{id}/dossier");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        var names = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("文档/听证笔录_hearing-record.txt", names);
        Assert.Equal(2, names.Count(n => n.StartsWith("文档/专家论证意见_", StringComparison.Ordinal)));
        Assert.Contains(names, n => n.StartsWith("文档/公众意见反馈采纳情况和理由_", StringComparison.Ordinal));
        using var verification = zip.GetEntry("校验结果.json")!.Open();
        Assert.True(JsonDocument.Parse(verification).RootElement.GetProperty("valid").GetBoolean());
        using var admin = await _d.As("admin");
        Assert.True((await admin.GetFromJsonAsync<JsonElement>($"/api/instances/{id}/history/verify")).GetProperty("valid").GetBoolean());
    }
}
