using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workflows.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Workflows.Browser.Tests;

/// <summary>
/// The first pages end to end in Chromium: an owner starts a procedure, a reviewer finds it in 待办,
/// claims it, completes it through the step's form, and the case page shows the step done with an
/// intact journal. Each test starts its own case.
/// </summary>
public sealed class CaseFlowTests(BrowserHost host) : IClassFixture<BrowserHost>, IAsyncLifetime
{
    private const string ProcedureName = "规范性文件合法性审查（浏览器测试）";

    public Task InitializeAsync() => host.PublishAsync("browser-review.bpmn");

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task SignInPage_ShowsChineseInWenQuanYiMicroHei_AndRefusesAWrongPassword()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/account/sign-in");

        var heading = page.GetByRole(AriaRole.Heading, new() { Name = "登录法治政府建设流程平台" });
        await Expect(heading).ToBeVisibleAsync();
        Assert.Contains("WenQuanYi Micro Hei", await heading.EvaluateAsync<string>("e => getComputedStyle(e).fontFamily"));
        Assert.Contains("WenQuanYi Micro Hei", await RenderedFonts.OfAsync(page, "h1"));
        await page.ScreenshotAsync("01-sign-in");

        await page.GetByLabel("用户名").FillAsync("reviewer");
        await page.GetByLabel("密码").FillAsync("not-the-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("用户名或密码错误。");
    }

