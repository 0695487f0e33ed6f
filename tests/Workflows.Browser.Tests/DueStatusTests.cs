using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workflows.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Workflows.Browser.Tests;

/// <summary>
/// 待办 grouped by the statutory deadline on the simulated clock: one case overdue, one due within three
/// working days, one on time; the filters; the statutory window's clock stop and the 不少于 prompt.
/// The tests share the cases set up once, on a clock that only the setup moves.
/// </summary>
public sealed class DueStatusTests(DueStatusTests.Cases cases) : IClassFixture<DueStatusTests.Cases>
{
    private SimulatedClockBrowserHost Host => cases.Host;

    [Fact]
    public async Task MyTasks_GroupsAndColoursTasksByDueStatus_AndFilters()
    {
        var page = await Host.NewPageAsync();
        await page.SignInAsync("reviewer");

        var groups = page.Locator("section[data-due]");
        await Expect(groups).ToHaveCountAsync(3);
        Assert.Equal(["Overdue", "DueSoon", "OnTime"], await groups.EvaluateAllAsync<string[]>("all => all.map(g => g.dataset.due)"));
        await Expect(page.Locator("section[data-due=Overdue]")).ToContainTextAsync(Cases.OverdueTitle);
        await Expect(page.Locator("section[data-due=Overdue]")).ToContainTextAsync("逾期1个工作日");
        await Expect(page.Locator("section[data-due=DueSoon]")).ToContainTextAsync(Cases.DueSoonTitle);
        await Expect(page.Locator("section[data-due=OnTime]")).ToContainTextAsync(Cases.OnTimeTitle);
        Assert.True(await HeadingHasColourAsync(page, "Overdue", "--mud-palette-error"));
        Assert.True(await HeadingHasColourAsync(page, "DueSoon", "--mud-palette-warning-darken"));
        Assert.True(await HeadingHasColourAsync(page, "OnTime", "--mud-palette-success-darken"));
        await page.ScreenshotAsync("14-tasks-by-due-status");

        await page.ChooseAsync("期限状态", "已逾期");
        await Expect(groups).ToHaveCountAsync(1);
        await Expect(groups).ToContainTextAsync(Cases.OverdueTitle);
        await page.Locator(".mud-input-clear-button").First.ClickAsync();
        await Expect(groups).ToHaveCountAsync(3);

        await page.GetByLabel("搜索事项、文号或案件名称").FillAsync("听证");
        await Expect(page.Locator("[data-due] tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-due] tbody tr")).ToContainTextAsync(Cases.DueSoonTitle);
    }

    [Fact]
    public async Task CasePage_MarksAnOverdueStep_AndSaysWhenAProcedureHasNoLayout()
    {
        var page = await Host.NewPageAsync();
        await page.SignInAsync("reviewer");

        await page.OpenAsync($"/instances/{cases.Overdue}");
        await Expect(page.GetByTestId("case-diagram")).ToHaveAttributeAsync("data-state", "ready");
        await Expect(page.Locator("g.djs-element[data-element-id='review']")).ToHaveClassAsync(new Regex(@"\bfz-overdue\b"));
        await page.ScreenshotAsync("15-case-overdue");

        await page.OpenAsync($"/instances/{cases.DueSoon}");
        await Expect(page.GetByText("此流程定义没有图形布局，无法显示流程图。")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("journal-check")).ToHaveAttributeAsync("data-valid", "true");
    }

