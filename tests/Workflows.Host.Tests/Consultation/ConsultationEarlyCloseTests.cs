using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Engine.Runtime;
using Workflows.Engine.Runtime.Execution;
using Workflows.Host.Tests.Infrastructure;
using Workflows.Procedures.PublicConsultation;
using static Workflows.Host.Tests.Consultation.ParticipationFlow;

namespace Workflows.Host.Tests.Consultation;

/// <summary>Closing public comment before its period ends, and what the lead unit may and may not do around it.</summary>
public sealed class ConsultationEarlyCloseTests(ParticipationHostFactory host) : IClassFixture<ParticipationHostFactory>
{
    private static readonly WorkflowActor Owner = new("owner", new HashSet<string> { "owner" }, "county-drc");

    [Fact]
    public async Task PublicParticipation_ClosesEarlyAndRecordsTheReason_WhenCompletedWithShortenReason()
    {
        var (instanceId, consultationId) = await OpenConsultationAsync(host, "关于应对突发水污染的临时管控措施");
        using var visitor = host.PublicClient();
        using var owner = await host.ClientForAsync("owner");
        Assert.Equal(HttpStatusCode.Created, (await CommentAsync(visitor, consultationId, new { content = "建议同步公布水质监测数据。" })).StatusCode);
        var comment = (await owner.GetFromJsonAsync<JsonElement>($"/api/consultations/{consultationId}/comments"))[0];
        Assert.True((await owner.PutAsJsonAsync($"/api/consultations/{consultationId}/comments/{comment.GetProperty("id").GetGuid()}/adoption",
            new { decision = "adopted", reason = "已在方案第三条中增加每日公布水质数据。" })).IsSuccessStatusCode);
        Assert.True((await owner.PostAsJsonAsync($"/api/consultations/{consultationId}/feedback", new { summary = "收到意见 1 条，已采纳。" })).IsSuccessStatusCode);

        var taskId = await TaskAsync(owner, instanceId, "public-participation");
        var refused = await Problem.AssertAsync(await CompleteAsync(owner, taskId), HttpStatusCode.BadRequest);
        Assert.Equal(["shortenReason"], Problem.Targets(refused));
        Assert.Contains("2026-02-24", refused.GetProperty("detail").GetString());

        const string reason = "突发水污染事件须限期采取管控措施，经县政府常务会议研究缩短征求意见期。";
        await host.Services.GetRequiredService<IWorkflowRuntime>().CompleteTaskAsync(taskId, new TaskCompletion(ShortenReason: reason), Owner);

        var page = await visitor.GetFromJsonAsync<JsonElement>($"/api/public/consultations/{consultationId}");
        Assert.Equal("closed", page.GetProperty("status").GetString());
        Assert.Equal(ParticipationHostFactory.Start, page.GetProperty("closedEarlyAt").GetDateTimeOffset());
        Assert.Equal(reason, page.GetProperty("earlyCloseReason").GetString());
        Assert.Equal("收到意见 1 条，已采纳。", page.GetProperty("feedback").GetProperty("summary").GetString());
        await Problem.AssertAsync(await CommentAsync(visitor, consultationId, new { content = "晚到的意见" }), HttpStatusCode.Conflict);
        await Problem.AssertAsync(await owner.PostAsJsonAsync($"/api/consultations/{consultationId}/feedback", new { summary = "改写" }), HttpStatusCode.Conflict);

        var history = await owner.GetFromJsonAsync<JsonElement>($"/api/instances/{instanceId}/history");
        var shortened = Assert.Single(history.EnumerateArray(), h => h.GetProperty("kind").GetString() == JournalKinds.MinimumPeriodShortened);
        Assert.Equal(reason, shortened.GetProperty("data").GetProperty("reason").GetString());
        Assert.Contains(history.EnumerateArray(), h => h.GetProperty("kind").GetString() == CommentIntake.JournalKind);
        var summary = await host.Services.GetRequiredService<ConsultationSummaries>().ForInstanceAsync(instanceId);
        Assert.Equal(reason, summary!.EarlyCloseReason);
        Assert.True(summary.Closed);
    }

