using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workflows.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Workflows.Browser.Tests;

/// <summary>
/// The supervisor's dashboard on the simulated clock, the admin's working-day calendar editor, and the
/// owner's start-a-decision wizard, each in real Chromium against the real host. Only the dashboard
/// test moves the clock.
/// </summary>
public sealed class OversightPagesTests(SimulatedClockBrowserHost host) : IClassFixture<SimulatedClockBrowserHost>
{
    [Fact]
    public async Task Dashboard_ShowsAnOverdueStepUnderItsUnit_AndLinksToTheListBehindIt()
    {
        await host.PublishAsync("browser-quick.bpmn");
        // The step's group names no unit, so it lies with the unit that started the case: the owner's, 县发展和改革局.
        using (var owner = await host.ApiClientAsync("owner"))
        {
            var started = await owner.PostAsJsonAsync("/api/instances", new
            {
                definitionKey = "browser-quick",
                businessKey = "县发改〔2026〕31号",
                variables = new { title = "城区道路占用许可补正" },
            });
            Assert.True(started.IsSuccessStatusCode, await started.Content.ReadAsStringAsync());
        }
        // Due in 2 working days (Wednesday 4 March); on Friday 6 March it is overdue.
        await host.AdvanceClockToAsync(new DateTimeOffset(2026, 3, 6, 10, 0, 0, TimeSpan.FromHours(8)));

        var page = await host.NewPageAsync();
        await page.SignInAsync("supervisor");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "督办看板" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "督办看板" })).ToBeVisibleAsync();
        var unitRow = page.Locator("[data-testid=units-table] tr[data-unit=county-drc]");
        await Expect(unitRow.Locator("th")).ToHaveTextAsync("柳江县发展和改革局");
        await Expect(unitRow.Locator("td[data-due=Overdue]")).ToHaveTextAsync("1");
        await Expect(page.Locator(".mud-chart svg").First).ToBeVisibleAsync();
        Assert.Contains("WenQuanYi Micro Hei", await RenderedFonts.OfAsync(page, "h1"));
        await page.ScreenshotAsync("40-dashboard");

        await unitRow.Locator("td[data-due=Overdue] a").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/dashboard/tasks\?unit=county-drc&due=Overdue$"));
        await Expect(page.GetByTestId("list-filter")).ToContainTextAsync("柳江县发展和改革局 · 已逾期：共1项");
        var rows = page.Locator("[data-testid=supervised-tasks] tbody tr");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows).ToContainTextAsync("城区道路占用许可补正");
        await Expect(rows).ToContainTextAsync("逾期2个工作日");
        await page.ScreenshotAsync("41-dashboard-overdue-list");

        // A procedure's running cases, from its figure.
        await page.GoBackAsync();
        await page.WaitForCircuitAsync();
        await page.Locator("[data-testid=procedures-table] tr[data-procedure=browser-quick] td").First.GetByRole(AriaRole.Link).ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/dashboard/cases\?procedure=browser-quick&status=Running$"));
        await Expect(page.Locator("[data-testid=supervised-cases] tbody tr")).ToContainTextAsync("城区道路占用许可补正");

        // Owners are not supervisors: they are turned away rather than shown the counts.
        var ownerPage = await host.NewPageAsync();
        await ownerPage.SignInAsync("owner");
        await ownerPage.GotoAsync("/dashboard");
        await Expect(ownerPage.GetByRole(AriaRole.Heading, new() { Name = "您没有访问此页面的权限。" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task CalendarEditor_SavesANewVersion_ThatAnAdminSeesInTheHistory()
    {
        var page = await host.NewPageAsync();
        await page.SignInAsync("admin");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "工作日历" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "工作日历", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("calendar-version")).ToContainTextAsync("第1版");
        await Expect(page.Locator("[data-testid=calendar-holidays] [data-date='2026-10-01']")).ToContainTextAsync("10月1日（周四）");
        await Expect(page.Locator("[data-testid=calendar-makeup] [data-date='2026-10-10']")).ToBeVisibleAsync();

        // The next year has no data until an admin enters the State Council's notice: the page says so.
        await page.ChooseAsync("年份", "2027年");
        await Expect(page.GetByTestId("calendar-no-data")).ToContainTextAsync("2027年还没有节假日数据");
        await page.ChooseAsync("年份", "2026年");
        await Expect(page.GetByTestId("calendar-version")).ToContainTextAsync("第1版");

        // A weekday is no make-up working day.
        await page.Locator("#makeup-add").FillAsync("2026-12-30");
        await page.GetByTestId("makeup-add-button").ClickAsync();
        await Expect(page.GetByText("调休上班日须为周六或周日。")).ToBeVisibleAsync();

        await page.Locator("#holidays-add").FillAsync("2026-12-31");
        await page.GetByTestId("holidays-add-button").ClickAsync();
        await Expect(page.Locator("[data-testid=calendar-holidays] [data-date='2026-12-31']")).ToContainTextAsync("12月31日（周四）");
        await Expect(page.GetByText("有未保存的修改。")).ToBeVisibleAsync();
        await page.GetByTestId("calendar-save").ClickAsync();
        await Expect(page.GetByText("请填写「修改理由」。")).ToBeVisibleAsync();
        await page.GetByLabel("修改理由").FillAsync("按县政府通知，12月31日调整为休息日");
        await page.GetByTestId("calendar-save").ClickAsync();
        await Expect(page.GetByTestId("calendar-version")).ToContainTextAsync("第2版");

        // Another admin session reads the version history from the database.
        var other = await host.NewPageAsync();
        await other.SignInAsync("admin", "/registers/calendar");
        var latest = other.Locator("[data-testid=calendar-history] tbody tr").First;
        await Expect(latest).ToContainTextAsync("2");
        await Expect(latest).ToContainTextAsync("admin");
        await Expect(latest).ToContainTextAsync("按县政府通知，12月31日调整为休息日");
        await Expect(latest).ToContainTextAsync("新增节假日：12月31日（周四）");
        await Expect(other.Locator("[data-testid=calendar-history] tbody tr").Last).ToContainTextAsync("首版");
        await other.ScreenshotAsync("42-calendar-editor");
    }

    [Fact]
    public async Task Owner_ProposesADecisionThroughTheWizard_AndTheCasePageShowsIt()
    {
        var page = await host.NewPageAsync();
        await page.SignInAsync("owner");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "发起重大决策" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "发起重大行政决策" })).ToBeVisibleAsync();

        await page.GetByTestId("wizard-next").ClickAsync();
        await Expect(page.GetByText("请填写「决策事项名称」。")).ToBeVisibleAsync();
        // By keyboard: the title field, then Tab to the catalogue year.
        await page.GetByLabel("决策事项名称").FillAsync("县城区集中供热价格调整");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("wizard-year", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await page.ScreenshotAsync("43-wizard-matter");
        await page.GetByTestId("wizard-next").ClickAsync();

        await page.GetByLabel("提出决策建议的理由").FillAsync("现行供热价格已执行八年，供热企业成本倒挂。");
        await page.GetByLabel("法律政策依据").FillAsync("《中华人民共和国价格法》第二十三条\n《重大行政决策程序暂行条例》第十条");
        await page.GetByLabel("决策初步方案").FillAsync("居民供热价格由每平方米22元调整为24元，低保家庭维持原价。");
        await page.GetByTestId("wizard-next").ClickAsync();

        var hearing = page.Locator("fieldset[data-step-key=hearing]");
        await hearing.GetByRole(AriaRole.Radio, new() { Name = "不适用" }).CheckAsync();
        await page.GetByTestId("wizard-next").ClickAsync();
        await Expect(page.GetByText("请说明「听证」不适用的理由。")).ToBeVisibleAsync();
        await hearing.GetByLabel("不适用的理由").FillAsync("已通过座谈会充分听取供热用户代表意见。");
        await page.ScreenshotAsync("44-wizard-steps");
        await page.GetByTestId("wizard-next").ClickAsync();

        await Expect(page.GetByTestId("wizard-review")).ToContainTextAsync("《中华人民共和国价格法》第二十三条");
        await Expect(page.GetByTestId("wizard-review")).ToContainTextAsync("不适用：已通过座谈会充分听取供热用户代表意见。");
        await page.ScreenshotAsync("45-wizard-review");
        await page.GetByTestId("wizard-submit").ClickAsync();

        await page.WaitForURLAsync(new Regex("/instances/[0-9a-f-]{36}$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "县城区集中供热价格调整" })).ToBeVisibleAsync();
        // The case page lists the open step with the unit it lies with.
        await Expect(page.GetByTestId("case-open-tasks")).ToContainTextAsync("决策启动（决策机关研究决定）");
        await Expect(page.GetByTestId("case-open-tasks")).ToContainTextAsync("县人民政府");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "适用程序建议.txt" })).ToBeVisibleAsync();
        await page.ScreenshotAsync("46-wizard-case");
    }
}
