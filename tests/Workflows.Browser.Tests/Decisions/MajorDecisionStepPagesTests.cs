using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workflows.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Workflows.Browser.Tests.Decisions.MajorDecisionFlowTests;

namespace Workflows.Browser.Tests.Decisions;

/// <summary>
/// The major-decision steps beyond the main path, each done on its task page by its own people: public
/// participation answered on the consultation page and closed early with a reason, the hearing, an
/// expert's signed opinion and its adoption, the unlawful opinion and its disposition, the revision loop
/// after "lawful after changes", and execution, post-evaluation and archiving with the dossier downloaded.
/// Earlier steps go through the API (<see cref="DecisionSetup"/>); the clock is simulated and moved, never waited for.
/// </summary>
public sealed class MajorDecisionStepPagesTests(SimulatedClockBrowserHost host) : IClassFixture<SimulatedClockBrowserHost>
{
    private readonly DecisionSetup _setup = new(host);

    [Fact]
    public async Task ParticipationHearingExpertsAndRisk_AreClosedOnTheirTaskPages_UpToTheLegalitySubmission()
    {
        const string title = "城区公共停车场建设规划";
        await _setup.StockExpertsAsync("交通规划");
        var id = await _setup.ProposeAsync(title);
        await _setup.StartAsync(id, DecisionSetup.AllApply("交通规划"));
        await _setup.DraftAsync(id);
        var consultationId = await _setup.ConsultationAsync(id);
        await _setup.CommentAsync(consultationId, "建议在老城区增设夜间免费停车时段。");
        var casePath = $"/instances/{id}";
        var today = await _setup.TodayAsync();

        // 听证: the notice ten days ahead, today's hearing, its participants and the signed record uploaded here.
        var owner = await host.NewPageAsync();
        await owner.SignInAsync("owner");
        await ClaimStepAsync(owner, "owner", "听证", "hearing-record", title);
        await owner.UploadTextAsync("听证笔录（签字）.txt", "听证会笔录，参加人签字。");
        await Expect(owner.GetByTestId("documents")).ToContainTextAsync("听证笔录 ·");
        await owner.GetByLabel("听证公告发布日期").FillAsync(DecisionSetup.Day(today.AddDays(-3)));
        await owner.GetByLabel("听证公告发布日期").PressAsync("Tab");
        await owner.GetByLabel("听证参加人").FillAsync("居民代表 赵某\n停车企业代表 钱某");
        await owner.ChooseAsync("听证笔录（参加人签字）", "听证笔录（签字）.txt");
        // Art. 16 as the guard counts it: three days' notice is too short, and the message comes back beside the field.
        await owner.GetByTestId("outcome-complete").ClickAsync();
        await Expect(owner.GetByTestId("hearing-record").GetByText(new Regex("至少在听证会 7 日前发布：公告"))).ToBeVisibleAsync();
        await owner.GetByLabel("听证公告发布日期").FillAsync(DecisionSetup.Day(today.AddDays(-10)));
        await owner.GetByLabel("听证公告发布日期").PressAsync("Tab");
        await owner.ScreenshotAsync("80-hearing-filled");
        await CompleteAsync(owner);
        await ExpectDoneAsync(owner, casePath, "hearing");

        // 专家论证: the pool chose 周明 (郑强 works for the lead unit); he files his signed opinion on his own task.
        var expert = await host.NewPageAsync();
        await expert.SignInAsync("expert");
        await OpenStepAsync(expert, "专家论证意见", "expert-opinion-record", title);
        await expert.GetByTestId("outcome-complete").ClickAsync();
        await Expect(expert.GetByTestId("expert-opinion-missing")).ToContainTextAsync("书面论证意见");
        await expert.UploadTextAsync("周明论证意见（签名）.txt", "建议分期建设，优先建设医院周边停车场。周明");
        await Expect(expert.GetByTestId("expert-opinion-filed")).ToContainTextAsync("周明论证意见（签名）.txt");
        await expert.ScreenshotAsync("81-expert-opinion-filed");
        await CompleteAsync(expert);

        // 专家意见采纳情况: the selection with its exclusion, the opinion, and its adoption with a reason.
        await ClaimStepAsync(owner, "owner", "专家意见采纳情况", "expert-adoption-record", title);
        await Expect(owner.GetByTestId("expert-selection")).ToContainTextAsync("周明（市交通科学研究所；交通规划）");
        await Expect(owner.GetByTestId("expert-excluded")).ToContainTextAsync("郑强");
        await owner.GetByTestId("outcome-complete").ClickAsync();
        await Expect(owner.GetByTestId("expert-adoption-record").GetByText(new Regex("未记录采纳情况和理由"))).ToBeVisibleAsync();
        await owner.ChooseAsync("采纳情况", "部分采纳");
        await owner.GetByLabel("采纳或不予采纳的理由").FillAsync("分期建设的建议采纳，建设顺序另行论证。");
        await owner.GetByTestId("expert-adoption-save").ClickAsync();
        await Expect(owner.GetByTestId("expert-adoption-decision")).ToHaveTextAsync("部分采纳");
        await owner.ScreenshotAsync("82-expert-adoption-recorded");
        await CompleteAsync(owner);
        await ExpectDoneAsync(owner, casePath, "expert-adoption");

        // 公众参与: the task page shows the consultation's state and leads to its page, where the comment is
        // answered and the feedback published; then the step closes early, with the reason it asks for.
        await ClaimStepAsync(owner, "owner", "公众参与（征求意见及采纳反馈）", "public-participation-record", title);
        await Expect(owner.GetByTestId("consultation-status")).ToHaveTextAsync("正在征求意见");
        await Expect(owner.GetByTestId("consultation-counts")).ToContainTextAsync("待答复1条");
        await Expect(owner.GetByTestId("consultation-feedback-state")).ToHaveTextAsync("尚未公布");
        var taskPath = new Uri(owner.Url).AbsolutePath;
        await owner.GetByTestId("consultation-manage").ClickAsync();
        await owner.WaitForURLAsync(new Regex($"/consultations/{consultationId}\\?task="));
        await owner.WaitForCircuitAsync();
        await Expect(owner.GetByTestId("consultation-comments")).ToContainTextAsync("13800000000");
        await owner.ChooseAsync("采纳情况", "采纳");
        await owner.GetByLabel("采纳或不予采纳的理由").FillAsync("已在方案中增设夜间免费时段。");
        await owner.GetByTestId("answer-save").ClickAsync();
        await Expect(owner.GetByTestId("comment-decision-1")).ToHaveTextAsync("采纳");
        // The feedback is drafted from the answers; the owner edits it before publishing.
        await Expect(owner.GetByLabel("反馈采纳情况和理由")).ToHaveValueAsync(new Regex("第1条：采纳。理由：已在方案中增设夜间免费时段。"));
        await owner.GetByLabel("反馈采纳情况和理由").FillAsync("共收到意见1条，采纳1条：增设夜间免费停车时段。");
        await owner.GetByTestId("feedback-publish").ClickAsync();
        await Expect(owner.GetByTestId("consultation-feedback")).ToContainTextAsync("反馈采纳情况和理由已公布");
        await owner.ScreenshotAsync("83-consultation-answered");

        // Back to the step from the consultation page.
        await owner.GetByTestId("consultation-back-to-task").ClickAsync();
        await owner.WaitForURLAsync(new Regex(Regex.Escape(taskPath) + "$"));
        await Expect(owner.GetByTestId("consultation-counts")).ToContainTextAsync("待答复0条");
        await Expect(owner.GetByTestId("consultation-feedback-state")).ToContainTextAsync("已于");
        await owner.GetByTestId("outcome-complete").ClickAsync();
        var dialog = owner.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("提前办结理由").FillAsync("意见已充分收集，经决策机关同意缩短征求意见期。");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "确定" }).ClickAsync();
        await owner.WaitForTasksAsync();
        await ExpectDoneAsync(owner, casePath, "public-participation");
        await Expect(Shape(owner, "risk-assessment")).ToHaveClassAsync(new Regex(@"\bfz-current\b"));

        // 风险评估 and 送请合法性审查, which checks every applicable step above is done.
        await ClaimStepAsync(owner, "owner", "社会稳定风险评估", "risk-assessment-record", title);
        await owner.ChooseAsync("风险评估单位", "柳江县发展和改革局");
        await owner.FillByLabelAsync(("风险点", "周边居民担心施工噪声"), ("风险防范化解措施", "夜间停止施工"), ("处置预案", "出现投诉时由县发展和改革局约谈解释。"));
        await owner.ChooseAsync("风险等级", "低风险");
        await CompleteAsync(owner);
        await ClaimStepAsync(owner, "owner", "送请合法性审查", "legality-submission-record", title);
        await owner.GetByLabel("送审的法律政策依据").FillAsync("《中华人民共和国城乡规划法》");
        await CompleteAsync(owner);
        await ExpectDoneAsync(owner, casePath, "legality-submission");
        await Expect(Shape(owner, "legality-review")).ToHaveClassAsync(new Regex(@"\bfz-current\b"));
        await owner.ScreenshotAsync("84-participation-steps-done");
    }

    [Fact]
    public async Task UnlawfulOpinion_IsDisposedOfOnItsTaskPage()
    {
        const string title = "城区临时占道停车收费";
        var id = await _setup.UpToLegalityReviewAsync(title);
        var casePath = $"/instances/{id}";

        var legal = await host.NewPageAsync();
        await legal.SignInAsync("legal");
        await GiveOpinionAsync(legal, title, "不合法", "占用城市道路收费缺乏上位法依据。");
        await ExpectDoneAsync(legal, casePath, "legality-review");
        await Expect(Shape(legal, "unlawful-disposition")).ToHaveClassAsync(new Regex(@"\bfz-current\b"));

        var leader = await host.NewPageAsync();
        await leader.SignInAsync("leader");
        await ClaimStepAsync(leader, "leader", "审查不合法的处理（终止或重新拟订）", "unlawful-disposition-record", title);
        await leader.GetByRole(AriaRole.Radio, new() { Name = "终止决策程序" }).CheckAsync();
        await leader.GetByLabel("处理理由").FillAsync("缺乏上位法依据，终止本次决策。");
        await leader.ScreenshotAsync("85-unlawful-disposition-filled");
        await CompleteAsync(leader);
        await ExpectDoneAsync(leader, casePath, "unlawful-disposition");
        await Expect(Shape(leader, "archive")).ToHaveClassAsync(new Regex(@"\bfz-current\b"));
    }

    [Fact]
    public async Task LawfulAfterChanges_GoesBackThroughDraftingAndSubmission_ToTheReview()
    {
        const string title = "城区路内停车泊位调整";
        var id = await _setup.UpToLegalityReviewAsync(title);
        var casePath = $"/instances/{id}";

        var legal = await host.NewPageAsync();
        await legal.SignInAsync("legal");
        await GiveOpinionAsync(legal, title, "修改后合法", "草案第五条强制拖移缺乏依据，删除后合法。", "删除第五条关于强制拖移的规定");
        await ExpectDoneAsync(legal, casePath, "legality-review");
        await Expect(Shape(legal, "drafting")).ToHaveClassAsync(new Regex(@"\bfz-current\b"));

        // The owner revises the draft and says what changed; the revision goes straight back to the submission.
        var owner = await host.NewPageAsync();
        await owner.SignInAsync("owner");
        await ClaimStepAsync(owner, "owner", "拟订决策草案", "drafting-record", title);
        await owner.ChooseAsync("材料类型", "草案");
        await owner.UploadTextAsync("泊位调整方案（修改稿）.txt", "删除第五条后的方案。");
        await owner.ChooseAsync("决策草案文本", "泊位调整方案（修改稿）.txt");
        await owner.GetByLabel("起草说明").FillAsync("按合法性审查意见修改。");
        await owner.GetByLabel("草案的法律政策依据").FillAsync("《中华人民共和国价格法》第十八条");
        await owner.GetByLabel("修改说明").FillAsync("删除第五条关于强制拖移的规定。");
        await CompleteAsync(owner);
        await OpenStepAsync(owner, "送请合法性审查", "legality-submission-record", title);
        await owner.GetByTestId("claim-task").ClickAsync();
        await owner.GetByLabel("送审的法律政策依据").FillAsync("《中华人民共和国价格法》第十八条");
        await CompleteAsync(owner);

        await owner.OpenAsync(casePath);
        await Expect(owner.GetByTestId("case-diagram")).ToHaveAttributeAsync("data-state", "ready");
        await Expect(Shape(owner, "legality-review")).ToHaveClassAsync(new Regex(@"\bfz-current\b"));
        await Expect(owner.GetByTestId("case-open-tasks")).ToContainTextAsync("合法性审查");
        await owner.ScreenshotAsync("86-revision-back-to-review");
    }

    [Fact]
    public async Task ExecutionReport_PostEvaluation_AndArchive_AreRecordedOnTheirPages_AndTheDossierDownloads()
    {
        const string title = "公共停车场差别化收费执行";
        var id = await _setup.UpToLegalityReviewAsync(title);
        await _setup.PublishAsync(id);
        var casePath = $"/instances/{id}";

        // The decision asked for a report every three months: move the clock past the first, and the executing unit reports (the last one).
        await _setup.AdvanceAsync("P95D");
        var owner = await host.NewPageAsync();
        await owner.SignInAsync("owner");
        await ClaimStepAsync(owner, "owner", "报告决策执行情况", "execution-report-record", title);
        await Expect(owner.GetByLabel("执行目标 1 内容")).ToHaveValueAsync("三处停车场建成投用");
        await owner.ChooseAsync("执行目标 1 的进度", "已完成");
        await owner.GetByLabel("执行进展").FillAsync("三处停车场均已建成投用，差别化收费已实施。");
        await owner.GetByLabel("决策已执行完毕（最后一次报告）").CheckAsync();
        await owner.ScreenshotAsync("87-execution-report-filled");
        await CompleteAsync(owner);

        // A year after the decision the post-evaluation falls due for the legal affairs office (not the risk assessor).
        await _setup.AdvanceAsync("P1Y");
        var legal = await host.NewPageAsync();
        await legal.SignInAsync("reviewer");
        await ClaimStepAsync(legal, "reviewer", "决策后评估", "post-evaluation-record", title);
        await legal.UploadTextAsync("决策后评估报告.txt", "评估结论：目标基本实现。");
        await legal.ChooseAsync("评估报告", "决策后评估报告.txt");
        await legal.GetByLabel("评估结论").FillAsync("决策目标基本实现，周转率提高。");
        await legal.ChooseAsync("评估建议", "继续执行");
        await legal.ScreenshotAsync("88-post-evaluation-filled");
        await CompleteAsync(legal);
        await ExpectDoneAsync(legal, casePath, "post-evaluation");

        // 归档: the dossier downloads from the step's page, then the dossier closes.
        await ClaimStepAsync(owner, "owner", "归档", "archive-record", title);
        var download = await owner.RunAndWaitForDownloadAsync(() => owner.GetByTestId("dossier-download").ClickAsync());
        var path = Path.ChangeExtension(Artifacts.PathFor("89-dossier"), ".zip");
        await download.SaveAsAsync(path);
        using (var zip = System.IO.Compression.ZipFile.OpenRead(path))
        {
            Assert.Contains(zip.Entries, e => e.FullName.Contains("决策后评估报告", StringComparison.Ordinal));
        }
        await owner.GetByLabel("归档说明").FillAsync("案卷材料齐全，归档。");
        await CompleteAsync(owner);
        await ExpectDoneAsync(owner, casePath, "archive");
        await owner.ScreenshotAsync("89-decision-archived");
    }

    [Fact]
    public async Task DecisionBody_AsksForThePostEvaluationFromTheCasePage_AndItsStepOpens()
    {
        const string title = "城区道路临时占用收费调整";
        var id = await _setup.UpToLegalityReviewAsync(title);
        await _setup.PublishAsync(id);
        var casePath = $"/instances/{id}";

        // The executing unit sees the case but may not ask for the evaluation: that is the decision body's (art. 36).
        var owner = await host.NewPageAsync();
        await owner.SignInAsync("owner");
        await owner.OpenAsync(casePath);
        await Expect(owner.GetByTestId("case-diagram")).ToHaveAttributeAsync("data-state", "ready");
        await Expect(owner.GetByTestId("evaluation-request-withheld")).ToBeAttachedAsync();
        await Expect(owner.GetByTestId("evaluation-request")).ToHaveCountAsync(0);

        var leader = await host.NewPageAsync();
        await leader.SignInAsync("leader");
        await leader.OpenAsync(casePath);
        var card = leader.GetByTestId("evaluation-request");
        await Expect(card).ToBeVisibleAsync();
        await card.GetByTestId("evaluation-request-submit").ClickAsync();
        await Expect(card).ToContainTextAsync("请填写「提出评估的理由」");
        await leader.GetByLabel("提出评估的理由").FillAsync("群众反映收费标准偏高，提前启动评估。");
        await leader.ScreenshotAsync("90-evaluation-requested");
        await card.GetByTestId("evaluation-request-submit").ClickAsync();
        await Expect(leader.GetByTestId("evaluation-request")).ToHaveCountAsync(0);
        await Expect(Shape(leader, "post-evaluation")).ToHaveClassAsync(new Regex(@"\bfz-current\b"));

        // The legal affairs office now has the post-evaluation in its inbox, without waiting for the period.
        var legal = await host.NewPageAsync();
        await legal.SignInAsync("reviewer");
        await OpenStepAsync(legal, "决策后评估", "post-evaluation-record", title);
    }

    /// <summary>The legal affairs office's opinion on its page: the opinion, its reasons and changes, the signed document, and the early-close reason.</summary>
    private static async Task GiveOpinionAsync(IPage legal, string title, string opinion, string reasons, string? changes = null)
    {
        await ClaimStepAsync(legal, "legal", "合法性审查", "legality-opinion-record", title);
        await legal.ChooseAsync("审查意见", opinion);
        await legal.GetByLabel("审查理由").FillAsync(reasons);
        if (changes is not null)
        {
            await legal.GetByLabel("须修改的内容").FillAsync(changes);
        }
        await legal.UploadTextAsync("合法性审查意见书.txt", reasons);
        await legal.ChooseAsync("合法性审查意见书", "合法性审查意见书.txt");
        await legal.GetByTestId("outcome-complete").ClickAsync();
        var dialog = legal.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("提前办结理由").FillAsync("审查已完成。");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "确定" }).ClickAsync();
        await legal.WaitForTasksAsync();
    }
}
