using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Host.Tests.Consultation;
using Workflows.Host.Tests.Infrastructure;
using Workflows.Host.Tests.Notifications;
using Workflows.Procedures.Experts;
using static Workflows.Host.Tests.Consultation.ParticipationFlow;

namespace Workflows.Host.Tests.Experts;

/// <summary>
/// The expert part of <see cref="ParticipationScenario"/>: a pool in which the matter's fields are
/// 环境保护 and 城乡规划 and its interests 城关镇 and 县发展和改革局.
/// </summary>
public static class ExpertPoolScenario
{
    /// <summary>
    /// Expected choice: 李明 first (first by name), then 赵敏 (another organisation, and the only one
    /// covering 城乡规划), then 郑伟 — not 王丽 or 王建国, who come earlier by name but work where
    /// 李明 does. 张华 declared an interest in 城关镇, 周涛 works for 县发展和改革局, 陈静 has no account.
    /// </summary>
    public static readonly string[] ExpectedExperts = ["expert-li", "expert-zhao", "expert-zheng"];

    public static async Task StockAsync(HostFactory host)
    {
        using var legal = await host.ClientForAsync("legal");
        foreach (var (user, name) in new[]
                 {
                     ("expert-li", "李明"), ("expert-wangli", "王丽"), ("expert-wangjg", "王建国"), ("expert-zheng", "郑伟"),
                     ("expert-zhao", "赵敏"), ("expert-zhang", "张华"), ("expert-zhou", "周涛"), ("expert-liu", "刘洋"),
                 })
        {
            await CreateExpertAccountAsync(host, user, name);
        }
        await AddExpertAsync(legal, "李明", "省环境科学研究院", ["环境保护"], "expert-li");
        await AddExpertAsync(legal, "王丽", "省环境科学研究院", ["环境保护", "大气污染防治"], "expert-wangli");
        await AddExpertAsync(legal, "王建国", "省环境科学研究院", ["环境保护"], "expert-wangjg");
        await AddExpertAsync(legal, "郑伟", "市环境监测中心", ["环境保护"], "expert-zheng");
        await AddExpertAsync(legal, "赵敏", "县城乡规划设计所", ["城乡规划"], "expert-zhao");
        await AddExpertAsync(legal, "张华", "市规划设计研究院", ["城乡规划"], "expert-zhang", ["城关镇旧城改造项目"]);
        await AddExpertAsync(legal, "周涛", "县发展和改革局规划科", ["城乡规划"], "expert-zhou");
        await AddExpertAsync(legal, "陈静", "省城乡规划学会", ["环境保护"], null);
        await AddExpertAsync(legal, "刘洋", "市环境监测中心", ["环境保护"], "expert-liu", active: false);
        await AddExpertAsync(legal, "孙强", "县律师协会", ["法律"], null);
    }

    public static async Task ConsultExpertsAsync(HostFactory host, HttpClient owner, Guid instanceId)
    {
        var instance = await InstanceAsync(owner, instanceId);
        Assert.Equal(ExpectedExperts, instance.GetProperty("variables").GetProperty("experts").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(3, instance.GetProperty("variables").GetProperty("expertIds").GetArrayLength());

        var history = await owner.GetFromJsonAsync<JsonElement>($"/api/instances/{instanceId}/history");
        var selection = Assert.Single(history.EnumerateArray(), h => h.GetProperty("kind").GetString() == ExpertSelectActivity.JournalKind).GetProperty("data");
        var excluded = selection.GetProperty("excluded").EnumerateArray().ToDictionary(x => x.GetProperty("name").GetString()!, x => x.GetProperty("reason").GetString()!);
        Assert.Equal(["周涛", "张华", "陈静"], excluded.Keys);
        Assert.Contains("城关镇", excluded["张华"]);
        Assert.Contains("县发展和改革局规划科", excluded["周涛"]);
        Assert.Contains("账号", excluded["陈静"]);

        foreach (var expertUser in ExpectedExperts)
        {
            using var expert = await host.ClientForAsync(expertUser, ExpertPassword);
            await NotifyFlow.WaitUntilAsync(async () => (await expert.GetFromJsonAsync<JsonElement>("/api/inbox?take=500")).EnumerateArray()
                .Any(i => i.GetProperty("title").GetString() == "专家论证邀请：县城区集中供热价格调整方案"), $"{expertUser}'s invitation");

            var taskId = await TaskAsync(expert, instanceId, "expert-consultation");
            var missing = await Problem.AssertAsync(await CompleteAsync(expert, taskId), HttpStatusCode.BadRequest);
            Assert.Equal(["documents.expert-opinion"], Problem.Targets(missing));
            var filed = await SubmitOpinionAsync(expert, instanceId, $"{expertUser}-意见.pdf", Pdf($"{expertUser} 的书面论证意见，已签名"));
            Assert.True(filed.StatusCode == HttpStatusCode.Created, await filed.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, (await CompleteAsync(expert, taskId)).StatusCode);
        }
        // An expert who was not chosen cannot file an opinion in the case.
        using var outsider = await host.ClientForAsync("expert-wangli", ExpertPassword);
        await Problem.AssertAsync(await SubmitOpinionAsync(outsider, instanceId, "意见.pdf", Pdf("未受邀")), HttpStatusCode.Forbidden);

        var adoptionTask = await TaskAsync(owner, instanceId, "expert-adoption");
        var pending = await Problem.AssertAsync(await CompleteAsync(owner, adoptionTask), HttpStatusCode.BadRequest);
        Assert.Equal(["expertOpinions"], Problem.Targets(pending));

        var opinions = (await owner.GetFromJsonAsync<JsonElement>($"/api/expert-opinions?instanceId={instanceId}")).EnumerateArray().ToList();
        Assert.Equal(["李明", "赵敏", "郑伟"], opinions.Select(o => o.GetProperty("expertName").GetString()));
        using (var author = await host.ClientForAsync("expert-li", ExpertPassword))
        {
            await Problem.AssertAsync(await author.PutAsJsonAsync(AdoptionUrl(opinions[0]), new { decision = "adopted", reason = "自评" }), HttpStatusCode.Forbidden);
        }
        foreach (var (opinion, decision) in opinions.Zip(["adopted", "adopted", "not-adopted"]))
        {
            var recorded = await owner.PutAsJsonAsync(AdoptionUrl(opinion), new { decision, reason = "经研究，" + decision });
            Assert.True(recorded.IsSuccessStatusCode, await recorded.Content.ReadAsStringAsync());
        }
        Assert.Equal(HttpStatusCode.OK, (await CompleteAsync(owner, adoptionTask)).StatusCode);

        var summary = await host.Services.GetRequiredService<ExpertSummaries>().ForInstanceAsync(instanceId);
        Assert.Equal((3, 2, 0, 1, 0), (summary.Opinions, summary.Adopted, summary.Partly, summary.NotAdopted, summary.Pending));
        Assert.Equal("市环境监测中心", summary.Items.Single(i => i.Expert == "郑伟").Organisation);
    }

    private static string AdoptionUrl(JsonElement opinion) => $"/api/expert-opinions/{opinion.GetProperty("documentId").GetGuid()}/adoption";
}
