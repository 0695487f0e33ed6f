using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workflows.Host.Tests.Infrastructure;

namespace Workflows.Host.Tests.NormativeDocuments;

/// <summary>
/// A normative document's public comment as the public and the drafting unit meet it: the draft and
/// its explanation on the public page, comments without signing in, and the step that closes the
/// comment period holding until every comment is answered and the feedback published. On the
/// simulated clock from Monday 2 March 2026.
/// </summary>
public sealed class NormativeConsultationTests(SimulatedClockHostFactory host) : IClassFixture<SimulatedClockHostFactory>
{
    private readonly NormativeFlow _flow = new(host);

    [Fact]
    public async Task Drafting_IsRefusedNamingTheDraftAndExplanation_AndNothingFaults_WhenTheDraftToPublishIsMissing()
    {
        var document = await _flow.StartAsync(new { title = "关于加强城区户外广告设置管理的通知", issuer = "county-gov", marketActorsAffected = false, validityYears = 3 });
        var instance = document.GetProperty("instanceId").GetGuid();

        var notADraft = await _flow.UploadDraftAsync(instance, "工作方案", kind: "other");
        var wrongKind = await _flow.CompleteAsync("owner", instance, "drafting", new { assessmentNotes = "评估：确有必要。", draftDocumentId = notADraft });
        var problem = await Problem.AssertAsync(wrongKind, HttpStatusCode.BadRequest);
        Assert.Equal(["variables.draftDocumentId", "variables.explanation"], Problem.Targets(problem).Order());
        Assert.Contains("other", problem.GetProperty("errors").EnumerateArray().First(e => e.GetProperty("target").GetString() == "variables.draftDocumentId").GetProperty("message").GetString());

        var unknown = await _flow.CompleteAsync("owner", instance, "drafting",
            new { assessmentNotes = "评估：确有必要。", draftDocumentId = Guid.NewGuid(), explanation = NormativeFlow.Explanation });
        Assert.Equal(["variables.draftDocumentId"], Problem.Targets(await Problem.AssertAsync(unknown, HttpStatusCode.BadRequest)));

        var running = await _flow.InstanceAsync(instance);
        Assert.Equal("Running", running.GetProperty("status").GetString());
        Assert.Equal(["drafting"], await _flow.ActiveAsync(instance));
        Assert.False(running.GetProperty("variables").TryGetProperty("consultationId", out _));
    }

    [Fact]
    public async Task PublicComment_HoldsUntilEveryCommentIsAnswered_WhenAMemberOfThePublicCommentsOnTheDraft()
    {
        var document = await _flow.StartAsync(new { title = "关于规范城区占道经营管理的通知", issuer = "county-gov", marketActorsAffected = false, validityYears = 3 });
        var id = document.GetProperty("id").GetGuid();
        var instance = document.GetProperty("instanceId").GetGuid();
        await _flow.DraftForCommentAsync(instance);

        // The draft and its explanation are public for 7 working days: 03-03 .. 03-11.
        var (consultationId, page) = await _flow.PublicConsultationAsync(instance);
        Assert.Equal("open", page.GetProperty("status").GetString());
        Assert.Equal("关于规范城区占道经营管理的通知", page.GetProperty("title").GetString());
        Assert.Equal($"normative-document:{id}", page.GetProperty("subject").GetString());
        Assert.Equal(NormativeFlow.Explanation, page.GetProperty("explanation").GetString());
        Assert.Equal("2026-03-11", page.GetProperty("lastDay").GetString());
        using (var visitor = host.CreateClient())
        {
            Assert.Contains((await visitor.GetFromJsonAsync<JsonElement>("/api/public/consultations")).EnumerateArray(),
                c => c.GetProperty("id").GetGuid() == consultationId);
        }

        // Two members of the public comment, one leaving a name and a telephone number.
        Assert.Equal(HttpStatusCode.Created, (await _flow.CommentAsync(consultationId,
            new { name = "周女士", contact = "13700000000", content = "建议为早市摊贩划定固定经营区域和时段。" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await _flow.CommentAsync(consultationId, new { content = "占道经营罚款标准应当公开。" })).StatusCode);

        // After the period: the step holds while a comment is unanswered or the feedback unpublished.
        await _flow.AdvanceToAsync(NormativeFlow.Beijing(2026, 3, 12));
        var feedback = new { commentFeedback = "共收到意见 2 条，采纳 1 条、不予采纳 1 条，理由已公布。" };
        var unanswered = await _flow.CompleteAsync("owner", instance, "public-comment", feedback);
        Assert.Equal(["comments", "feedback"], Problem.Targets(await Problem.AssertAsync(unanswered, HttpStatusCode.BadRequest)).Order());

        var comments = await _flow.CommentsAsync(consultationId);
        Assert.Equal([1, 2], comments.Select(c => c.GetProperty("number").GetInt32()));
        await _flow.AnswerAsync(consultationId, comments[0], "adopted", "已在第四条中划定早市经营区域。");
        await _flow.PublishFeedbackAsync(consultationId, "共收到意见 2 条，采纳 1 条、不予采纳 1 条。");
        var oneLeft = await Problem.AssertAsync(await _flow.CompleteAsync("owner", instance, "public-comment", feedback), HttpStatusCode.BadRequest);
        Assert.Equal(["comments"], Problem.Targets(oneLeft));
        Assert.Contains("第 2 条", oneLeft.GetProperty("errors")[0].GetProperty("message").GetString());
        Assert.Equal(["public-comment"], await _flow.ActiveAsync(instance));

        await _flow.AnswerAsync(consultationId, comments[1], "not-adopted", "罚款标准由上位法规定，已在执法公示平台公开。");
        await _flow.CompleteOkAsync("owner", instance, "public-comment", feedback);
        Assert.Equal(["legality-review"], await _flow.ActiveAsync(instance));

        // The public page now shows what became of each comment, and no one's name or number.
        using var reader = host.CreateClient();
        var closedText = await reader.GetStringAsync($"/api/public/consultations/{consultationId}");
        var closed = JsonDocument.Parse(closedText).RootElement;
        Assert.Equal("closed", closed.GetProperty("status").GetString());
        Assert.Equal(["采纳", "不予采纳"], closed.GetProperty("comments").EnumerateArray().Select(c => c.GetProperty("decisionText").GetString()));
        Assert.DoesNotContain("13700000000", closedText);
        Assert.DoesNotContain("周女士", closedText);
        await Problem.AssertAsync(await _flow.CommentAsync(consultationId, new { content = "迟到的意见。" }), HttpStatusCode.Conflict);
    }
}
