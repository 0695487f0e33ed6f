using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workflows.Host.Tests.Infrastructure;
using Workflows.Host.Tests.NormativeDocuments;
using static Workflows.Host.Tests.AnnualReport.AnnualReportScenario;

namespace Workflows.Host.Tests.AnnualReport;

/// <summary>
/// The figures of a known year, counted from records made through the API on a SQLite file, and the
/// draft the scheduler's duty writes from them in January. A class of its own: it moves the clock a year.
/// </summary>
public sealed class AnnualReportFiguresTests(AnnualReportHostFactory host) : IClassFixture<AnnualReportHostFactory>
{
    [Fact]
    public async Task Figures_CountTheYearsRecords_AndTheDutysDraftQuotesThem()
    {
        var scenario = new AnnualReportScenario(host);
        await scenario.BuildAsync();
        AssertFiguresOf2026(await scenario.FiguresAsync(2026));

        // The year turns: the government's duty starts the report on 2026, whose draft is written in the background.
        await scenario.Flow.AdvanceToAsync(NormativeFlow.Beijing(2027, 1, 5));
        var figures = await scenario.FiguresAsync(2026, "supervisor");
        AssertFiguresOf2026(figures);
        // Overdue in 2026: the review left open (legal affairs office); the unpublished document and the two late filings
        // (instances of the bureau that drafted them). Each was escalated once.
        var units = figures.GetProperty("overdueByUnit").EnumerateArray()
            .Select(u => (u.GetProperty("unit").GetString(), Int(u, "overdueTasks"), Int(u, "escalations"))).ToList();
        Assert.Equal([("county-drc", 3, 3), ("legal-office", 1, 1)], units);
        Assert.Equal((4, 4), (Int(figures, "overdueTasks"), Int(figures, "escalations")));
        Assert.Equal("柳江县发展和改革局", figures.GetProperty("overdueByUnit")[0].GetProperty("unitName").GetString());

        // Nothing of 2026 is counted in 2025, and the report is a case of the government's.
        var before = await scenario.FiguresAsync(2025);
        Assert.Equal(0, Int(before.GetProperty("decisions"), "proposed"));
        Assert.Equal(0, Int(before.GetProperty("normativeDocuments"), "registered"));
        Assert.Empty(before.GetProperty("overdueByUnit").EnumerateArray());

        var report = await WaitForDraftAsync(scenario.Flow, 2026);
        Assert.Equal("county-gov", report.GetProperty("unit").GetString());
        Assert.Equal(["drafting"], report.GetProperty("activeActivityIds").EnumerateArray().Select(a => a.GetString()));
        using var legal = await scenario.Flow.As("legal");
        var response = await legal.GetAsync("/api/annual-reports/2026/draft");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("2026年度法治政府建设情况报告（初稿）.docx", response.Content.Headers.ContentDisposition?.FileNameStar);
        var docx = await response.Content.ReadAsByteArrayAsync();

        var paragraphs = AnnualReportDocx.Paragraphs(docx);
        Assert.Equal("柳江县人民政府关于2026年度法治政府建设情况的报告", paragraphs[0]);
        AnnualReportDocx.AssertFiveParts(paragraphs);
        Assert.Contains(paragraphs, p => p.StartsWith("（一）严格落实重大行政决策程序。全年登记重大行政决策事项3件，决策机关决定启动2件，经集体讨论决定通过1件，公布0件。", StringComparison.Ordinal));
        Assert.Contains(paragraphs, p => p.Contains("应审查事项4件，已审查4件，合法性审查率100%", StringComparison.Ordinal));
        Assert.Contains(paragraphs, p => p.Contains("全年登记行政规范性文件3件，发布2件；按期报送备案1件，逾期报送备案1件", StringComparison.Ordinal));
        Assert.Contains(paragraphs, p => p.Contains("逾期办理事项4件，涉及柳江县发展和改革局、柳江县司法局（县委依法治县办公室）", StringComparison.Ordinal));
        var table = AnnualReportDocx.FigureTable(docx);
        Assert.Equal(("3", "1", "1", "4", "100%"), (table["重大行政决策事项登记"], table["开展风险评估"], table["规范性文件逾期备案"], table["督办"], table["合法性审查率"]));
    }

    public static async Task<JsonElement> WaitForDraftAsync(NormativeFlow flow, int year, int drafts = 1)
    {
        using var legal = await flow.As("legal");
        JsonElement report = default;
        await NormativeFlow.WaitUntilAsync(async () =>
        {
            var response = await legal.GetAsync($"/api/annual-reports/{year}");
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return false;
            }
            report = (await response.Content.ReadFromJsonAsync<JsonElement>())[0];
            if (report.GetProperty("draft").ValueKind != JsonValueKind.Object)
            {
                return false;
            }
            var documents = await legal.GetFromJsonAsync<JsonElement>($"/api/instances/{report.GetProperty("instanceId").GetGuid()}/documents");
            return documents.EnumerateArray().Count(d => d.GetProperty("kind").GetString() == "annual-report-draft") >= drafts;
        }, $"the {year} annual report's draft");
        return report;
    }
}

/// <summary>The same year of records on PostgreSQL: the counts must not depend on the provider.</summary>
public sealed class AnnualReportPostgreSqlTests(AnnualReportPostgreSqlFactory host) : IClassFixture<AnnualReportPostgreSqlFactory>
{
    [Fact]
    public async Task Figures_OnPostgreSql_AreTheSameAsOnSqlite()
    {
        var scenario = new AnnualReportScenario(host);
        await scenario.BuildAsync();

        AssertFiguresOf2026(await scenario.FiguresAsync(2026));
        var units = (await scenario.FiguresAsync(2026)).GetProperty("overdueByUnit").EnumerateArray()
            .Select(u => (u.GetProperty("unit").GetString(), Int(u, "overdueTasks"))).ToList();
        // By 20 April: the review's 15 working days and the publication's 20 have run, and the filings were late.
        Assert.Equal([("county-drc", 3), ("legal-office", 1)], units);
    }
}