    [Fact]
    public async Task Owner_StartsAProcedureFromTheStartPage_AndTheCaseMarksTheCurrentStep()
    {
        var page = await host.NewPageAsync();
        await page.SignInAsync("owner");
        await page.ScreenshotAsync("02-owner-tasks");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "发起流程" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "发起流程" })).ToBeVisibleAsync();
        // A decision and a normative document start in their registers, which create the record their steps check.
        var registers = page.GetByTestId("register-starts");
        await Expect(registers.GetByRole(AriaRole.Link, new() { Name = "重大行政决策" })).ToHaveAttributeAsync("href", "/decisions/start");
        await Expect(registers.GetByRole(AriaRole.Link, new() { Name = "行政规范性文件制定" })).ToHaveAttributeAsync("href", "/registers/normative-documents/start");
        await page.ChooseAsync("流程", ProcedureName);
        await page.GetByTestId("start-submit").ClickAsync();
        await Expect(page.GetByText("请填写「事项名称」。")).ToBeVisibleAsync();

        await page.GetByLabel("事项名称").FillAsync("关于规范行政裁量权基准的通知");
        await page.GetByLabel("文号").FillAsync("县发改〔2026〕2号");
        await page.ScreenshotAsync("03-start");
        await page.GetByTestId("start-submit").ClickAsync();

        await page.WaitForURLAsync(new Regex("/instances/[0-9a-f-]{36}$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "关于规范行政裁量权基准的通知" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("case-diagram")).ToHaveAttributeAsync("data-state", "ready");
        await Expect(Shape(page, "review")).ToHaveClassAsync(new Regex(@"\bfz-current\b"));
        await Expect(Shape(page, "submitted")).ToHaveClassAsync(new Regex(@"\bfz-done\b"));
        await page.ScreenshotAsync("04-case-started");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "案件" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/instances$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "案件", Exact = true })).ToBeVisibleAsync();
        await Expect(page.Locator("tr").Filter(new() { HasText = "县发改〔2026〕2号" })).ToContainTextAsync("关于规范行政裁量权基准的通知");
        await page.ScreenshotAsync("05-cases");
    }

    [Fact]
    public async Task Reviewer_CompletesTheStepThroughItsForm_AndTheCasePageShowsItDoneWithAnIntactJournal()
    {
        const string title = "关于加强行政执法监督的意见";
        const string businessKey = "县司法〔2026〕3号";
        var instanceId = await host.StartAsync("browser-review", title, businessKey);
        var page = await host.NewPageAsync();
        await page.SignInAsync("reviewer");

        // The bell counts the new-task notice, which background work delivers shortly after the start.
        await Expect(page.GetByTestId("notification-bell")).ToHaveAttributeAsync("aria-label", new Regex(@"消息，[1-9]\d*条未读"));
        await page.GetByTestId("notification-bell").ClickAsync();
        var notice = page.GetByTestId("inbox-panel").Locator(".mud-list-item").Filter(new() { HasText = businessKey });
        await Expect(notice).ToContainTextAsync("新待办：合法性审查");
        await page.ScreenshotAsync("06-inbox");
        await page.GetByTestId("inbox-close").ClickAsync();

        var row = page.Locator("[data-due] tr").Filter(new() { HasText = title });
        await Expect(row).ToContainTextAsync(ProcedureName);
        await page.ScreenshotAsync("07-reviewer-tasks");
        await row.GetByRole(AriaRole.Link, new() { Name = "合法性审查" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "合法性审查", Exact = true })).ToBeVisibleAsync();

        await page.GetByTestId("claim-task").ClickAsync();
        await Expect(page.GetByTestId("involved-assignee")).ToContainTextAsync("reviewer");

        // A required field left empty: the Chinese message, and nothing sent to the engine.
        await page.GetByTestId("outcome-approve").ClickAsync();
        await Expect(page.GetByText("请填写「审查意见」。")).ToBeVisibleAsync();
        await page.ScreenshotAsync("08-task-required");

        await page.ChooseAsync("审查意见", "合法");
        await page.GetByLabel("办理意见").FillAsync("经审查，该文件合法，同意。");
        await page.UploadTextAsync("合法性审查意见书.txt", "合法性审查意见：合法。");
        await page.ScreenshotAsync("09-task-filled");

        await page.GetByTestId("outcome-approve").ClickAsync();
        await page.WaitForTasksAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "已办" }).ClickAsync();
        await Expect(page.Locator("tr").Filter(new() { HasText = title })).ToContainTextAsync("同意");
        await page.ScreenshotAsync("10-done-tasks");

        await page.OpenAsync($"/instances/{instanceId}");
        await Expect(page.GetByTestId("case-diagram")).ToHaveAttributeAsync("data-state", "ready");
        await Expect(Shape(page, "review")).ToHaveClassAsync(new Regex(@"\bfz-done\b"));
        await Expect(Shape(page, "approved")).ToHaveClassAsync(new Regex(@"\bfz-done\b"));
        await Expect(Shape(page, "returned")).Not.ToHaveClassAsync(new Regex(@"\bfz-done\b"));
        await Expect(page.GetByTestId("journal-check")).ToHaveAttributeAsync("data-valid", "true");
        await Expect(page.GetByTestId("journal-check")).ToContainTextAsync("日志哈希链校验通过");
        await Expect(page.GetByTestId("timeline")).ToContainTextAsync("待办办结 · 合法性审查");
        await Expect(page.GetByTestId("timeline")).ToContainTextAsync("意见：经审查，该文件合法，同意。");
        await Expect(page.GetByTestId("case-status")).ToHaveTextAsync("已办结");
        await page.ScreenshotAsync("11-case-done");
    }

    [Fact]
    public async Task Reviewer_ClaimsAGroupTask_AndReleasesItToTheGroup()
    {
        const string title = "关于优化营商环境的若干措施";
        await host.StartAsync("browser-review", title, "县发改〔2026〕4号");
        var page = await host.NewPageAsync();
        await page.SignInAsync("reviewer");

        await page.Locator("[data-due] tr").Filter(new() { HasText = title }).GetByRole(AriaRole.Link, new() { Name = "合法性审查" }).ClickAsync();
        await Expect(page.GetByTestId("involved-assignee")).ToHaveTextAsync("待签收（岗位任务）");
        await page.GetByTestId("claim-task").ClickAsync();
        await Expect(page.GetByTestId("involved-assignee")).ToContainTextAsync("reviewer");
        await page.ScreenshotAsync("12-task-claimed");

        await page.GetByTestId("release-task").ClickAsync();
        await Expect(page.GetByTestId("involved-assignee")).ToHaveTextAsync("待签收（岗位任务）");
        await Expect(page.GetByTestId("claim-task")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task TaskAndCasePages_ForIdsThatDoNotExist_SayNotFound()
    {
        var page = await host.NewPageAsync();
        await page.SignInAsync("reviewer");

        await page.OpenAsync($"/tasks/{Guid.NewGuid()}");
        await Expect(page.GetByText("找不到该待办事项，或您无权查看。")).ToBeVisibleAsync();
        await page.OpenAsync($"/instances/{Guid.NewGuid()}");
        await Expect(page.GetByText("找不到该案件，或您无权查看。")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task LanguageMenu_SwitchesThePagesToEnglishAndBack_AndSignOutEndsTheSession()
    {
        var page = await host.NewPageAsync();
        await page.SignInAsync("owner");

        await page.GetByTestId("language-menu").ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "English" }).ClickAsync();
        await page.WaitForCircuitAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My tasks" })).ToBeVisibleAsync();
        await page.ScreenshotAsync("13-tasks-english");

        await page.GetByTestId("language-menu").ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "中文" }).ClickAsync();
        await page.WaitForCircuitAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "我的待办" })).ToBeVisibleAsync();

        await page.GetByTestId("user-menu").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "退出登录" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "登录法治政府建设流程平台" })).ToBeVisibleAsync();
        await page.GotoAsync("/tasks");
        await Expect(page).ToHaveURLAsync(new Regex("/account/sign-in\\?ReturnUrl=%2Ftasks$"));
    }

    /// <summary>The SVG group bpmn-js draws a BPMN element in; its class list carries the canvas markers.</summary>
    private static ILocator Shape(IPage page, string elementId) =>
        page.Locator($"[data-testid=case-diagram] g.djs-element[data-element-id='{elementId}']");
}
