using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workflows.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Workflows.Browser.Tests.NormativeDocuments;

/// <summary>
/// One normative document from drafting to both filings, every step on its task page as the people who do
/// it: the owner starts it on 起草规范性文件 and drafts (the draft uploaded as 草案 and chosen, the explanation published with it), a member of
/// the public comments without signing in, the owner answers the comment and publishes the feedback on the
/// consultation's page and closes public comment once the 7 working days have run (on the simulated clock),
/// passes the fair-competition review; the legal affairs office finds the document lawful after changes, the
/// owner revises, the office finds it lawful (closing early, with the reason); the leader adopts it; the legal
/// affairs office registers it (the register gives 柳江规〔2026〕N号), publishes it and files it with both bodies.
/// </summary>
public sealed class NormativeDocumentFlowTests(SimulatedClockBrowserHost host) : IClassFixture<SimulatedClockBrowserHost>
{
    private const string Title = "柳江县城市道路挖掘占用管理办法";

    [Fact]
    public async Task Document_GoesFromDraftingToBothFilings_ThroughTheTaskPages()
    {
        // The owner starts drafting: the settings that decide the procedure (market actors: fair-competition review).
        var owner = await host.NewPageAsync();
        await owner.SignInAsync("owner");
        await owner.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "起草规范性文件" }).ClickAsync();
        await owner.WaitForURLAsync(new Regex("/registers/normative-documents/start$"));
        await owner.GetByTestId("nd-start-submit").ClickAsync();
        await Expect(owner.GetByText("请填写「文件名称」。")).ToBeVisibleAsync();
        await owner.GetByLabel("文件名称").FillAsync(Title);
        await owner.ChooseAsync("制定机关", "柳江县人民政府");
        await owner.GetByLabel("涉及市场主体经济活动（须进行公平竞争审查）").CheckAsync();
        await owner.ScreenshotAsync("79-normative-start");
        await owner.GetByTestId("nd-start-submit").ClickAsync();
        await owner.WaitForURLAsync(new Regex("/instances/[0-9a-f-]{36}$"));
        await owner.WaitForCircuitAsync();
        await Expect(owner.GetByTestId("case-open-tasks")).ToContainTextAsync("起草与评估");

        // 起草与评估: the form's own messages first, then the draft uploaded as 草案 and chosen.
        await OpenStepAsync(owner, "起草与评估", "normative-drafting-record", claim: true);
        await owner.GetByTestId("outcome-complete").ClickAsync();
        await Expect(owner.GetByText("请填写「起草说明和评估意见」。")).ToBeVisibleAsync();
        await Expect(owner.GetByText("请填写「征求意见稿」。")).ToBeVisibleAsync();
        await owner.ChooseAsync("材料类型", "草案");
        await owner.UploadTextAsync("城市道路挖掘占用管理办法（征求意见稿）.txt", "第一条 为加强城市道路挖掘占用管理，制定本办法。");
        await owner.ChooseAsync("征求意见稿", "城市道路挖掘占用管理办法（征求意见稿）.txt");
        await owner.FillByLabelAsync(
            ("起草说明和评估意见", "制定必要性：道路反复开挖问题突出；合法性：依据《城市道路管理条例》；可行性：已征求住建、交通部门意见。"),
            ("公开的起草说明", "为规范城市道路挖掘占用，依据《城市道路管理条例》，起草本办法，现公开征求意见。"));
        await owner.ScreenshotAsync("80-normative-drafting-filled");
        await CompleteAsync(owner);

        // A member of the public comments on the published draft, without signing in.
        var visitor = await host.NewPageAsync();
        await OpenPublicConsultationAsync(visitor);
        await visitor.GetByLabel("意见内容").FillAsync("建议明确夜间施工的噪声管理要求。");
        await visitor.GetByTestId("comment-submit").ClickAsync();
        await Expect(visitor.GetByTestId("comment-receipt")).ToContainTextAsync("第1条");

        // 公开征求意见: the task shows where the consultation stands and leads to where the comment is answered.
        await OpenStepAsync(owner, "公开征求意见", "normative-comment-record", claim: true);
        await Expect(owner.GetByTestId("nd-consultation-state")).ToContainTextAsync("待答复1条");
        await Expect(owner.GetByTestId("nd-consultation-state")).ToContainTextAsync("尚未公布");
        await owner.ScreenshotAsync("81-normative-public-comment");
        await owner.GetByTestId("nd-open-consultation").ClickAsync();
        await owner.WaitForURLAsync(new Regex(@"/consultations/[0-9a-f-]{36}\?task="));
        await owner.WaitForCircuitAsync();
        await Expect(owner.GetByTestId("consultation-comments")).ToContainTextAsync("建议明确夜间施工的噪声管理要求。");

        // The module's own check comes back beside the field: an answer needs its reason.
        await owner.ChooseAsync("采纳情况", "采纳");
        await owner.GetByTestId("answer-save").ClickAsync();
        await Expect(owner.GetByText("请说明采纳或不予采纳的理由。")).ToBeVisibleAsync();
        await owner.GetByLabel("采纳或不予采纳的理由").FillAsync("已在第十二条增加夜间施工噪声管理要求。");
        await owner.GetByTestId("answer-save").ClickAsync();
        await Expect(owner.GetByTestId("consultation-comments")).ToContainTextAsync("采纳");
        await Expect(owner.GetByLabel("反馈采纳情况和理由")).ToHaveValueAsync(new Regex("第1条：采纳。理由：已在第十二条增加夜间施工噪声管理要求。"));
        await owner.GetByTestId("feedback-publish").ClickAsync();
        await Expect(owner.GetByTestId("consultation-feedback")).ToContainTextAsync("反馈采纳情况和理由已公布");
        await owner.ScreenshotAsync("82-normative-consultation-answered");

        // Not before the 7 working days (2 to 11 March) have run: the clock moves on, the owner closes the step.
        await host.AdvanceClockToAsync(new DateTimeOffset(2026, 3, 12, 9, 0, 0, TimeSpan.FromHours(8)));
        await owner.GetByTestId("consultation-back-to-task").ClickAsync();
        await owner.WaitForURLAsync(new Regex("/tasks/[0-9a-f-]{36}$"));
        await owner.WaitForCircuitAsync();
        await Expect(owner.GetByTestId("nd-consultation-state")).ToContainTextAsync("已于");
        await Expect(owner.GetByLabel("意见采纳情况及理由")).ToHaveValueAsync(new Regex("第1条：采纳"));
        await CompleteAsync(owner);

        // 公平竞争审查 (the document affects market actors): the conclusion, then 符合.
        await OpenStepAsync(owner, "公平竞争审查", "nd-fair-competition-record", claim: true);
        await owner.GetByLabel("公平竞争审查结论").FillAsync("经审查，未设置市场准入和退出障碍，不影响生产经营成本，符合公平竞争审查标准。");
        await CompleteAsync(owner, "outcome-pass");

        // 合法性审核 by the legal affairs office, after its 5 working days: lawful after changes.
        await host.AdvanceClockToAsync(new DateTimeOffset(2026, 3, 20, 9, 0, 0, TimeSpan.FromHours(8)));
        var legal = await host.NewPageAsync();
        await legal.SignInAsync("legal");
        await OpenStepAsync(legal, "合法性审核", "nd-legality-record", claim: true);
        await Expect(legal.GetByTestId("nd-review-window")).ToContainTextAsync("不少于5个工作日，最长不超过15个工作日");
        await Expect(legal.GetByTestId("nd-case-summary")).ToContainTextAsync("符合公平竞争审查标准");
        await Expect(legal.GetByTestId("documents")).ToContainTextAsync("反馈采纳情况和理由 ·");
        await legal.GetByLabel("合法性审核意见书").FillAsync("第八条设定的保证金缺乏上位法依据，删除后合法。");
        await legal.ScreenshotAsync("83-normative-legality-review");
        await CompleteAsync(legal, "outcome-lawful-after-changes");

        await OpenStepAsync(owner, "根据审核意见修改", "nd-revision-record", claim: true);
        await Expect(owner.GetByTestId("nd-case-summary")).ToContainTextAsync("删除后合法");
        await owner.GetByLabel("修改情况说明").FillAsync("已删除第八条关于保证金的规定。");
        await CompleteAsync(owner);

        // Back at once to the legal affairs office: closing before its 5 working days asks for the reason.
        await OpenStepAsync(legal, "合法性审核", "nd-legality-record", claim: true);
        await legal.GetByLabel("合法性审核意见书").FillAsync("修改后制定主体、权限、内容和程序均合法。");
        await legal.GetByTestId("outcome-lawful").ClickAsync();
        var dialog = legal.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("提前办结理由").FillAsync("仅复核第八条的删除，已审查完毕。");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "确定" }).ClickAsync();
        await legal.WaitForTasksAsync();

        // 集体审议 by the leaders.
        var leader = await host.NewPageAsync();
        await leader.SignInAsync("leader");
        await OpenStepAsync(leader, "集体审议", "nd-deliberation-record", claim: true);
        await leader.ChooseAsync("会议类型", "常务会议");
        await leader.GetByLabel("会议纪要").FillAsync("县政府第20次常务会议审议，同意印发。");

        // What only the guard checks comes back beside the field: a meeting cannot be dated after today.
        await leader.GetByLabel("会议日期").FillAsync("2099-01-01");
        await leader.GetByLabel("会议日期").PressAsync("Tab");
        await leader.GetByTestId("outcome-adopt").ClickAsync();
        await Expect(leader.GetByTestId("nd-deliberation-record").GetByText(new Regex("请填写会议日期.*不晚于今天"))).ToBeVisibleAsync();
        await leader.GetByLabel("会议日期").FillAsync("2026-03-20");
        await leader.GetByLabel("会议日期").PressAsync("Tab");
        await leader.ScreenshotAsync("84-normative-deliberation");
        await CompleteAsync(leader, "outcome-adopt");

        // 统一登记编号: the register gives the number from the task page.
        await OpenStepAsync(legal, "统一登记编号", "nd-registration-record", claim: true);
        await Expect(legal.GetByTestId("nd-number")).ToHaveTextAsync("尚未登记");
        await Expect(legal.Locator("#task-comment")).ToHaveCountAsync(0);
        await legal.GetByTestId("outcome-complete").ClickAsync();
        await legal.WaitForTasksAsync();
        var registered = legal.Locator(".mud-snackbar").Filter(new() { HasText = "已统一登记编号" });
        await Expect(registered).ToContainTextAsync(new Regex(@"已统一登记编号：柳江规〔2026〕\d+号"));
        var number = Regex.Match(await registered.InnerTextAsync(), @"柳江规〔2026〕\d+号").Value;

        // 统一发布 on the one channel; a wrong address is refused beside the field.
        await OpenStepAsync(legal, "统一发布", "nd-publication-record", claim: true);
        await Expect(legal.GetByTestId("nd-number")).ToHaveTextAsync(number);
        await Expect(legal.GetByLabel("统一发布载体")).ToHaveValueAsync("柳江县人民政府门户网站");
        await legal.GetByLabel("发布网址").FillAsync("www.liujiang.gov.cn");
        await legal.GetByTestId("outcome-complete").ClickAsync();
        await Expect(legal.GetByText("请填写发布页面的网址（http 或 https，至多 2000 个字符）。")).ToBeVisibleAsync();
        await legal.ScreenshotAsync("85-normative-publication-refused");
        await legal.GetByLabel("发布网址").FillAsync("https://www.liujiang.gov.cn/zwgk/gfxwj/2026/1.html");
        await CompleteAsync(legal);

        // 备案 with both bodies, a few days later, within 30 days of publication.
        await host.AdvanceClockToAsync(new DateTimeOffset(2026, 3, 25, 9, 0, 0, TimeSpan.FromHours(8)));
        await OpenStepAsync(legal, "报上一级人民政府备案", "nd-filing-record", claim: true);
        await Expect(legal.GetByTestId("nd-authority")).ToHaveTextAsync("上一级人民政府");
        await Expect(legal.GetByTestId("nd-filing-due")).ToContainTextAsync("发布之日起30日内");
        await legal.GetByLabel("备案文号或回执编号").FillAsync("柳备〔2026〕15号");
        await CompleteAsync(legal);
        await OpenStepAsync(legal, "报本级人大常委会备案", "nd-filing-record", claim: true);
        await Expect(legal.GetByTestId("nd-authority")).ToHaveTextAsync("本级人大常委会");
        await legal.ScreenshotAsync("86-normative-filing");
        await CompleteAsync(legal);

        // The register shows the number, the publication and both filings.
        await legal.OpenAsync("/registers/normative-documents");
        await legal.GetByTestId("normative-documents").GetByRole(AriaRole.Link, new() { Name = Title }).ClickAsync();
        await legal.WaitForURLAsync(new Regex("/registers/normative-documents/[0-9a-f-]{36}$"));
        await Expect(legal.GetByRole(AriaRole.Heading, new() { Name = Title })).ToBeVisibleAsync();
        await Expect(legal.GetByText(number)).ToBeVisibleAsync();
        await Expect(legal.GetByText("上一级人民政府：2026年3月25日")).ToBeVisibleAsync();
        await Expect(legal.GetByText(new Regex("人大常委会：2026年3月25日"))).ToBeVisibleAsync();
        await legal.ScreenshotAsync("87-normative-register-filed");
    }

    /// <summary>The public list shows the draft once the consultation has been opened (through the outbox, so not at once).</summary>
    private static async Task OpenPublicConsultationAsync(IPage page)
    {
        var link = page.GetByRole(AriaRole.Link, new() { Name = Title, Exact = true });
        // As a visitor would: reload the list until the draft is there, each look with its own short deadline.
        for (var attempt = 1; ; attempt++)
        {
            await page.OpenAsync("/public/consultations");
            try
            {
                await link.WaitForAsync(new() { Timeout = 500 });
                break;
            }
            catch (TimeoutException) when (attempt < 30)
            {
            }
        }
        await link.ClickAsync();
        await page.WaitForURLAsync(new Regex("/public/consultations/[0-9a-f-]{36}$"));
        await page.WaitForCircuitAsync();
    }

    /// <summary>From 待办, opens this document's <paramref name="step"/>, checks its section is there and claims it.</summary>
    private static async Task OpenStepAsync(IPage page, string step, string recordTestId, bool claim)
    {
        await page.OpenAsync("/tasks");
        var row = page.Locator("[data-due] tr").Filter(new() { HasText = Title });
        await row.GetByRole(AriaRole.Link, new() { Name = step, Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = step, Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByTestId(recordTestId)).ToBeVisibleAsync();
        if (claim && await page.GetByTestId("claim-task").CountAsync() > 0)
        {
            await page.GetByTestId("claim-task").ClickAsync();
            await Expect(page.GetByTestId("claim-task")).ToHaveCountAsync(0);
        }
    }

    /// <summary>Submits the task page with an outcome; an accepted completion goes back to 待办.</summary>
    private static async Task CompleteAsync(IPage page, string button = "outcome-complete")
    {
        await page.GetByTestId(button).ClickAsync();
        await page.WaitForTasksAsync();
    }
}
