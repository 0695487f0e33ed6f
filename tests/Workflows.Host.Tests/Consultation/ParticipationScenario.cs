using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Host.Tests.Experts;
using Workflows.Host.Tests.Infrastructure;
using Workflows.Procedures.Experts;
using Workflows.Procedures.PublicConsultation;
using static Workflows.Host.Tests.Consultation.ParticipationFlow;

namespace Workflows.Host.Tests.Consultation;

/// <summary>
/// A major decision's public participation, driven through the API on the simulated clock from
/// 2026-01-20: 30 days of public comment, the owner's answer, a hearing, three experts and their
/// opinions' adoption. Run on SQLite and on PostgreSQL.
/// </summary>
public static class ParticipationScenario
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public static async Task RunAsync(ParticipationHostFactory host)
    {
        const string key = "participation-scenario";
        await PublishAsync(host, FullBpmn(key));
        await ExpertPoolScenario.StockAsync(host);
        using var owner = await host.ClientForAsync("owner");
        var instanceId = await StartAsync(owner, key, "县发改〔2026〕1号", new
        {
            title = "县城区集中供热价格调整方案",
            commentPeriod = "30D",
            expertFields = new[] { "环境保护", "城乡规划" },
            interests = "城关镇、县发展和改革局",
        });

        var consultationId = await OpenAsync(host, owner, instanceId);
        await CommentAndAnswerAsync(host, owner, instanceId, consultationId);
        await HoldHearingAsync(host, owner, instanceId);
        await ExpertPoolScenario.ConsultExpertsAsync(host, owner, instanceId);

        Assert.Equal("Completed", (await InstanceAsync(owner, instanceId)).GetProperty("status").GetString());
        var verification = await owner.GetFromJsonAsync<JsonElement>($"/api/instances/{instanceId}/history/verify");
        Assert.True(verification.GetProperty("valid").GetBoolean(), verification.ToString());
    }

    private static async Task<Guid> OpenAsync(ParticipationHostFactory host, HttpClient owner, Guid instanceId)
    {
        var draftBytes = Pdf("县城区集中供热价格调整方案（征求意见稿）");
        var draft = await UploadAsync(host, instanceId, "draft", "征求意见稿.pdf", draftBytes);
        var drafted = await CompleteAsync(owner, await TaskAsync(owner, instanceId, "drafting"), new
        {
            variables = new { draftDocumentId = draft.Id, explanation = "为理顺供热价格，拟将居民供热价格由每平方米 22 元调整为 24 元。" },
        });
        Assert.True(drafted.IsSuccessStatusCode, await drafted.Content.ReadAsStringAsync());

        var instance = await InstanceAsync(owner, instanceId);
        var consultationId = ConsultationId(instance);
        // 30 days from 2026-01-20 end on 02-19, inside the Spring Festival holiday: the period runs to the end of 02-24.
        var closesAt = new DateTimeOffset(2026, 2, 25, 0, 0, 0, Beijing);
        Assert.Equal(closesAt, DateTimeOffset.Parse(instance.GetProperty("variables").GetProperty("consultationClosesAt").GetString()!));

        using var visitor = host.PublicClient();
        var page = await WaitForPublicPageAsync(visitor, consultationId);
        Assert.Equal("open", page.GetProperty("status").GetString());
        Assert.Equal("关于《县城区集中供热价格调整方案》公开征求意见", page.GetProperty("title").GetString());
        Assert.Equal("decision:县发改〔2026〕1号", page.GetProperty("subject").GetString());
        Assert.Equal("2026-02-24", page.GetProperty("lastDay").GetString());
        Assert.Equal(closesAt, page.GetProperty("closesAt").GetDateTimeOffset());
        Assert.Equal(ParticipationHostFactory.Start, page.GetProperty("openedAt").GetDateTimeOffset());
        Assert.StartsWith("为理顺供热价格", page.GetProperty("explanation").GetString());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("feedback").ValueKind);

        var open = await visitor.GetFromJsonAsync<JsonElement>("/api/public/consultations");
        Assert.Contains(open.EnumerateArray(), c => c.GetProperty("id").GetGuid() == consultationId);
        var download = await visitor.GetAsync(page.GetProperty("draft").GetProperty("url").GetString());
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(draftBytes, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        return consultationId;
    }

    private static async Task CommentAndAnswerAsync(ParticipationHostFactory host, HttpClient owner, Guid instanceId, Guid consultationId)
    {
        using var citizen = host.PublicClient("198.51.100.7");
        using var neighbour = host.PublicClient("198.51.100.8");
        Assert.Equal(HttpStatusCode.Created, (await CommentAsync(citizen, consultationId,
            new { name = "张先生", contact = "13800000000", content = "建议对低保家庭继续执行原价格。" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await CommentAsync(neighbour, consultationId, new { content = "调价幅度偏大，建议分两年到位。" })).StatusCode);

        // Day 29 (2026-02-18): the owner may not close public participation without a reason.
        await AdvanceToAsync(host, new DateTimeOffset(2026, 2, 18, 10, 0, 0, Beijing));
        var taskId = await TaskAsync(owner, instanceId, "public-participation");
        var early = await Problem.AssertAsync(await CompleteAsync(owner, taskId), HttpStatusCode.BadRequest);
        Assert.Contains("shortenReason", Problem.Targets(early));
        Assert.Contains("comments", Problem.Targets(early));
        Assert.Contains("feedback", Problem.Targets(early));

        // The last day still takes comments; the first instant after it does not.
        await AdvanceToAsync(host, new DateTimeOffset(2026, 2, 24, 20, 0, 0, Beijing));
        var last = await CommentAsync(citizen, consultationId, new { name = "李女士", contact = "li@example.cn", content = "请公开成本监审报告。" });
        Assert.Equal(HttpStatusCode.Created, last.StatusCode);
        Assert.Equal(3, (await last.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetInt32());
        await AdvanceToAsync(host, new DateTimeOffset(2026, 2, 25, 0, 0, 0, Beijing));
        await Problem.AssertAsync(await CommentAsync(citizen, consultationId, new { content = "迟到的意见。" }), HttpStatusCode.Conflict);

        // Only the case's owners see the comments with contact details.
        using var reviewer = await host.ClientForAsync("reviewer");
        await Problem.AssertAsync(await reviewer.GetAsync($"/api/consultations/{consultationId}/comments"), HttpStatusCode.Forbidden);
        var comments = (await owner.GetFromJsonAsync<JsonElement>($"/api/consultations/{consultationId}/comments")).EnumerateArray().ToList();
        Assert.Equal([1, 2, 3], comments.Select(c => c.GetProperty("number").GetInt32()));
        Assert.Equal("13800000000", comments[0].GetProperty("contact").GetString());
        var invalid = await Problem.AssertAsync(await owner.PutAsJsonAsync(AdoptionUrl(consultationId, comments[0]), new { decision = "maybe", reason = "" }), HttpStatusCode.BadRequest);
        Assert.Equal(["decision", "reason"], Problem.Targets(invalid));
        foreach (var (comment, decision) in comments.Zip(["adopted", "partly", "not-adopted"]))
        {
            var adopted = await owner.PutAsJsonAsync(AdoptionUrl(consultationId, comment), new { decision, reason = $"理由：{decision}" });
            Assert.True(adopted.IsSuccessStatusCode, await adopted.Content.ReadAsStringAsync());
        }
        var noFeedback = await Problem.AssertAsync(await CompleteAsync(owner, taskId), HttpStatusCode.BadRequest);
        Assert.Equal(["feedback"], Problem.Targets(noFeedback));

        var published = await owner.PostAsJsonAsync($"/api/consultations/{consultationId}/feedback",
            new { summary = "共收到意见 3 条，采纳 1 条、部分采纳 1 条、不予采纳 1 条。低保家庭继续执行原价格。" });
        Assert.True(published.IsSuccessStatusCode, await published.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await CompleteAsync(owner, taskId)).StatusCode);

        // After closing the public page shows the answer to each comment, and nobody's name or contact.
        using var visitor = host.PublicClient();
        var pageText = await visitor.GetStringAsync($"/api/public/consultations/{consultationId}");
        var page = JsonDocument.Parse(pageText).RootElement;
        Assert.Equal("closed", page.GetProperty("status").GetString());
        Assert.StartsWith("共收到意见 3 条", page.GetProperty("feedback").GetProperty("summary").GetString());
        Assert.Equal(["采纳", "部分采纳", "不予采纳"], page.GetProperty("comments").EnumerateArray().Select(c => c.GetProperty("decisionText").GetString()));
        foreach (var personal in new[] { "13800000000", "张先生", "li@example.cn", "李女士", "contact", "198.51.100" })
        {
            Assert.DoesNotContain(personal, pageText);
        }
        Assert.DoesNotContain((await visitor.GetFromJsonAsync<JsonElement>("/api/public/consultations")).EnumerateArray(),
            c => c.GetProperty("id").GetGuid() == consultationId);
        await Problem.AssertAsync(await owner.PutAsJsonAsync(AdoptionUrl(consultationId, comments[0]), new { decision = "not-adopted", reason = "改主意" }),
            HttpStatusCode.Conflict);

        var summary = await host.Services.GetRequiredService<ConsultationSummaries>().ForInstanceAsync(instanceId);
        Assert.NotNull(summary);
        Assert.Equal((3, 1, 1, 1, 0), (summary.Comments, summary.Adopted, summary.Partly, summary.NotAdopted, summary.Pending));
        Assert.StartsWith("共收到意见 3 条", summary.FeedbackSummary);
        Assert.Null(summary.ClosedEarlyAt);
    }

    private static async Task HoldHearingAsync(ParticipationHostFactory host, HttpClient owner, Guid instanceId)
    {
        var taskId = await TaskAsync(owner, instanceId, "hearing");
        var participants = new[] { "居民代表 王某", "供热企业代表 刘某", "县人大代表 陈某" };
        var tooLate = await Problem.AssertAsync(await CompleteAsync(owner, taskId, new
        {
            variables = new { hearingDate = "2026-02-25", noticePublishedOn = "2026-02-19", hearingParticipants = participants },
        }), HttpStatusCode.BadRequest);
        Assert.Equal(["variables.noticePublishedOn", "documents.hearing-record"], Problem.Targets(tooLate));

        await UploadAsync(host, instanceId, "hearing-record", "听证笔录（签字）.pdf", Pdf("听证笔录"));
        var held = await CompleteAsync(owner, taskId, new
        {
            variables = new { hearingDate = "2026-02-25", noticePublishedOn = "2026-02-18", hearingParticipants = participants },
        });
        Assert.True(held.StatusCode == HttpStatusCode.OK, await held.Content.ReadAsStringAsync());
    }

    private static string AdoptionUrl(Guid consultationId, JsonElement comment) =>
        $"/api/consultations/{consultationId}/comments/{comment.GetProperty("id").GetGuid()}/adoption";
}
