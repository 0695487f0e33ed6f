using System.IO.Compression;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workflows.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Workflows.Browser.Tests.AnnualReport;

/// <summary>
/// The yearly work the scheduler starts on the first working day of 2026 (the simulated clock is moved
/// there, not waited for): the government's law-based-government report on 2025, from the draft the
/// system wrote to its publication, each step done on its task page by the person who does it in a
/// county; and a department's duty closed with what it has to record.
/// </summary>
public sealed class AnnualReportFlowTests(YearStartBrowserHost host) : IClassFixture<YearStartBrowserHost>
{
    private const string DraftingStep = "起草年度报告";

    [Fact]
    public async Task AnnualReport_RunsFromTheGeneratedDraftToPublication_OnTheTaskPages()
    {
        await host.StartYearAsync();

        // The legal affairs office's staff draft it: the generated .docx is on the task page with the figures it quotes.
        var reviewer = await host.NewPageAsync();
        await reviewer.SignInAsync("reviewer");
        await OpenStepAsync(reviewer, "reviewer", DraftingStep, "annual-report-drafting-record");
        var link = await WaitForDraftAsync(reviewer);
        await Expect(link).ToHaveTextAsync("2025年度法治政府建设情况报告（初稿）.docx");
        await Expect(reviewer.GetByTestId("annual-report-figures")).ToContainTextAsync("2025年度统计数据");
        await Expect(reviewer.GetByTestId("annual-report-figures")).ToContainTextAsync("重大行政决策");
        var download = await reviewer.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        var draft = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal("柳江县人民政府关于2025年度法治政府建设情况的报告", FirstParagraph(draft));
        await reviewer.ScreenshotAsync("ar-01-drafting");

        // 重新生成 counts again: the new drafting step waits for its draft, and 刷新 shows it once written.
        await reviewer.GetByTestId("outcome-regenerate").ClickAsync();
        await reviewer.WaitForTasksAsync();
        await OpenStepAsync(reviewer, "reviewer", DraftingStep, "annual-report-drafting-record");
        await WaitForDraftAsync(reviewer);

        // The drafter's revision, uploaded on the same page (offered as 年度报告稿), becomes the current draft.
        await reviewer.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "2025年度法治政府建设情况报告（修改稿）.docx",
            MimeType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Buffer = draft,
        });
        await Expect(reviewer.GetByTestId("annual-report-draft-link")).ToHaveTextAsync("2025年度法治政府建设情况报告（修改稿）.docx");
        await Expect(reviewer.GetByTestId("annual-report-draft")).ToContainTextAsync("上传的修改稿");
        await reviewer.GetByLabel("办理意见").FillAsync("已补充年度数据，送法制机构审核。");
        await CompleteAsync(reviewer, "submit");

        // The legal affairs office reviews: the opinion is required either way.
        var legal = await host.NewPageAsync();
        await legal.SignInAsync("legal");
        await OpenStepAsync(legal, "legal", "法制机构审核", "annual-report-review-record");
        await legal.GetByTestId("outcome-approve").ClickAsync();
        await Expect(legal.GetByText("请填写「审核意见」。")).ToBeVisibleAsync();
        await legal.GetByLabel("审核意见", new() { Exact = true }).FillAsync("请补充行政复议案件情况。");
        await CompleteAsync(legal, "return");

        // Returned: drafting again, with the same draft in the case file; then the office approves.
        await OpenStepAsync(reviewer, "reviewer", DraftingStep, "annual-report-drafting-record");
        await Expect(reviewer.GetByTestId("annual-report-draft-link")).ToBeVisibleAsync();
        await CompleteAsync(reviewer, "submit");
        await OpenStepAsync(legal, "legal", "法制机构审核", "annual-report-review-record");
        await legal.GetByLabel("审核意见", new() { Exact = true }).FillAsync("数据与登记簿一致，同意报送。");
        await CompleteAsync(legal, "approve");

        // The head of government approves.
        var leader = await host.NewPageAsync();
        await leader.SignInAsync("leader");
        await OpenStepAsync(leader, "leader", "政府主要负责人审定", "annual-report-approval-record");
        await leader.GetByLabel("审定意见", new() { Exact = true }).FillAsync("同意。");
        await CompleteAsync(leader, "approve");

        // The report goes to the Party committee and the standing committee: leaving one out is refused beside the field.
        await OpenStepAsync(reviewer, "reviewer", "向党委、人大常委会报告", "annual-report-submission-record");
        await Expect(reviewer.GetByLabel("报送日期")).ToHaveValueAsync("2026-01-05");
        await reviewer.GetByLabel("同级党委（必报）").CheckAsync();
        await reviewer.GetByTestId("outcome-complete").ClickAsync();
        await Expect(reviewer.GetByTestId("annual-report-submission-record")).ToContainTextAsync("年度报告须报送同级人大常委会（congress-standing-committee）。");
        await reviewer.ScreenshotAsync("ar-02-submission-refused");
        await reviewer.GetByLabel("同级人大常委会（必报）").CheckAsync();
        await reviewer.GetByLabel("上一级人民政府").CheckAsync();
        await CompleteAsync(reviewer, "complete");

        // Publication: an address that is not http(s) is refused beside the field, then the report closes.
        await OpenStepAsync(reviewer, "reviewer", "向社会公开年度报告", "annual-report-publication-record");
        await reviewer.GetByLabel("公开渠道", new() { Exact = true }).FillAsync("柳江县人民政府门户网站");
        await reviewer.GetByLabel("公开网址", new() { Exact = true }).FillAsync("www.liujiang.gov.cn/fzzf/2025.html");
        await reviewer.GetByTestId("outcome-complete").ClickAsync();
        await Expect(reviewer.GetByTestId("annual-report-publication-record")).ToContainTextAsync("请填写公开网址（http 或 https 开头的完整地址）。");
        await reviewer.GetByLabel("公开网址", new() { Exact = true }).FillAsync("https://www.liujiang.gov.cn/fzzf/2025.html");
        await reviewer.ScreenshotAsync("ar-03-publication");
        await CompleteAsync(reviewer, "complete");

        var report = await host.AnnualReportAsync(2025);
        Assert.Equal("Completed", report.GetProperty("status").GetString());
        using var admin = await host.ApiClientAsync("admin");
        var variables = (await admin.GetFromJsonAsync<JsonElement>($"/api/instances/{report.GetProperty("instanceId").GetGuid()}")).GetProperty("variables");
        Assert.Equal("数据与登记簿一致，同意报送。", variables.GetProperty("reviewOpinion").GetString());
        Assert.Equal(["party-committee", "congress-standing-committee", "higher-government"],
            variables.GetProperty("submission").GetProperty("recipients").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(("2026-01-05", "https://www.liujiang.gov.cn/fzzf/2025.html"),
            (variables.GetProperty("publication").GetProperty("publishedOn").GetString(), variables.GetProperty("publication").GetProperty("url").GetString()));
    }

    [Fact]
    public async Task CatalogueDuty_IsClosedWithItsDateAndAddress_ThroughTheStepsForm()
    {
        await host.StartYearAsync();
        var owner = await host.NewPageAsync();
        await owner.SignInAsync("owner");
        await owner.Locator("[data-due] tr").GetByRole(AriaRole.Link, new() { Name = "公布上一年度规范性文件目录" }).ClickAsync();
        await Expect(owner.GetByRole(AriaRole.Heading, new() { Name = "公布上一年度规范性文件目录", Exact = true })).ToBeVisibleAsync();

        // Closing it with nothing recorded is no longer possible.
        await owner.GetByTestId("outcome-complete").ClickAsync();
        await Expect(owner.GetByText("请填写「公布日期」。")).ToBeVisibleAsync();
        await Expect(owner.GetByText("请填写「目录公布网址」。")).ToBeVisibleAsync();

        await owner.GetByLabel("公布日期").FillAsync("2026-01-05");
        await owner.GetByLabel("公布日期").PressAsync("Tab");
        await owner.GetByLabel("目录公布网址", new() { Exact = true }).FillAsync("javascript:alert(1)");
        await owner.GetByLabel("上一年度制定的规范性文件件数").FillAsync("6");
        await owner.GetByTestId("outcome-complete").ClickAsync();
        await Expect(owner.GetByText("「目录公布网址」须为 http:// 或 https:// 开头的完整网址。")).ToBeVisibleAsync();
        await owner.ScreenshotAsync("ar-04-catalogue-refused");

        await owner.GetByLabel("目录公布网址", new() { Exact = true }).FillAsync("https://www.liujiang.gov.cn/fgwj/2025ml.html");
        await owner.GetByTestId("outcome-complete").ClickAsync();
        await owner.WaitForTasksAsync();

        // In 已办 the closed duty shows what was recorded, the address as a link.
        await owner.GetByRole(AriaRole.Tab, new() { Name = "已办" }).ClickAsync();
        await owner.GetByRole(AriaRole.Link, new() { Name = "公布上一年度规范性文件目录" }).ClickAsync();
        var result = owner.GetByTestId("task-result");
        await Expect(result).ToContainTextAsync("公布日期2026-01-05");
        await Expect(result).ToContainTextAsync("上一年度制定的规范性文件件数6");
        await Expect(result.GetByRole(AriaRole.Link, new() { Name = "https://www.liujiang.gov.cn/fgwj/2025ml.html" }))
            .ToHaveAttributeAsync("href", "https://www.liujiang.gov.cn/fgwj/2025ml.html");
        await Expect(result).Not.ToContainTextAsync("继续有效目录网址");
        await owner.ScreenshotAsync("ar-05-catalogue-done");

        using var admin = await host.ApiClientAsync("admin");
        var done = (await admin.GetFromJsonAsync<JsonElement>("/api/tasks?status=Completed")).EnumerateArray()
            .Single(t => t.GetProperty("activityId").GetString() == "publish-catalogue" && t.GetProperty("completedBy").GetString() == "owner");
        var variables = (await admin.GetFromJsonAsync<JsonElement>($"/api/instances/{done.GetProperty("instanceId").GetGuid()}")).GetProperty("variables");
        Assert.Equal(("2026-01-05", "https://www.liujiang.gov.cn/fgwj/2025ml.html", 6m),
            (variables.GetProperty("publishedOn").GetString(), variables.GetProperty("catalogueUrl").GetString(), variables.GetProperty("documentCount").GetDecimal()));
    }

    /// <summary>
    /// The duties' forms are the admin's to adapt: the designer shows the url type, and changing one
    /// field's label keeps what the editor does not show (each field's help and maximum length).
    /// </summary>
    [Fact]
    public async Task Designer_EditsADutysForm_WithoutDroppingWhatItDoesNotShow()
    {
        var page = await host.NewPageAsync();
        var errors = ConsoleErrors.Watch(page);
        await page.SignInAsync("admin", "/designer/duty-department-annual-report");
        await Expect(page.GetByTestId("designer-canvas")).ToHaveAttributeAsync("data-state", "ready");
        await page.EvaluateAsync("() => window.fazhiModeler.get('selection').select(window.fazhiModeler.get('elementRegistry').get('publish-report'))");
        var form = page.GetByTestId("fz-form");
        await Expect(form.GetByLabel("变量名")).ToHaveCountAsync(3);
        await Expect(form.GetByLabel("变量名").Nth(2)).ToHaveValueAsync("reportUrl");
        await Expect(form.GetByLabel("类型").Nth(2)).ToContainTextAsync("网址");

        await form.GetByLabel("显示名称").Nth(2).FillAsync("年度报告公开网址");
        await form.GetByLabel("显示名称").Nth(2).PressAsync("Tab");
        await page.ScreenshotAsync("ar-06-designer-duty-form");

        var xml = await page.EvaluateAsync<string>("async () => (await window.fazhiModeler.saveXML()).xml");
        Assert.Contains("""<fz:field name="reportUrl" label="年度报告公开网址" type="url" required="true" />""", xml, StringComparison.Ordinal);
        Assert.Contains("""<fz:field name="channel" label="公开渠道" type="text" required="true" maxLength="200" help="如：部门网站、政府门户网站" />""", xml, StringComparison.Ordinal);
        Assert.Empty(errors);
    }

    /// <summary>From 待办, opens <paramref name="step"/>, checks its record section is there and claims it.</summary>
    private static async Task OpenStepAsync(IPage page, string userName, string step, string recordTestId)
    {
        await page.OpenAsync("/tasks");
        await page.Locator("[data-due] tr").GetByRole(AriaRole.Link, new() { Name = step, Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = step, Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByTestId(recordTestId)).ToBeVisibleAsync();
        await page.GetByTestId("claim-task").ClickAsync();
        await Expect(page.GetByTestId("involved-assignee")).ToContainTextAsync(userName);
    }

    private static async Task CompleteAsync(IPage page, string outcome)
    {
        await page.GetByTestId("outcome-" + outcome).ClickAsync();
        await page.WaitForTasksAsync();
    }

    /// <summary>The draft is written by the outbox shortly after the step opens: 刷新 until its link is there, as a person would.</summary>
    private static async Task<ILocator> WaitForDraftAsync(IPage page)
    {
        var link = page.GetByTestId("annual-report-draft-link");
        var refresh = page.GetByTestId("annual-report-refresh");
        var giveUp = DateTime.UtcNow.AddSeconds(20);
        while (await refresh.IsVisibleAsync())
        {
            Assert.True(DateTime.UtcNow < giveUp, "the generated draft never appeared on the drafting step");
            await refresh.ClickAsync();
            try
            {
                await link.WaitForAsync(new() { Timeout = 1000 });
            }
            catch (TimeoutException)
            {
                // not written yet: look again
            }
        }
        await Expect(link).ToBeVisibleAsync();
        return link;
    }

    /// <summary>The first paragraph of a .docx: its title.</summary>
    private static string FirstParagraph(byte[] docx)
    {
        using var zip = new ZipArchive(new MemoryStream(docx));
        using var stream = zip.GetEntry("word/document.xml")!.Open();
        var document = System.Xml.Linq.XDocument.Load(stream);
        System.Xml.Linq.XNamespace w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
        return string.Concat(document.Descendants(w + "p").First().Descendants(w + "t").Select(t => t.Value));
    }
}

