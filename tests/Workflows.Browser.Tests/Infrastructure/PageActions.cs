using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Workflows.Browser.Tests.Infrastructure;

/// <summary>What a person does in the browser, with the waits that make it reliable: every wait has a deadline, none is a fixed sleep.</summary>
public static class PageActions
{
    /// <summary>Signs in through the sign-in page and waits until the first page is live.</summary>
    public static async Task SignInAsync(this IPage page, string userName, string returnUrl = "/tasks")
    {
        await page.GotoAsync($"/account/sign-in?ReturnUrl={Uri.EscapeDataString(returnUrl)}");
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync(BrowserHost.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(new Regex(Regex.Escape(returnUrl) + "$"));
        await page.WaitForCircuitAsync();
    }

    /// <summary>
    /// After a task page's completion: back on 待办. A completion runs the step and whatever service tasks follow
    /// it before the page moves on, which on a loaded two-core CI machine can take longer than the default
    /// deadline; when it never gets there, the page's own refusal is the failure message.
    /// </summary>
    public static async Task WaitForTasksAsync(this IPage page)
    {
        try
        {
            await page.WaitForURLAsync(new Regex("/tasks$"), new() { Timeout = 60_000 });
        }
        catch (TimeoutException)
        {
            var shown = await page.Locator("[role=alert], .mud-input-helper-text.mud-input-error, .mud-snackbar").AllInnerTextsAsync();
            throw new TimeoutException($"The task page did not return to 待办 within 60 s; it shows: {string.Join(" | ", shown)}");
        }
    }

    /// <summary>Opens a page by address and waits until its circuit renders it.</summary>
    public static async Task OpenAsync(this IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.WaitForCircuitAsync();
    }

    /// <summary>
    /// A page first arrives prerendered; clicks do nothing until Blazor's circuit has connected and
    /// rendered it again. The layout marks that moment (data-circuit="connected").
    /// </summary>
    public static Task WaitForCircuitAsync(this IPage page) =>
        Expect(page.Locator("#main")).ToHaveAttributeAsync("data-circuit", "connected");

    /// <summary>Chooses an option of a MudBlazor select by its label.</summary>
    public static async Task ChooseAsync(this IPage page, string fieldLabel, string option)
    {
        await page.GetByLabel(fieldLabel, new() { Exact = true }).ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").GetByText(option, new() { Exact = true }).ClickAsync();
        await Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }

    /// <summary>Fills each field found by its label (what a screen reader announces), in order.</summary>
    public static async Task FillByLabelAsync(this IPage page, params (string Label, string Text)[] fields)
    {
        foreach (var (label, text) in fields)
        {
            await page.GetByLabel(label, new() { Exact = true }).FillAsync(text);
        }
    }

    /// <summary>Uploads a small text file through the page's 案卷材料 upload and waits until the list shows it.</summary>
    public static async Task UploadTextAsync(this IPage page, string fileName, string text)
    {
        await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = fileName,
            MimeType = "text/plain",
            Buffer = System.Text.Encoding.UTF8.GetBytes(text),
        });
        await Expect(page.GetByTestId("documents")).ToContainTextAsync(fileName);
    }

    /// <summary>A full-page screenshot kept as a test artifact.</summary>
    public static Task ScreenshotAsync(this IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.PathFor(name), FullPage = true });
}
