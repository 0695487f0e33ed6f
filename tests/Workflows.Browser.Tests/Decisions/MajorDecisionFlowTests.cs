using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workflows.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Workflows.Browser.Tests.Decisions;

/// <summary>
/// The issue's own path through the built-in major-decision procedure: the owner proposes a decision
/// through the wizard, the county leader (candidate group <c>county-gov:leader</c>) records the start
/// decision through the task page's fields, the case diagram marks that step done and drafting
/// current; then the owner uploads the draft and records drafting, the risk assessment and the
/// submission for legality review on their task pages, the legal affairs office gives its opinion on
/// its own, the owner confirms the meeting materials, the leader records the collective decision, the
/// report to the Party committee and the publication, and the diagram marks each done in turn.
/// </summary>
public sealed class MajorDecisionFlowTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private const string Title = "县城区公共停车收费标准调整";
    private const string StartStep = "决策启动（决策机关研究决定）";
    private const string DraftingStep = "拟订决策草案";

    [Fact]
    public async Task MainPathSteps_AreRecordedThroughTheTaskPage_AndTheCaseDiagramMarksEachDone()
    {
        var owner = await host.NewPageAsync();
        await owner.SignInAsync("owner");
        await owner.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "发起重大决策" }).ClickAsync();
        await owner.GetByLabel("决策事项名称").FillAsync(Title);
        await owner.GetByTestId("wizard-next").ClickAsync();
        await owner.GetByLabel("提出决策建议的理由").FillAsync("停车收费标准执行十年未调整，中心城区车位周转率低。");
        await owner.GetByLabel("法律政策依据").FillAsync("《中华人民共和国价格法》第十八条");
        await owner.GetByLabel("决策初步方案").FillAsync("中心城区路内停车首小时2元，其后每小时3元。");
        await owner.GetByTestId("wizard-next").ClickAsync();
        await owner.GetByTestId("wizard-next").ClickAsync();
        await owner.ScreenshotAsync("60-decision-wizard-review");
        await owner.GetByTestId("wizard-submit").ClickAsync();
        await owner.WaitForURLAsync(new Regex("/instances/[0-9a-f-]{36}$"));
        var casePath = new Uri(owner.Url).AbsolutePath;
        await Expect(owner.GetByTestId("case-diagram")).ToHaveAttributeAsync("data-state", "ready");
        await Expect(Shape(owner, "proposal")).ToHaveClassAsync(new Regex(@"\bfz-current\b"));
        await owner.ScreenshotAsync("61-decision-proposed");

        // The decision body's leader finds the start decision in 待办.
        var leader = await host.NewPageAsync();
        await leader.SignInAsync("leader");
        await ClaimStepAsync(leader, "leader", StartStep, "start-decision-record");
        await leader.ScreenshotAsync("62-start-decision-form");

        // Fields the form checks itself: a step left out needs its reason.
        var hearing = leader.Locator("fieldset[data-step-key=hearing]");
        await hearing.GetByRole(AriaRole.Radio, new() { Name = "不适用" }).CheckAsync();
        await leader.GetByTestId("outcome-complete").ClickAsync();
        await Expect(leader.GetByText("请填写「决策承办单位」。")).ToBeVisibleAsync();
        await Expect(leader.GetByText("请说明「听证」不适用的理由。")).ToBeVisibleAsync();

        await leader.ChooseAsync("决策承办单位", "柳江县发展和改革局");
        await hearing.GetByLabel("不适用的理由").FillAsync("收费标准调整已通过问卷和座谈会听取意见，不涉及听证目录事项。");
        // This test walks the main path: the participation branches are left out (with their reasons; the test
        // host's expert pool is empty anyway), so drafting leads straight on to the risk assessment.
        var experts = leader.Locator("fieldset[data-step-key=expertConsultation]");
        await experts.GetByRole(AriaRole.Radio, new() { Name = "不适用" }).CheckAsync();
        await experts.GetByLabel("不适用的理由").FillAsync("收费标准调整不涉及专业性、技术性较强的问题。");
        var participation = leader.Locator("fieldset[data-step-key=publicParticipation]");
        await participation.GetByRole(AriaRole.Radio, new() { Name = "不适用" }).CheckAsync();
        await participation.GetByLabel("不适用的理由").FillAsync("已在价格听证前期调查中公开征求意见，本次不再重复。");
        await participation.GetByLabel("本事项依法不予公开").CheckAsync();
        await leader.GetByLabel("研究决定的会议").FillAsync("县政府第12次常务会议");

        // What only the procedure's guard knows comes back beside the field: a start decision cannot be dated in the future.
        await leader.GetByLabel("决定日期").FillAsync("2099-01-01");
        await leader.GetByLabel("决定日期").PressAsync("Tab");
        await leader.GetByTestId("outcome-complete").ClickAsync();
        await Expect(leader.GetByText(new Regex("2099-01-01 晚于今天"))).ToBeVisibleAsync();
        await leader.ScreenshotAsync("63-start-decision-refused");

        var today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd");
        await leader.GetByLabel("决定日期").FillAsync(today);
        await leader.GetByLabel("决定日期").PressAsync("Tab");
        await leader.GetByLabel("办理意见").FillAsync("经县政府常务会议研究，同意启动。");
        await leader.ScreenshotAsync("64-start-decision-filled");
        await CompleteAsync(leader);

        await ExpectDoneAsync(leader, casePath, "proposal");
        await Expect(Shape(leader, "drafting")).ToHaveClassAsync(new Regex(@"\bfz-current\b"));
        await Expect(Shape(leader, "not-started")).Not.ToHaveClassAsync(new Regex(@"\bfz-done\b"));
        await Expect(leader.GetByTestId("case-open-tasks")).ToContainTextAsync("拟订决策草案");
        await Expect(leader.GetByTestId("timeline")).ToContainTextAsync("意见：经县政府常务会议研究，同意启动。");
        await leader.ScreenshotAsync("65-decision-case-drafting");

        // The lead unit's owner drafts: uploads the draft as 草案 on the task page, names it and explains it.
        await ClaimStepAsync(owner, "owner", DraftingStep, "drafting-record");

        await owner.GetByTestId("outcome-complete").ClickAsync();
        await Expect(owner.GetByText("请填写「决策草案文本」。")).ToBeVisibleAsync();
        await Expect(owner.GetByText("请填写「起草说明」。")).ToBeVisibleAsync();

        await owner.ChooseAsync("材料类型", "草案");
        await owner.UploadTextAsync("停车收费标准调整方案（草案）.txt", "中心城区路内停车首小时2元，其后每小时3元。");
        await owner.ChooseAsync("决策草案文本", "停车收费标准调整方案（草案）.txt");
        await owner.GetByLabel("起草说明").FillAsync("依据价格法和成本监审结果，拟分时段差别收费。");
        await owner.GetByLabel("草案的法律政策依据").FillAsync("《中华人民共和国价格法》第十八条\n《政府制定价格行为规则》");

        // Art. 13, which only the guard checks beyond the form: differing views need two options, and a
        // consulted unit needs its opinion; once both are corrected the same form submits.
        await owner.GetByLabel("对主要问题存在较大分歧（须拟订两个以上方案）").CheckAsync();
        await owner.GetByLabel("备选方案").FillAsync("首小时2元，其后每小时3元");
        await owner.GetByLabel("征求有关单位意见").FillAsync("县交通运输局");
        await owner.GetByTestId("outcome-complete").ClickAsync();
        await Expect(owner.GetByTestId("drafting-record").GetByText(new Regex("options"))).ToBeVisibleAsync();
        await Expect(owner.GetByTestId("drafting-record").GetByText(new Regex(@"consultedUnits\[0\]\.opinion"))).ToBeVisibleAsync();
        await owner.ScreenshotAsync("66-drafting-refused");

        await owner.GetByLabel("备选方案").FillAsync("首小时2元，其后每小时3元\n全天按次收费5元");
        await owner.GetByLabel("征求有关单位意见").FillAsync("县交通运输局：同意。");
        await owner.ScreenshotAsync("67-drafting-filled");
        await CompleteAsync(owner);

        await ExpectDoneAsync(owner, casePath, "drafting");
        await Expect(Shape(owner, "risk-assessment")).ToHaveClassAsync(new Regex(@"\bfz-current\b"));
        await owner.ScreenshotAsync("68-decision-case-drafted");

        // 社会稳定风险评估 by the same unit: a low risk lets the draft go on to legality review.
        await ClaimStepAsync(owner, "owner", "社会稳定风险评估", "risk-assessment-record");
        await owner.ChooseAsync("风险评估单位", "柳江县发展和改革局");
        await owner.FillByLabelAsync(
            ("风险点", "部分车主对收费上调有抵触情绪\n周边商户担心客流减少"),
            ("风险防范化解措施", "设置过渡期并公布收费明细\n商圈周边增设免费短时停车位"),
            ("处置预案", "出现集中投诉时由县发展和改革局牵头约谈解释，必要时暂缓执行。"));
        await owner.ChooseAsync("风险等级", "低风险");
        await owner.ScreenshotAsync("69-risk-assessment-filled");
        await CompleteAsync(owner);
        await ExpectDoneAsync(owner, casePath, "risk-assessment");
        await Expect(Shape(owner, "legality-submission")).ToHaveClassAsync(new Regex(@"\bfz-current\b"));

        // 送请合法性审查: the legal basis the legal affairs office reviews against.
        await ClaimStepAsync(owner, "owner", "送请合法性审查", "legality-submission-record");
        await owner.GetByTestId("outcome-complete").ClickAsync();
        await Expect(owner.GetByText("请填写「送审的法律政策依据」。")).ToBeVisibleAsync();
        await owner.GetByLabel("送审的法律政策依据").FillAsync("《中华人民共和国价格法》第十八条\n《政府制定价格行为规则》");
        await CompleteAsync(owner);
        await ExpectDoneAsync(owner, casePath, "legality-submission");
        await Expect(Shape(owner, "legality-review")).ToHaveClassAsync(new Regex(@"\bfz-current\b"));
        await owner.ScreenshotAsync("70-decision-case-legality-review");

        // 合法性审查 by the legal affairs office: the upload offers 合法性审查意见书 as its type, the opinion
        // names that document, and closing before the 7 working days asks for the reason.
        var legal = await host.NewPageAsync();
        await legal.SignInAsync("legal");
        await ClaimStepAsync(legal, "legal", "合法性审查", "legality-opinion-record");
        await Expect(legal.GetByLabel("合法性审查意见书", new() { Exact = true })).ToBeVisibleAsync();
        await legal.ChooseAsync("审查意见", "合法");
        await legal.GetByLabel("审查理由").FillAsync("制定主体、权限、程序合法，内容符合价格法规定。");
        await legal.UploadTextAsync("合法性审查意见书.txt", "经审查，停车收费标准调整方案合法。");
        await Expect(legal.GetByTestId("documents")).ToContainTextAsync("合法性审查意见书 ·");
        await legal.ChooseAsync("合法性审查意见书", "合法性审查意见书.txt");
        await legal.ScreenshotAsync("71-legality-opinion-filled");
        await legal.GetByTestId("outcome-complete").ClickAsync();
        var dialog = legal.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("提前办结理由").FillAsync("草案内容简单，审查人员已完成全部审查。");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "确定" }).ClickAsync();
        await legal.WaitForTasksAsync();
        await ExpectDoneAsync(legal, casePath, "legality-review");
        await legal.ScreenshotAsync("72-decision-case-reviewed");

        // 准备集体讨论材料: the owner confirms; the materials are compiled from what the steps recorded.
        await ClaimStepAsync(owner, "owner", "准备集体讨论材料", "meeting-materials-record");
        await owner.GetByLabel("材料说明").FillAsync("材料已齐备，提请县政府常务会议审议。");
        await CompleteAsync(owner);
        await ExpectDoneAsync(owner, casePath, "meeting-materials");
        await Expect(Shape(owner, "collective-decision")).ToHaveClassAsync(new Regex(@"\bfz-current\b"));

        // 集体讨论决定: every attendee's view, dissent included, and who executes and evaluates.
        await ClaimStepAsync(leader, "leader", "集体讨论决定", "collective-decision-record");
        await leader.ChooseAsync("会议类型", "常务会议");
        await leader.FillByLabelAsync(
            ("会议名称", "县政府第15次常务会议"),
            ("主持人", "县长"),
            ("出席人员 1 姓名", "县长"),
            ("出席人员 1 的意见", "同意按方案实施。"),
            ("出席人员 2 姓名", "常务副县长"),
            ("出席人员 2 的意见", "建议暂缓，待停车位供给增加后再调整。"));
        await leader.Locator("fieldset[data-attendee='2']").GetByRole(AriaRole.Radio, new() { Name = "反对" }).CheckAsync();
        await leader.ChooseAsync("决定结果", "通过");
        await leader.ChooseAsync("决策执行单位", "柳江县发展和改革局");
        await leader.GetByLabel("执行目标").FillAsync("中心城区路内停车执行新收费标准\n公布收费明细 2027-03-31");
        await leader.GetByLabel("目标完成期限").FillAsync("2027-06-30");
        await leader.GetByLabel("目标完成期限").PressAsync("Tab");

        // Art. 36, which only the guard knows: the unit that assessed the risks cannot evaluate the decision.
        await leader.ChooseAsync("决策后评估单位", "柳江县发展和改革局");
        await leader.GetByTestId("outcome-complete").ClickAsync();
        await Expect(leader.GetByTestId("collective-decision-record").GetByText(new Regex("不能由承担风险评估的单位"))).ToBeVisibleAsync();
        await leader.ScreenshotAsync("73-collective-decision-refused");

        await leader.ChooseAsync("决策后评估单位", "柳江县司法局（县委依法治县办公室）");
        await CompleteAsync(leader);
        await ExpectDoneAsync(leader, casePath, "collective-decision");
        await leader.ScreenshotAsync("74-decision-case-decided");

        // 向同级党委请示报告, then 公布决策 with where it can be read.
        await ClaimStepAsync(leader, "leader", "向同级党委请示报告", "party-report-record");
        await leader.GetByLabel("请示报告对象").FillAsync("中共柳江县委");
        await CompleteAsync(leader);
        await ExpectDoneAsync(leader, casePath, "party-report");

        await ClaimStepAsync(leader, "leader", "公布决策", "publication-record");
        await leader.GetByLabel("公布渠道").FillAsync("柳江县人民政府门户网站 https://www.liujiang.gov.cn/zwgk/");
        await leader.ScreenshotAsync("75-publication-filled");
        await CompleteAsync(leader);
        await ExpectDoneAsync(leader, casePath, "publication");
        await leader.ScreenshotAsync("76-decision-case-published");
    }

    /// <summary>From 待办, opens this decision's <paramref name="step"/>, checks its record section is there and claims it.</summary>
    internal static async Task ClaimStepAsync(IPage page, string userName, string step, string recordTestId, string title = Title)
    {
        await OpenStepAsync(page, step, recordTestId, title);
        await page.GetByTestId("claim-task").ClickAsync();
        await Expect(page.GetByTestId("involved-assignee")).ToContainTextAsync(userName);
    }

    /// <summary>From 待办, opens the decision's <paramref name="step"/> and checks its record section is there.</summary>
    internal static async Task OpenStepAsync(IPage page, string step, string recordTestId, string title = Title)
    {
        await page.OpenAsync("/tasks");
        var row = page.Locator("[data-due] tr").Filter(new() { HasText = title });
        await row.GetByRole(AriaRole.Link, new() { Name = step }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = step, Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByTestId(recordTestId)).ToBeVisibleAsync();
    }

    /// <summary>Submits the task page; an accepted completion goes back to 待办.</summary>
    internal static async Task CompleteAsync(IPage page)
    {
        await page.GetByTestId("outcome-complete").ClickAsync();
        await page.WaitForTasksAsync();
    }

    /// <summary>On the case page, the diagram marks <paramref name="elementId"/> done and no longer current.</summary>
    internal static async Task ExpectDoneAsync(IPage page, string casePath, string elementId)
    {
        await page.OpenAsync(casePath);
        await Expect(page.GetByTestId("case-diagram")).ToHaveAttributeAsync("data-state", "ready");
        await Expect(Shape(page, elementId)).ToHaveClassAsync(new Regex(@"\bfz-done\b"));
        await Expect(Shape(page, elementId)).Not.ToHaveClassAsync(new Regex(@"\bfz-current\b"));
    }

    /// <summary>The SVG group bpmn-js draws a BPMN element in; its class list carries the canvas markers.</summary>
    internal static ILocator Shape(IPage page, string elementId) =>
        page.Locator($"[data-testid=case-diagram] g.djs-element[data-element-id='{elementId}']");
}
