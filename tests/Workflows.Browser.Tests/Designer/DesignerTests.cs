using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workflows.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Workflows.Browser.Tests.Designer;

/// <summary>
/// The procedure designer in Chromium: an admin draws start → user task (due in working days) → end
/// with the bpmn-js modeler, publishes it and starts a test case whose task shows; a faulty element is
/// marked on the canvas and listed; a version diff names what changed.
/// </summary>
public sealed class DesignerTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task Admin_DrawsAProcessWithAWorkingDayDueRule_PublishesIt_AndStartsACaseWithItsTask()
    {
        var page = await host.NewPageAsync();
        var errors = ConsoleErrors.Watch(page);
        await page.SignInAsync("admin");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "流程设计" }).ClickAsync();
        await page.WaitForCircuitAsync();
        await Expect(page.GetByTestId("designer-canvas")).ToHaveAttributeAsync("data-state", "ready");
        await Expect(page.GetByTestId("designer-properties-panel").Locator(".bio-properties-panel")).ToBeVisibleAsync();

        // Name the procedure with nothing selected (the process itself).
        var key = "designer-" + Guid.NewGuid().ToString("N")[..6];
        await page.Locator("#fz-process-key").FillAsync(key);
        await page.Locator("#fz-process-key").PressAsync("Tab");
        await page.Locator("#fz-process-name").FillAsync("设计器绘制的审查流程");
        await page.Locator("#fz-process-name").PressAsync("Tab");

        // Draw with the modeler's own services: append a user task and an end event to the start event.
        await page.EvaluateAsync("""
            () => {
              const modeler = window.fazhiModeler;
              const registry = modeler.get('elementRegistry');
              const autoPlace = modeler.get('autoPlace');
              const factory = modeler.get('elementFactory');
              const start = registry.get('StartEvent_1');
              const task = autoPlace.append(start, factory.createShape({ type: 'bpmn:UserTask' }));
              autoPlace.append(task, factory.createShape({ type: 'bpmn:EndEvent' }));
              modeler.get('selection').select(task);
            }
            """);
        await Expect(page.GetByTestId("fz-element")).ToContainTextAsync("UserTask");
        await page.Locator("#fz-name").FillAsync("合法性审查");
        await page.Locator("#fz-name").PressAsync("Tab");
        await page.Locator("#fz-candidateGroups").FillAsync("reviewer");
        await page.Locator("#fz-candidateGroups").PressAsync("Tab");
        await page.Locator("#fz-due").FillAsync("7WD");
        await page.Locator("#fz-due").PressAsync("Tab");
        await page.GetByTestId("fz-ladder").GetByRole(AriaRole.Button, new() { Name = "添加一级" }).ClickAsync();
        await page.GetByTestId("fz-form").GetByRole(AriaRole.Button, new() { Name = "添加字段" }).ClickAsync();
        await Expect(page.GetByTestId("fz-form").GetByLabel("变量名")).ToHaveValueAsync("field1");
        await Expect(page.Locator(".djs-element .djs-visual text", new() { HasText = "合法性审查" })).ToBeVisibleAsync();
        await page.ScreenshotAsync("20-designer-drawn");

        var xml = await page.EvaluateAsync<string>("async () => (await window.fazhiModeler.saveXML()).xml");
        Assert.Contains("fz:due=\"7WD\"", xml);
        Assert.Contains("fz:candidateGroups=\"reviewer\"", xml);
        Assert.Matches("<fz:ladder>\\s*<fz:remind before=\"1WD\" />\\s*</fz:ladder>", xml);
        Assert.Matches("<fz:form>\\s*<fz:field name=\"field1\" type=\"text\" />\\s*</fz:form>", xml);

        await page.GetByTestId("designer-publish").ClickAsync();
        await Expect(page.GetByTestId("designer-version")).ToContainTextAsync($"{key} · 第1版 · 已发布");
        await Expect(page).ToHaveURLAsync(new Regex($"/designer/{key}\\?version=1$"));

        await page.GetByTestId("designer-start-test").ClickAsync();
        await Expect(page.GetByTestId("designer-test-started")).ToBeVisibleAsync();
        await page.ScreenshotAsync("21-designer-published");
        await page.GetByRole(AriaRole.Link, new() { Name = "查看测试案件" }).ClickAsync();
        await page.WaitForCircuitAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "测试：设计器绘制的审查流程" })).ToBeVisibleAsync();
        await Expect(page.GetByText("合法性审查").First).ToBeVisibleAsync();
        await Expect(page.GetByTestId("case-diagram")).ToHaveAttributeAsync("data-state", "ready");
        await Expect(page.Locator("[data-testid=case-diagram] .djs-element.fz-current")).ToHaveCountAsync(1);
        await page.ScreenshotAsync("22-designer-test-case");

        // The task is in the reviewer's 待办 with a due date counted in working days.
        using var reviewer = await host.ApiClientAsync("reviewer");
        var tasks = await reviewer.GetStringAsync("/api/tasks?mine=true");
        Assert.Contains("合法性审查", tasks);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Publish_MarksTheFaultyElementOnTheCanvas_AndListsIt_ThenTheDiffNamesTheFix()
    {
        var page = await host.NewPageAsync();
        var errors = ConsoleErrors.Watch(page);
        await page.SignInAsync("admin", "/designer");
        await Expect(page.GetByTestId("designer-canvas")).ToHaveAttributeAsync("data-state", "ready");
        var key = "faulty-" + Guid.NewGuid().ToString("N")[..6];
        await page.Locator("#fz-process-key").FillAsync(key);
        await page.Locator("#fz-process-key").PressAsync("Tab");
        await page.EvaluateAsync("""
            () => {
              const modeler = window.fazhiModeler;
              const autoPlace = modeler.get('autoPlace');
              const factory = modeler.get('elementFactory');
              const task = autoPlace.append(modeler.get('elementRegistry').get('StartEvent_1'),
                factory.createShape({ type: 'bpmn:UserTask', businessObject: modeler.get('bpmnFactory').create('bpmn:UserTask', { id: 'review', name: '审查' }) }));
              autoPlace.append(task, factory.createShape({ type: 'bpmn:EndEvent' }));
              modeler.get('selection').select(task);
            }
            """);
        await page.Locator("#fz-candidateGroups").FillAsync("reviewer");
        await page.Locator("#fz-candidateGroups").PressAsync("Tab");
        await page.Locator("#fz-due").FillAsync("seven days");
        await page.Locator("#fz-due").PressAsync("Tab");
        await Expect(page.GetByText("格式应为 7WD、30D、P30D、PT2H 或 2027-03-31")).ToBeVisibleAsync();
        await page.GetByTestId("designer-save").ClickAsync();
        await Expect(page.GetByTestId("designer-version")).ToContainTextAsync("第1版 · 草稿");

        await page.GetByTestId("designer-publish").ClickAsync();

        var problems = page.GetByTestId("designer-problems");
        await Expect(problems.Locator("tr[data-element-id=review]")).ToContainTextAsync("审查（review）");
        // The engine's finding in the designer's language, quoting what was typed.
        await Expect(problems.Locator("tr[data-element-id=review]")).ToContainTextAsync("办理期限规则“seven days”无效");
        await Expect(page.Locator("[data-testid=designer-canvas] .djs-element.fz-problem[data-element-id=review]")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("designer-version")).ToContainTextAsync("第1版 · 草稿");
        await page.ScreenshotAsync("23-designer-validation");

        // Fix it, publish version 2 and read what changed.
        await page.Locator("[data-testid=designer-problems] tr[data-element-id=review] button").ClickAsync();
        await Expect(page.Locator("#fz-due")).ToHaveValueAsync("seven days");
        await page.Locator("#fz-due").FillAsync("30D");
        await page.Locator("#fz-due").PressAsync("Tab");
        await page.GetByTestId("designer-publish").ClickAsync();
        await Expect(page.GetByTestId("designer-version")).ToContainTextAsync("第2版 · 已发布");
        await Expect(page.Locator("[data-testid=designer-canvas] .djs-element.fz-problem")).ToHaveCountAsync(0);
        await page.GetByTestId("designer-diff-2").ClickAsync();
        var diff = page.GetByTestId("designer-diff").Locator("tr[data-element-id=review]");
        await Expect(diff).ToContainTextAsync("修改");
        await Expect(diff).ToContainTextAsync("fz:due");
        await page.ScreenshotAsync("24-designer-versions");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task ImportAndSave_KeepsEveryFzAttributeAndLadder_OfABuiltInProcedure()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "Procedures", "normative-document.bpmn");
        var original = await File.ReadAllTextAsync(file);
        var page = await host.NewPageAsync();
        var errors = ConsoleErrors.Watch(page);
        await page.SignInAsync("admin", "/designer");
        await Expect(page.GetByTestId("designer-canvas")).ToHaveAttributeAsync("data-state", "ready");
        await page.Locator("#designer-import").SetInputFilesAsync(file);
        await Expect(page.GetByText("已导入「normative-document.bpmn」")).ToBeVisibleAsync();

        var saved = await page.EvaluateAsync<string>("async () => (await window.fazhiModeler.saveXML({ format: true })).xml");

        // bpmn-js may add incoming/outgoing references; nothing of the fz namespace may change or vanish.
        var changes = Workflows.Engine.Definitions.DefinitionDiff.Compare(original, saved);
        Assert.DoesNotContain(changes, c => c.Kind != Workflows.Engine.Definitions.DefinitionChangeKind.Changed);
        Assert.DoesNotContain(changes, c => c.Details.Any(d => d.StartsWith("fz:", StringComparison.Ordinal) || d == "extensionElements"));
        Assert.Equal(original.Split("<fz:remind").Length, saved.Split("<fz:remind").Length);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task UnknownProcedureKey_ShowsAPoliteNotice()
    {
        var page = await host.NewPageAsync();
        await page.SignInAsync("admin", "/designer/no-such-procedure");
        await Expect(page.GetByText("找不到流程「no-such-procedure」")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("designer-canvas")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Designer_IsForAdminsOnly()
    {
        var page = await host.NewPageAsync();
        await page.SignInAsync("owner");
        await page.GotoAsync("/designer");
        await Expect(page.GetByTestId("designer-canvas")).ToHaveCountAsync(0);
    }
}
