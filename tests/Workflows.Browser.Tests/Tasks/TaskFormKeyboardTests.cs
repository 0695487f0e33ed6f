using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workflows.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Workflows.Browser.Tests.Tasks;

/// <summary>
/// The task page's form for a person who uses the keyboard and a screen reader: every field is named
/// by its label, Tab reaches them in order, and the keys alone choose, type, claim and submit.
/// </summary>
public sealed class TaskFormKeyboardTests(BrowserHost host) : IClassFixture<BrowserHost>, IAsyncLifetime
{
    public Task InitializeAsync() => host.PublishAsync("browser-review.bpmn");

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Reviewer_CompletesTheStepWithTheKeyboardOnly_AndEveryFieldHasItsLabel()
    {
        const string title = "关于规范农村集体资产管理的办法";
        await host.StartAsync("browser-review", title, "县农业〔2026〕7号");
        var page = await host.NewPageAsync();
        await page.SignInAsync("reviewer");
        await page.Locator("[data-due] tr").Filter(new() { HasText = title }).GetByRole(AriaRole.Link, new() { Name = "合法性审查" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "合法性审查", Exact = true })).ToBeVisibleAsync();

        await page.GetByTestId("claim-task").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("involved-assignee")).ToContainTextAsync("reviewer");

        // What a screen reader announces: each input is named by its visible label.
        await Expect(page.GetByLabel("审查意见", new() { Exact = true })).ToHaveAttributeAsync("id", "field-opinion");
        await Expect(page.GetByLabel("理由", new() { Exact = true })).ToHaveAttributeAsync("id", "field-reasons");
        await Expect(page.GetByLabel("办理意见", new() { Exact = true })).ToHaveAttributeAsync("id", "task-comment");
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "办理结果" })).ToBeVisibleAsync();

        // Submitting with the required choice missing: the message is there for the keyboard user too.
        await page.GetByTestId("outcome-approve").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await Expect(page.GetByText("请填写「审查意见」。")).ToBeVisibleAsync();

        await page.GetByLabel("审查意见", new() { Exact = true }).FocusAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(page.Locator(".mud-popover-open .mud-list-item").First).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
        await Expect(page.GetByLabel("审查意见", new() { Exact = true })).ToHaveValueAsync(new Regex(".+"));

        await TabUntilAsync(page, "field-reasons");
        await page.Keyboard.TypeAsync("依据充分，程序合法。");
        await TabUntilAsync(page, "task-comment");
        await page.Keyboard.TypeAsync("同意，键盘办理。");
        await page.ScreenshotAsync("70-task-keyboard");
        await TabUntilAsync(page, null, "outcome-approve");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForTasksAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "已办" }).ClickAsync();
        await Expect(page.Locator("tr").Filter(new() { HasText = title })).ToContainTextAsync("同意");
    }

    /// <summary>Presses Tab until the element with the id (or test id) has focus; fails after a dozen presses.</summary>
    private static async Task TabUntilAsync(IPage page, string? id, string? testId = null)
    {
        for (var i = 0; i < 12; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.EvaluateAsync<string[]>("() => [document.activeElement.id, document.activeElement.dataset.testid ?? '']");
            if ((id is not null && focused[0] == id) || (testId is not null && focused[1] == testId))
            {
                return;
            }
        }
        Assert.Fail($"Tab never reached {id ?? testId}.");
    }
}