/// <summary>
/// The host on the simulated clock from New Year's Eve 2025; <see cref="StartYearAsync"/> moves it to
/// Monday 5 January 2026, past the make-up working day (Sunday 4 January) on which every yearly duty starts.
/// </summary>
public sealed class YearStartBrowserHost : BrowserHost
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _started;

    protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        new("Workflows:Clock:Mode", "Simulated"),
        new("Workflows:Clock:Start", new DateTimeOffset(2025, 12, 31, 10, 0, 0, TimeSpan.FromHours(8)).ToString("O")),
    ];

    /// <summary>Once per class: moves the clock as an admin would, then waits until the scheduler's launches have come through the outbox.</summary>
    public async Task StartYearAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_started)
            {
                return;
            }
            using var admin = await ApiClientAsync("admin");
            (await admin.PostAsJsonAsync("/api/clock/advance", new { to = new DateTimeOffset(2026, 1, 5, 9, 30, 0, TimeSpan.FromHours(8)) })).EnsureSuccessStatusCode();
            var giveUp = DateTime.UtcNow.AddSeconds(20);
            while (true)
            {
                var open = (await admin.GetFromJsonAsync<JsonElement>("/api/tasks")).EnumerateArray().Select(t => t.GetProperty("activityId").GetString()).ToHashSet();
                if (open.Contains("drafting") && open.Contains("publish-catalogue"))
                {
                    break;
                }
                Assert.True(DateTime.UtcNow < giveUp, "the yearly duties did not start after the clock moved into 2026");
                await Task.Delay(200);
            }
            _started = true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The government's report on <paramref name="year"/>, as the legal affairs office reads it.</summary>
    public async Task<JsonElement> AnnualReportAsync(int year)
    {
        using var legal = await ApiClientAsync("legal");
        return (await legal.GetFromJsonAsync<JsonElement>($"/api/annual-reports/{year}")).EnumerateArray().Single();
    }
}
