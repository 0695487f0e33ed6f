using Microsoft.Playwright;
using Workflows.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Workflows.Browser.Tests.Monitor;

/// <summary>
/// The instance monitor on the simulated clock: two cases fault when their timer fires and the called
/// sub-process is not published; the admin finds them by status, business key and date, sees the error,
/// retries one after publishing the sub-process (it completes) and cancels the other with a reason.
/// </summary>
public sealed class MonitorTests(SimulatedClockBrowserHost host) : IClassFixture<SimulatedClockBrowserHost>
{
    [Fact]
    public async Task Monitor_ShowsFaultedInstancesWithTheirError_RetriesOne_AndCancelsTheOther()
    {
        await host.PublishAsync("browser-caller.bpmn");
        var first = await host.StartAsync("browser-caller", "委托审查甲", "监控〔2026〕1号");
        var second = await host.StartAsync("browser-caller", "委托审查乙", "监控〔2026〕2号");
        await host.AdvanceClockToAsync(SimulatedClockBrowserHost.Start.AddHours(2));

        var page = await host.NewPageAsync();
        var errors = ConsoleErrors.Watch(page);
        await page.SignInAsync("admin", "/monitor");
        await page.ChooseAsync("状态", "运行故障");
        await page.GetByTestId("monitor-search").ClickAsync();
        var rows = page.GetByTestId("monitor-table").Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(page.GetByTestId("monitor-fault").First).ToContainTextAsync("「call」：No published definition has the key 'browser-callee'.");
        await page.ScreenshotAsync("30-monitor-faulted");

        // Business key and start date narrow it to one.
        await page.Locator("#monitor-business-key").FillAsync("监控〔2026〕1号");
        await page.Locator("#monitor-from").FillAsync("2026-03-02");
        await page.Locator("#monitor-from").PressAsync("Tab");
        await page.Locator("#monitor-to").FillAsync("2026-03-02");
        await page.Locator("#monitor-to").PressAsync("Enter");
        await page.GetByTestId("monitor-search").ClickAsync();
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToContainTextAsync("委托审查甲");
        await page.Locator("#monitor-from").FillAsync("2026-03-03");
        await page.Locator("#monitor-from").PressAsync("Tab");
        await page.Locator("#monitor-to").FillAsync("");
        await page.Locator("#monitor-to").PressAsync("Tab");
        await page.GetByTestId("monitor-search").ClickAsync();
        await Expect(page.GetByTestId("monitor-empty")).ToBeVisibleAsync();

        // Publish the missing sub-process, then retry: the case completes.
        await host.PublishAsync("browser-callee.bpmn");
        await page.Locator("#monitor-from").FillAsync("");
        await page.Locator("#monitor-from").PressAsync("Tab");
        await page.GetByTestId("monitor-search").ClickAsync();
        await Expect(rows).ToHaveCountAsync(1);
        await page.GetByRole(AriaRole.Button, new() { Name = "重试 委托审查甲" }).ClickAsync();
        await Expect(page.GetByText("已重试「委托审查甲」，流程继续运行。")).ToBeVisibleAsync();
        await Expect(rows).ToHaveCountAsync(0);

        // The other one is cancelled with a reason.
        await page.Locator("#monitor-business-key").FillAsync("");
        await page.GetByTestId("monitor-search").ClickAsync();
        await Expect(rows).ToHaveCountAsync(1);
        await page.GetByRole(AriaRole.Button, new() { Name = "撤销 委托审查乙" }).ClickAsync();
        await page.GetByLabel("撤销原因").FillAsync("测试数据，无需继续");
        await page.GetByRole(AriaRole.Button, new() { Name = "确定" }).ClickAsync();
        await Expect(page.GetByText("已撤销「委托审查乙」。")).ToBeVisibleAsync();

        await page.ChooseAsync("状态", "已办结");
        await page.GetByTestId("monitor-search").ClickAsync();
        // The caller and the sub-process it started (which shares the caller's variables, so its title) completed.
        await Expect(rows.Filter(new() { HasText = "委托审查甲" })).ToHaveCountAsync(2);
        await Expect(rows.Filter(new() { HasText = "委托审查甲" }).Filter(new() { HasText = "委托审查（浏览器测试）" })).ToHaveCountAsync(1);
        await page.ChooseAsync("状态", "已撤销");
        await page.GetByTestId("monitor-search").ClickAsync();
        await Expect(rows.Filter(new() { HasText = "委托审查乙" })).ToHaveCountAsync(1);
        await page.ScreenshotAsync("31-monitor-after");

        using var api = await host.ApiClientAsync("admin");
        Assert.Contains("\"Completed\"", await api.GetStringAsync($"/api/instances/{first}"));
        Assert.Contains("\"Cancelled\"", await api.GetStringAsync($"/api/instances/{second}"));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Monitor_IsForAdminsOnly()
    {
        var page = await host.NewPageAsync();
        await page.SignInAsync("owner");
        await page.GotoAsync("/monitor");
        await Expect(page.GetByTestId("monitor-filters")).ToHaveCountAsync(0);
    }
}
