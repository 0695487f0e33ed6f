using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workflows.Host.Tests.Consultation;
using Workflows.Host.Tests.Infrastructure;
using Workflows.Host.Tests.Notifications;

namespace Workflows.Host.Tests.MajorDecisions;

/// <summary>
/// The participation steps of a decision as their people take them: the public comments on the
/// public page without signing in, experts sign in with accounts of their own and file signed
/// opinions, the lead unit answers both.
/// </summary>
public sealed partial class DecisionDriver
{
    /// <summary>
    /// The pool for a matter of 城市规划 and 交通 led by county-drc (县发展和改革局) on 城区公共停车:
    /// 陈立新 and 林海 are chosen; 黄文 declared an interest in 城区公共停车 and 吴刚 works for the lead
    /// unit, so both are excluded; 孙强 is of another field.
    /// </summary>
    public static readonly string[] ChosenExperts = ["md-expert-chen", "md-expert-lin"];

    public async Task StockExpertPoolAsync()
    {
        foreach (var (user, name) in new[] { ("md-expert-chen", "陈立新"), ("md-expert-lin", "林海"), ("md-expert-huang", "黄文"), ("md-expert-wu", "吴刚") })
        {
            await ParticipationFlow.CreateExpertAccountAsync(host, user, name);
        }
        using var legal = await As("legal");
        await ParticipationFlow.AddExpertAsync(legal, "陈立新", "市规划设计研究院", ["城市规划"], "md-expert-chen");
        await ParticipationFlow.AddExpertAsync(legal, "林海", "市交通科学研究所", ["交通", "道路工程"], "md-expert-lin");
        await ParticipationFlow.AddExpertAsync(legal, "黄文", "省城乡规划学会", ["城市规划"], "md-expert-huang", ["城区公共停车设施"]);
        await ParticipationFlow.AddExpertAsync(legal, "吴刚", "县发展和改革局", ["交通"], "md-expert-wu");
        await ParticipationFlow.AddExpertAsync(legal, "孙强", "县律师协会", ["法律"], null);
    }

    public Task<HttpClient> AsExpert(string user) => host.ClientForAsync(user, ParticipationFlow.ExpertPassword);

    /// <summary>A member of the public: no sign-in.</summary>
    public HttpClient Public() => host.CreateClient();

    public async Task<JsonElement> VariablesAsync(Guid id)
    {
        using var admin = await As("admin");
        return (await admin.GetFromJsonAsync<JsonElement>($"/api/instances/{id}")).GetProperty("variables");
    }

    public async Task<List<JsonElement>> HistoryAsync(Guid id, string kind)
    {
        using var admin = await As("admin");
        return [.. (await admin.GetFromJsonAsync<JsonElement>($"/api/instances/{id}/history")).EnumerateArray()
            .Where(e => e.GetProperty("kind").GetString() == kind).Select(e => e.GetProperty("data"))];
    }

    /// <summary>The consultation the draft opened, once the outbox has stored it and the public page shows it.</summary>
    public async Task<(Guid Id, JsonElement Page)> PublicConsultationAsync(Guid id)
    {
        var consultationId = Guid.Parse((await VariablesAsync(id)).GetProperty("consultationId").GetString()!);
        using var visitor = Public();
        return (consultationId, await ParticipationFlow.WaitForPublicPageAsync(visitor, consultationId));
    }

    public async Task CommentAsync(Guid consultationId, object comment)
    {
        using var visitor = Public();
        var response = await ParticipationFlow.CommentAsync(visitor, consultationId, comment);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The owner records adoption for each comment in turn, with a reason.</summary>
    public async Task AnswerCommentsAsync(Guid consultationId, params string[] decisions)
    {
        using var owner = await As("owner");
        var comments = (await owner.GetFromJsonAsync<JsonElement>($"/api/consultations/{consultationId}/comments")).EnumerateArray().ToList();
        Assert.Equal(decisions.Length, comments.Count);
        foreach (var (comment, decision) in comments.Zip(decisions))
        {
            var response = await owner.PutAsJsonAsync(
                $"/api/consultations/{consultationId}/comments/{comment.GetProperty("id").GetGuid()}/adoption", new { decision, reason = "经研究，" + decision });
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }
    }

    public async Task PublishFeedbackAsync(Guid consultationId, string summary)
    {
        using var owner = await As("owner");
        var response = await owner.PostAsJsonAsync($"/api/consultations/{consultationId}/feedback", new { summary });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Each chosen expert finds the invitation, is refused without an opinion, files a signed one and closes their task.</summary>
    public async Task ExpertsGiveOpinionsAsync(Guid id, string matter)
    {
        foreach (var user in ChosenExperts)
        {
            using var expert = await AsExpert(user);
            await NotifyFlow.WaitUntilAsync(async () => (await expert.GetFromJsonAsync<JsonElement>("/api/inbox?take=500")).EnumerateArray()
                .Any(i => i.GetProperty("title").GetString() == "专家论证邀请：" + matter), $"{user}'s invitation");

            var missing = await Problem.AssertAsync(await expert.PostAsJsonAsync($"/api/decisions/{id}/steps/expert-consultation/complete", new { }), HttpStatusCode.BadRequest);
            Assert.Equal(["documents.expert-opinion"], Problem.Targets(missing));
            var filed = await ParticipationFlow.SubmitOpinionAsync(expert, id, $"{user}-论证意见.pdf", ParticipationFlow.Pdf($"{user} 的书面论证意见（已签名）"));
            Assert.True(filed.StatusCode == HttpStatusCode.Created, await filed.Content.ReadAsStringAsync());
            var done = await expert.PostAsJsonAsync($"/api/decisions/{id}/steps/expert-consultation/complete", new { });
            Assert.True(done.StatusCode == HttpStatusCode.OK, await done.Content.ReadAsStringAsync());
        }
    }

    /// <summary>The owner records adoption for each expert's opinion, in the order the list gives them.</summary>
    public async Task AnswerOpinionsAsync(Guid id, params string[] decisions)
    {
        using var owner = await As("owner");
        var opinions = (await owner.GetFromJsonAsync<JsonElement>($"/api/expert-opinions?instanceId={id}")).EnumerateArray().ToList();
        Assert.Equal(decisions.Length, opinions.Count);
        foreach (var (opinion, decision) in opinions.Zip(decisions))
        {
            var response = await owner.PutAsJsonAsync(
                $"/api/expert-opinions/{opinion.GetProperty("documentId").GetGuid()}/adoption", new { decision, reason = "经研究，" + decision });
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }
    }
}