    [Fact]
    public async Task StatutoryWindow_StopsAndRestartsTheClockWithAReason()
    {
        var page = await Host.NewPageAsync();
        await page.SignInAsync("reviewer");
        await page.OpenAsync($"/tasks/{await cases.OpenTaskAsync(cases.OnTime)}");

        await page.GetByRole(AriaRole.Button, new() { Name = "中止计时" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "确定" }).ClickAsync();
        await Expect(dialog.GetByText("请填写「中止理由」。")).ToBeVisibleAsync();
        await dialog.GetByLabel("中止理由").FillAsync("等待承办单位补充材料");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "确定" }).ClickAsync();

        await Expect(page.GetByTestId("window-clock")).ToContainTextAsync("期限中止");
        await Expect(page.GetByTestId("window-clock")).ToContainTextAsync("等待承办单位补充材料");
        await page.ScreenshotAsync("16-task-clock-stopped");

        await page.GetByRole(AriaRole.Button, new() { Name = "恢复计时" }).ClickAsync();
        await Expect(page.GetByTestId("window-clock")).ToContainTextAsync("计时中");
        await Expect(page.GetByText("中止记录")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task ClosingBeforeAMinimumPeriod_AsksForAReason_AndTheJournalKeepsIt()
    {
        var page = await Host.NewPageAsync();
        await page.SignInAsync("reviewer");
        await page.OpenAsync($"/tasks/{await cases.OpenTaskAsync(cases.Minimum)}");

        await page.GetByTestId("outcome-complete").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("不少于");
        await dialog.GetByLabel("提前办结理由").FillAsync("申请人已提前补正全部材料");
        await page.ScreenshotAsync("17-task-shorten-reason");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "确定" }).ClickAsync();
        await page.WaitForTasksAsync();

        await page.OpenAsync($"/instances/{cases.Minimum}");
        await Expect(page.GetByTestId("timeline")).ToContainTextAsync("提前办结（不少于期限）");
        await Expect(page.GetByTestId("timeline")).ToContainTextAsync("理由：申请人已提前补正全部材料");
    }

    /// <summary>Whether a due group's heading is drawn in the theme colour <paramref name="paletteVariable"/>.</summary>
    private static Task<bool> HeadingHasColourAsync(IPage page, string due, string paletteVariable) =>
        page.Locator($"section[data-due={due}] h2").EvaluateAsync<bool>("""
            (heading, variable) => {
                const probe = document.createElement('span');
                probe.style.color = `var(${variable})`;
                document.body.append(probe);
                const expected = getComputedStyle(probe).color;
                probe.remove();
                return getComputedStyle(heading).color === expected;
            }
            """, paletteVariable);

    /// <summary>
    /// The cases, started at two moments of the simulated clock: one on Monday 2 March (due Monday 9
    /// March, so overdue when the clock reaches Tuesday 10 March), the rest on 10 March.
    /// </summary>
    public sealed class Cases : IAsyncLifetime
    {
        public const string OverdueTitle = "关于城区停车收费标准的决定";
        public const string DueSoonTitle = "补正听证材料";
        public const string OnTimeTitle = "关于规范公共资源交易的办法";

        public SimulatedClockBrowserHost Host { get; } = new();

        public Guid Overdue { get; private set; }

        public Guid DueSoon { get; private set; }

        public Guid OnTime { get; private set; }

        public Guid Minimum { get; private set; }

        public async Task InitializeAsync()
        {
            await Host.InitializeAsync();
            await Host.PublishAsync("browser-review.bpmn");
            await Host.PublishAsync("browser-quick.bpmn");
            Overdue = await Host.StartAsync("browser-review", OverdueTitle, "县发改〔2026〕11号");
            await Host.AdvanceClockToAsync(SimulatedClockBrowserHost.Start.AddDays(8).AddHours(1));
            DueSoon = await Host.StartAsync("browser-quick", DueSoonTitle, "县司法〔2026〕12号");
            OnTime = await Host.StartAsync("browser-review", OnTimeTitle, "县发改〔2026〕13号");
            Minimum = await Host.StartAsync("browser-quick", "补正执法案卷材料", "县司法〔2026〕14号");
        }

        public async Task<Guid> OpenTaskAsync(Guid instanceId)
        {
            using var client = await Host.ApiClientAsync("reviewer");
            var tasks = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<System.Text.Json.JsonElement>(client, $"/api/tasks?instanceId={instanceId}");
            return tasks[0].GetProperty("id").GetGuid();
        }

        public Task DisposeAsync() => ((IAsyncLifetime)Host).DisposeAsync();
    }
}