    [Fact]
    public async Task Answers_AreRefused_WhenTheCallerIsNotAnOwnerOrTheInputIsIncomplete()
    {
        var (_, consultationId) = await OpenConsultationAsync(host, "关于菜市场升级改造的实施方案");
        using var visitor = host.PublicClient();
        Assert.Equal(HttpStatusCode.Created, (await CommentAsync(visitor, consultationId, new { content = "保留早市。" })).StatusCode);
        using var owner = await host.ClientForAsync("owner");
        using var reviewer = await host.ClientForAsync("reviewer");
        var commentId = (await owner.GetFromJsonAsync<JsonElement>($"/api/consultations/{consultationId}/comments"))[0].GetProperty("id").GetGuid();
        var adoptionUrl = $"/api/consultations/{consultationId}/comments/{commentId}/adoption";

        await Problem.AssertAsync(await reviewer.PutAsJsonAsync(adoptionUrl, new { decision = "adopted", reason = "同意" }), HttpStatusCode.Forbidden);
        await Problem.AssertAsync(await reviewer.GetAsync($"/api/consultations/{consultationId}"), HttpStatusCode.Forbidden);
        await Problem.AssertAsync(await owner.PutAsJsonAsync($"/api/consultations/{consultationId}/comments/{Guid.NewGuid()}/adoption",
            new { decision = "adopted", reason = "同意" }), HttpStatusCode.NotFound);
        var noReason = await Problem.AssertAsync(await owner.PutAsJsonAsync(adoptionUrl, new { decision = "partly" }), HttpStatusCode.BadRequest);
        Assert.Equal(["reason"], Problem.Targets(noReason));
        var markup = await Problem.AssertAsync(await owner.PostAsJsonAsync($"/api/consultations/{consultationId}/feedback", new { summary = "<b>已采纳</b>" }), HttpStatusCode.BadRequest);
        Assert.Equal(["summary"], Problem.Targets(markup));

        var view = await owner.GetFromJsonAsync<JsonElement>($"/api/consultations/{consultationId}");
        Assert.Equal(1, view.GetProperty("pending").GetInt32());
        Assert.Equal(JsonValueKind.Null, view.GetProperty("feedbackPublishedAt").ValueKind);
    }

    [Fact]
    public async Task ConsultationOpen_StopsAtTheElementWithAReason_WhenTheDraftIsMissingOrNotADraft()
    {
        await PublishAsync(host, ConsultationBpmn("consultation-30d"));
        using var owner = await host.ClientForAsync("owner");
        var notADraft = await UploadAsync(host, null, "legality-opinion", "审查意见.pdf", Pdf("审查意见"));

        foreach (var variables in new JsonObject[]
                 {
                     new() { ["title"] = "无草案", ["explanation"] = "说明" },
                     new() { ["title"] = "错误类别", ["explanation"] = "说明", ["draftDocumentId"] = notADraft.Id.ToString() },
                 })
        {
            var response = await owner.PostAsJsonAsync("/api/instances", new { definitionKey = "consultation-30d", variables });
            var problem = await Problem.AssertAsync(response, HttpStatusCode.UnprocessableEntity);
            Assert.Equal("open-consultation", problem.GetProperty("activityId").GetString());
        }
    }

    [Fact]
    public async Task Publish_Returns400NamingTheElements_WhenPeriodOrMinimumIsMissing()
    {
        var xml = ConsultationBpmn("consultation-broken")
            .Replace("fz:period=\"30D\"", "", StringComparison.Ordinal)
            .Replace("fz:minimum=\"30D\"", "", StringComparison.Ordinal);
        using var admin = await host.ClientForAsync("admin");

        var problem = await Problem.AssertAsync(
            await admin.PostAsync("/api/definitions?publish=true", new StringContent(xml, System.Text.Encoding.UTF8, "application/xml")), HttpStatusCode.BadRequest);

        Assert.Contains("open-consultation", Problem.Targets(problem));
        Assert.Contains("public-participation", Problem.Targets(problem));
    }
}
