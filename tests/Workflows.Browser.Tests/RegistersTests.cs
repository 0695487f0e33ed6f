using System.Net.Http.Json;
using Microsoft.Playwright;
using Workflows.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Workflows.Browser.Tests;

/// <summary>
/// The registers in Chromium: the yearly catalogue of major decisions with its export, the register of
/// normative documents with the catalogue exports, and the expert pool kept by the legal affairs office.
/// </summary>
public sealed class RegistersTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task DecisionCatalogue_ShowsTheYearsMatters_AndExportsThem()
    {
        using (var leader = await host.ApiClientAsync("leader"))
        {
            (await leader.PostAsJsonAsync("/api/decision-catalogues/2026", new { })).EnsureSuccessStatusCode();
            var added = await leader.PostAsJsonAsync("/api/decision-catalogues/2026/items", new
            {
                title = "编制县国土空间总体规划",
                leadUnit = "county-drc",
                legalBasis = "《中华人民共和国土地管理法》",
                plannedCompletion = "2026年第四季度",
                reason = "经各部门申报、县政府研究列入。",
            });
            Assert.True(added.IsSuccessStatusCode, await added.Content.ReadAsStringAsync());
        }

        var page = await host.NewPageAsync();
        await page.SignInAsync("owner", "/registers/decisions?year=2026");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "重大行政决策事项年度目录" })).ToBeVisibleAsync();
        var row = page.Locator("[data-testid=catalogue-items] tbody tr").First;
        await Expect(row).ToContainTextAsync("编制县国土空间总体规划");
        await Expect(row).ToContainTextAsync("县发展和改革局");
        await Expect(page.GetByText("增加事项")).ToBeVisibleAsync();
        await page.ScreenshotAsync("50-decision-catalogue");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("catalogue-export").ClickAsync());
        Assert.Equal("2026年度重大行政决策事项目录.xlsx", download.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync(await download.PathAsync());
        Assert.Equal("PK"u8.ToArray(), bytes[..2]);

        await page.OpenAsync("/registers/decisions?year=2024");
        await Expect(page.GetByTestId("catalogue-missing")).ToHaveTextAsync("2024年度尚未编制重大行政决策事项目录。");
    }

    [Fact]
    public async Task NormativeRegister_FindsADocumentWithItsHistory_ExportsTheCatalogue_AndAnUnknownDocumentGetsAPoliteNotice()
    {
        using (var owner = await host.ApiClientAsync("owner"))
        {
            var started = await owner.PostAsJsonAsync("/api/normative-documents", new
            {
                title = "关于价格认定工作的暂行办法",
                issuer = "county-drc",
                publicCommentExempt = true,
                publicCommentExemptReason = "涉及国家秘密，依法不予公开",
                marketActorsAffected = false,
                validityYears = 5,
            });
            Assert.True(started.IsSuccessStatusCode, await started.Content.ReadAsStringAsync());
        }

        var page = await host.NewPageAsync();
        await page.SignInAsync("owner", "/registers/normative-documents");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "行政规范性文件登记簿" })).ToBeVisibleAsync();
        await page.GetByLabel("搜索标题或文号").FillAsync("价格认定");
        var rows = page.Locator("[data-testid=normative-documents] tbody tr");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows).ToContainTextAsync("尚未登记");
        await rows.GetByRole(AriaRole.Link, new() { Name = "关于价格认定工作的暂行办法" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "关于价格认定工作的暂行办法" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("normative-facts")).ToContainTextAsync("县发展和改革局");
        await Expect(page.GetByTestId("normative-history")).ToContainTextAsync("开始起草");
        await page.ScreenshotAsync("53-normative-document");

        await page.OpenAsync("/registers/normative-documents");
        await page.GetByLabel("年度").FillAsync("2025");
        await page.GetByLabel("年度").PressAsync("Tab");
        await Expect(page.GetByTestId("normative-export-docx")).ToContainTextAsync("2025年度目录");
        await page.ScreenshotAsync("51-normative-register");

        var docx = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("normative-export-docx").ClickAsync());
        Assert.EndsWith(".docx", docx.SuggestedFilename);
        Assert.Contains("2025", docx.SuggestedFilename);
        var xlsx = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("normative-export-xlsx").ClickAsync());
        Assert.EndsWith(".xlsx", xlsx.SuggestedFilename);

        await page.OpenAsync($"/registers/normative-documents/{Guid.NewGuid()}");
        await Expect(page.GetByText("找不到该规范性文件。")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task ExpertPool_LegalAddsAndEditsAnExpertWithConflicts_OthersOnlyRead()
    {
        var page = await host.NewPageAsync();
        await page.SignInAsync("legal", "/registers/experts");
        await page.GetByTestId("expert-add").ClickAsync();
        await page.GetByTestId("expert-save").ClickAsync();
        await Expect(page.GetByText("请填写「姓名」。")).ToBeVisibleAsync();
        var form = page.GetByTestId("expert-form");

        await form.GetByLabel("姓名").FillAsync("周建国");
        await form.GetByLabel("专业领域").FillAsync("环境保护、城乡规划");
        await form.GetByLabel("职称").FillAsync("教授");
        await form.GetByLabel("工作单位").FillAsync("省环境科学研究院");
        await form.GetByLabel("电子邮箱").FillAsync("zhou@example.cn");
        await form.GetByLabel("利害关系（回避）").FillAsync("县发展和改革局\n城关镇供热公司");
        await page.GetByTestId("expert-save").ClickAsync();

        var row = page.Locator("[data-testid=experts] tbody tr").Filter(new() { HasText = "周建国" });
        await Expect(row).ToContainTextAsync("环境保护、城乡规划");
        await Expect(row).ToContainTextAsync("县发展和改革局、城关镇供热公司");
        await row.GetByRole(AriaRole.Button, new() { Name = "修改专家「周建国」" }).ClickAsync();
        await form.GetByLabel("工作单位").FillAsync("省生态环境科学研究院");
        await page.GetByTestId("expert-save").ClickAsync();
        await Expect(row).ToContainTextAsync("省生态环境科学研究院");
        await page.ScreenshotAsync("52-expert-pool");

        var reviewer = await host.NewPageAsync();
        await reviewer.SignInAsync("reviewer", "/registers/experts");
        await Expect(reviewer.Locator("[data-testid=experts]")).ToContainTextAsync("周建国");
        await Expect(reviewer.GetByTestId("expert-add")).ToHaveCountAsync(0);
    }
}
