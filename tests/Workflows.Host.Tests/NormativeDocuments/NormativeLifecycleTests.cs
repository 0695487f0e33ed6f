using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workflows.Host.Tests.Infrastructure;
using static Workflows.Host.Tests.NormativeDocuments.NormativeFlow;

namespace Workflows.Host.Tests.NormativeDocuments;

/// <summary>
/// One business-related document of the county's development and reform bureau, from drafting on
/// Monday 2 March 2026 to its expiry, on the simulated clock and the 2026 holiday calendar.
/// A class of its own: the clock moves over two years.
/// </summary>
public sealed class NormativeLifecycleTests(SimulatedClockHostFactory host) : IClassFixture<SimulatedClockHostFactory>
{
    private readonly NormativeFlow _flow = new(host);

    [Fact]
    public async Task NormativeDocument_RunsFromDraftingToExpiry_WithEveryGateEnforced()
    {
        var document = await _flow.StartAsync(new
        {
            title = "关于进一步优化营商环境若干措施的通知",
            issuer = "county-drc",
            businessRelated = true,
            marketActorsAffected = true,
            validityYears = 1,
        });
        var id = document.GetProperty("id").GetGuid();
        var instance = document.GetProperty("instanceId").GetGuid();
        Assert.Equal("drafting", document.GetProperty("status").GetString());

        // Drafting: the assessment is required; the legality opinion cannot be slipped in here.
        var forged = await _flow.CompleteAsync("owner", instance, "drafting", new { assessmentNotes = "评估", legalityOpinion = "合法" });
        Assert.Contains("variables.legalityOpinion", Problem.Targets(await Problem.AssertAsync(forged, HttpStatusCode.BadRequest)));
        var bare = await _flow.CompleteAsync("owner", instance, "drafting");
        Assert.Equal(["variables.assessmentNotes", "variables.draftDocumentId", "variables.explanation"],
            Problem.Targets(await Problem.AssertAsync(bare, HttpStatusCode.BadRequest)).Order());
        await _flow.DraftForCommentAsync(instance);

        // Public comment: at least 30 days for a business-related document — 2026-03-02 + 30 days = 2026-04-01.
        Assert.Equal(["public-comment"], await _flow.ActiveAsync(instance));
        var (consultationId, page) = await _flow.PublicConsultationAsync(instance);
        Assert.Equal("2026-04-01", page.GetProperty("lastDay").GetString());
        Assert.Equal(HttpStatusCode.Created, (await _flow.CommentAsync(consultationId, new { content = "建议明确涉企检查的频次上限。" })).StatusCode);
        await _flow.AdvanceToAsync(Beijing(2026, 4, 1, 17));
        await _flow.AnswerAsync(consultationId, Assert.Single(await _flow.CommentsAsync(consultationId)), "adopted", "已在第三条中明确。");
        await _flow.PublishFeedbackAsync(consultationId, "共收到意见 1 条，已采纳。");
        var early = await _flow.CompleteAsync("owner", instance, "public-comment", new { commentFeedback = "共收到意见 1 条，已采纳。" });
        Assert.Equal(["shortenReason"], Problem.Targets(await Problem.AssertAsync(early, HttpStatusCode.BadRequest)));
        await _flow.AdvanceToAsync(Beijing(2026, 4, 2));
        await _flow.CompleteOkAsync("owner", instance, "public-comment", new { commentFeedback = "共收到意见 1 条，已采纳，采纳情况已公布。" });

        // Fair-competition review: market actors are affected, so it comes before the legality review.
        Assert.Equal(["fair-competition-review"], await _flow.ActiveAsync(instance));
        await _flow.CompleteOkAsync("owner", instance, "fair-competition-review", new { fairCompetitionConclusion = "未含排除、限制竞争的内容，符合公平竞争审查标准。" }, "pass");

        // Legality review: legal's alone, at least 5 working days (Qingming 04-04..06 not counted), due within 15.
        var review = await _flow.OpenTaskAsync(instance, "legality-review");
        Assert.Equal(new DateOnly(2026, 4, 24), DateOnly.FromDateTime(review.GetProperty("dueAt").GetDateTimeOffset().ToOffset(TimeSpan.FromHours(8)).DateTime));
        var byOwner = await _flow.CompleteAsync("owner", instance, "legality-review", new { legalityOpinion = "合法" }, "lawful");
        await Problem.AssertAsync(byOwner, HttpStatusCode.Forbidden);
        await _flow.AdvanceToAsync(Beijing(2026, 4, 10, 17));
        var tooSoon = await _flow.CompleteAsync("legal", instance, "legality-review", new { legalityOpinion = "合法" }, "lawful");
        Assert.Contains("shortenReason", Problem.Targets(await Problem.AssertAsync(tooSoon, HttpStatusCode.BadRequest)));
        await _flow.AdvanceToAsync(Beijing(2026, 4, 13));
        await _flow.ReviewAsync(instance, "lawful-after-changes");
        await _flow.CompleteOkAsync("owner", instance, "revise-after-review", new { revisionNotes = "已按审核意见删除第五条。" });
        // The revised draft goes back for a review of its own, with the full window again (04-14..04-20).
        Assert.Equal(["legality-review"], await _flow.ActiveAsync(instance));
        await _flow.AdvanceToAsync(Beijing(2026, 4, 21));
        await _flow.ReviewAsync(instance);
        await _flow.DeliberateAsync(instance, new DateOnly(2026, 4, 21));

        // Registration: only through the register, only by the legal affairs office.
        var skipped = await _flow.CompleteAsync("legal", instance, "registration", new { registrationNumber = "柳江发改规〔2026〕99号" });
        await Problem.AssertAsync(skipped, HttpStatusCode.BadRequest);
        await Problem.AssertAsync(await _flow.RegisterAsync(id, "owner"), HttpStatusCode.Forbidden);
        var registered = await (await _flow.RegisterAsync(id)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("柳江发改规〔2026〕1号", registered.GetProperty("number").GetString());
        Assert.False(registered.GetProperty("inForce").GetBoolean()); // registered, unpublished: may not be used

        // Publication: on the one official channel only.
        using (var legal = await _flow.As("legal"))
        {
            var elsewhere = await legal.PostAsJsonAsync($"/api/normative-documents/{id}/publish", new { channel = "某微信公众号", url = "https://example.com/a" });
            Assert.Contains("channel", Problem.Targets(await Problem.AssertAsync(elsewhere, HttpStatusCode.BadRequest)));
        }
        var published = await _flow.PublishAsync(id, "柳江县人民政府门户网站", new DateOnly(2026, 5, 1));
        Assert.Equal("2027-04-30", published.GetProperty("expiresOn").GetString());
        Assert.Equal(["filing-congress", "filing-government"], (await _flow.ActiveAsync(instance)).Order());

        // Filing: 30 days from publication (04-21) is 05-21; one body in time, the other late after the ladder's reminders.
        var onTime = await _flow.FileAsync(id, "higher-government");
        Assert.True(onTime.GetProperty("onTime").GetBoolean());
        Assert.Equal("2026-05-21", onTime.GetProperty("dueOn").GetString());
        await _flow.AdvanceToAsync(Beijing(2026, 5, 25));
        await WaitUntilAsync(async () => (await _flow.InboxAsync("legal")).Any(i => i.GetProperty("kind").GetString() == "reminder"
            && i.GetProperty("instanceId").GetString() == instance.ToString()), "the filing reminder to the legal affairs office");
        await WaitUntilAsync(async () => (await _flow.InboxAsync("supervisor")).Any(i => i.GetProperty("kind").GetString() == "escalation"
            && i.GetProperty("instanceId").GetString() == instance.ToString()), "the escalation of the overdue filing to the supervisor");
        var late = await _flow.FileAsync(id, "congress-standing-committee");
        Assert.False(late.GetProperty("onTime").GetBoolean());
        var filed = await _flow.DocumentAsync(id);
        Assert.Equal("filed", filed.GetProperty("status").GetString());
        Assert.True(filed.GetProperty("filedLate").GetBoolean());
        Assert.Equal("Completed", (await _flow.InstanceAsync(instance)).GetProperty("status").GetString());

        // Evaluation reminder six months before expiry (expiry day 2027-05-01): first due on 2026-11-01, once.
        await _flow.AdvanceToAsync(Beijing(2026, 11, 1, 12));
        await WaitUntilAsync(async () => (await EvaluationRemindersAsync(id)).Count == 1, "the evaluation reminder");
        Assert.Equal("2026-11-01", JsonDocument.Parse((await EvaluationRemindersAsync(id))[0]).RootElement.GetProperty("asOf").GetString());
        await WaitUntilAsync(async () => (await _flow.InboxAsync("owner")).Count(IsEvaluationReminder) == 1, "the owner's reminder");

        // Re-registration after evaluation: a new year of validity following the first.
        using (var legal = await _flow.As("legal"))
        {
            var tooLong = await legal.PostAsJsonAsync($"/api/normative-documents/{id}/reregister", new { validityYears = 6, evaluation = "继续有效" });
            Assert.Contains("validityYears", Problem.Targets(await Problem.AssertAsync(tooLong, HttpStatusCode.BadRequest)));
            var extended = await legal.PostAsJsonAsync($"/api/normative-documents/{id}/reregister", new { validityYears = 1, evaluation = "评估认为实施效果良好，需继续执行。" });
            Assert.True(extended.StatusCode == HttpStatusCode.OK, await extended.Content.ReadAsStringAsync());
            var body = await extended.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("extended", body.GetProperty("status").GetString());
            Assert.Equal("2028-04-30", body.GetProperty("expiresOn").GetString());
        }

        // The old expiry day passes without effect; the new period ends the document on 2028-05-01, by itself.
        await _flow.AdvanceToAsync(Beijing(2028, 5, 1, 12));
        await WaitUntilAsync(async () => (await _flow.DocumentAsync(id)).GetProperty("status").GetString() == "expired", "automatic expiry");
        var expired = await _flow.DocumentAsync(id);
        Assert.Equal("2028-05-01", expired.GetProperty("expiredOn").GetString());
        Assert.False(expired.GetProperty("inForce").GetBoolean());
        Assert.Equal(2, expired.GetProperty("validityPeriods").GetArrayLength());
        // One reminder per validity period: the second went out on 2027-11-01.
        await WaitUntilAsync(async () => (await EvaluationRemindersAsync(id)).Count == 2, "the second period's reminder");
        Assert.Single(expired.GetProperty("history").EnumerateArray(), h => h.GetProperty("kind").GetString() == "Expired");

        // The annual report counts the expiry in the year it happened, not the first period's end that re-registration replaced.
        using var reader = await _flow.As("legal");
        var expiredIn = async (int year) => (await reader.GetFromJsonAsync<JsonElement>($"/api/annual-reports/{year}/figures"))
            .GetProperty("normativeDocuments").GetProperty("expired").GetInt32();
        Assert.Equal((0, 0, 1), (await expiredIn(2026), await expiredIn(2027), await expiredIn(2028)));

        // Two years after the bureau's first publication (2026-04-21) its clean-up round started by itself.
        var rounds = await reader.GetFromJsonAsync<JsonElement>("/api/normative-documents/cleanup-rounds?issuer=county-drc");
        var round = Assert.Single(rounds.EnumerateArray());
        Assert.Equal("scheduled", round.GetProperty("trigger").GetString());
        Assert.Equal("2028-04-21", round.GetProperty("startedOn").GetString());
        Assert.Contains(round.GetProperty("items").EnumerateArray(), i => i.GetProperty("documentId").GetGuid() == id);
    }

    private static bool IsEvaluationReminder(JsonElement item) => item.GetProperty("title").GetString()!.Contains("有效期即将届满");

    private async Task<List<string>> EvaluationRemindersAsync(Guid id) =>
        [.. (await _flow.DocumentAsync(id)).GetProperty("history").EnumerateArray()
            .Where(h => h.GetProperty("kind").GetString() == "EvaluationReminded").Select(h => h.GetProperty("data").GetString()!)];
}
