using Microsoft.Playwright;
using Workflows.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Workflows.Browser.Tests.Designer;

/// <summary>
/// Each of the 21 OMG MIWG reference models, picked with the designer's file input as a person would:
/// it renders (shapes drawn, no console error), and the engine's checks list what cannot run.
/// One browser page imports them all in turn, as an admin working through them would.
/// </summary>
public sealed class MiwgImportTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Conformance");

    [Fact]
    public async Task ImportEveryMiwgReferenceFile_RendersItsShapes_WithoutConsoleErrors()
    {
        var files = Directory.GetFiles(Folder, "*.bpmn").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(21, files.Count);
        var page = await host.NewPageAsync();
        var errors = ConsoleErrors.Watch(page);
        await page.SignInAsync("admin", "/designer");
        await Expect(page.GetByTestId("designer-canvas")).ToHaveAttributeAsync("data-state", "ready");
        var failures = new List<string>();

        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            var expectedShapes = await page.EvaluateAsync<int>(
                """
                xml => new DOMParser().parseFromString(xml, 'application/xml')
                  .getElementsByTagNameNS('http://www.omg.org/spec/BPMN/20100524/DI', 'BPMNDiagram')[0]
                  .getElementsByTagNameNS('http://www.omg.org/spec/BPMN/20100524/DI', 'BPMNShape').length
                """,
                await File.ReadAllTextAsync(file));
            await page.Locator("#designer-import").SetInputFilesAsync(file);
            await Expect(page.GetByText($"已导入「{name}」")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("designer-problems")).ToBeVisibleAsync();
            var state = await page.GetByTestId("designer-canvas").GetAttributeAsync("data-state");
            // Every shape of the file's first diagram is drawn (bpmn-js shows the first BPMNDiagram of a file;
            // labels are drawn as extra elements, so at least as many).
            var drawn = await page.Locator("[data-testid=designer-canvas] .djs-element.djs-shape").CountAsync();
            if (state != "ready" || drawn < expectedShapes || expectedShapes == 0)
            {
                failures.Add($"{name}: state {state}, {drawn} shapes drawn of {expectedShapes}");
            }
            if (name is "A.1.0.bpmn" or "C.1.0.bpmn")
            {
                await page.ScreenshotAsync($"25-designer-miwg-{Path.GetFileNameWithoutExtension(name)}");
            }
            // Dismiss the notices so the next file's notice is its own.
            foreach (var close in await page.Locator(".mud-snackbar button").AllAsync())
            {
                await close.ClickAsync(new() { Force = true });
            }
            await Expect(page.GetByText($"已导入「{name}」")).ToHaveCountAsync(0);
        }

        Assert.Empty(failures);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task ImportAFileWithUnsupportedElements_RendersIt_AndPublishIsRefusedNamingThem()
    {
        var page = await host.NewPageAsync();
        var errors = ConsoleErrors.Watch(page);
        await page.SignInAsync("admin", "/designer");
        await Expect(page.GetByTestId("designer-canvas")).ToHaveAttributeAsync("data-state", "ready");
        // C.1.0 is one executable process with elements the engine cannot run (e.g. an event-based gateway).
        await page.Locator("#designer-import").SetInputFilesAsync(Path.Combine(Folder, "C.1.0.bpmn"));
        await Expect(page.GetByTestId("designer-problems")).ToBeVisibleAsync();
        // The properties panel follows the imported diagram (a collaboration), not the new one it replaced.
        await Expect(page.GetByTestId("designer-properties-panel")).ToContainTextAsync("Collaboration", new() { IgnoreCase = true });
        await Expect(page.GetByTestId("designer-properties-panel")).Not.ToContainTextAsync("新流程");

        await page.GetByTestId("designer-publish").ClickAsync();

        await Expect(page.GetByText("发布被拒绝：请先修正标红的元素。")).ToBeVisibleAsync();
        var rows = page.Locator("[data-testid=designer-problems] tr.fz-problem-error");
        await Expect(rows.First).ToBeVisibleAsync();
        await Expect(page.GetByTestId("designer-problems")).ToContainTextAsync("引擎不支持事件网关");
        Assert.True(await page.Locator("[data-testid=designer-canvas] .djs-element.fz-problem").CountAsync() > 0);
        await page.ScreenshotAsync("26-designer-miwg-refused");
        Assert.Empty(errors);
    }
}
