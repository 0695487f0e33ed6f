using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Workflows.Host.Tests.Infrastructure;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Workflows.Host.Tests.NormativeDocuments;

/// <summary>The register API: the yearly catalogue files, search, clean-up rounds and bad input. Each test uses an issuing body of its own.</summary>
public sealed class RegisterApiTests(SimulatedClockHostFactory host) : IClassFixture<SimulatedClockHostFactory>
{
    private static readonly string[] Headers = ["序号", "文号", "标题", "制定机关", "发布日期", "施行日期", "有效期至", "状态"];

    private readonly NormativeFlow _flow = new(host);

    private async Task<List<Guid>> PublishedAsync(string issuer, string channel, params string[] titles)
    {
        var documents = await _flow.DriveToRegistrationAsync([.. titles.Select(t => (issuer, t))]);
        foreach (var (id, _) in documents)
        {
            Assert.Equal(HttpStatusCode.OK, (await _flow.RegisterAsync(id)).StatusCode);
            await _flow.PublishAsync(id, channel);
        }
        return [.. documents.Select(d => d.Id)];
    }

    [Fact]
    public async Task Catalogue_ListsTheYearsDocumentsAndThoseInForce_AsXlsxAndDocx()
    {
        await PublishedAsync("county-gov", "县人民政府门户网站", "关于规范行政裁量权基准制定和管理的通知", "县政府重大行政决策程序规定");
        var drafting = await _flow.StartShortAsync("county-gov", "尚在起草的文件不入目录");
        using var client = await _flow.As("reviewer");

        var xlsx = await client.GetAsync("/api/normative-documents/catalogue?year=2026&format=xlsx&issuer=county-gov");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        Assert.Equal("2026年度行政规范性文件目录.xlsx", xlsx.Content.Headers.ContentDisposition?.FileNameStar);
        using (var workbook = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false))
        {
            var sheets = workbook.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().ToList();
            Assert.Equal(["当年制定", "现行有效"], sheets.Select(s => s.Name!.Value));
            foreach (var sheet in sheets)
            {
                var rows = ((WorksheetPart)workbook.WorkbookPart.GetPartById(sheet.Id!)).Worksheet.Descendants<Row>()
                    .Select(r => r.Elements<Cell>().Select(c => c.InnerText).ToList()).ToList();
                Assert.Equal(Headers, rows[2]);
                Assert.Equal(["1", "县政规〔2026〕1号", "关于规范行政裁量权基准制定和管理的通知", "县人民政府"], rows[3].Take(4));
                Assert.Equal(["2", "县政规〔2026〕2号", "县政府重大行政决策程序规定", "县人民政府"], rows[4].Take(4));
                Assert.Equal("现行有效", rows[4][7]);
                Assert.Equal(5, rows.Count);
            }
        }

        var docx = await client.GetAsync("/api/normative-documents/catalogue?year=2026&format=docx&issuer=county-gov");
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Content.Headers.ContentType?.MediaType);
        Assert.Equal("2026年度行政规范性文件目录.docx", docx.Content.Headers.ContentDisposition?.FileNameStar);
        using (var word = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false))
        {
            var body = word.MainDocumentPart!.Document.Body!;
            Assert.Equal("2026年度行政规范性文件目录", body.Elements<W.Paragraph>().First().InnerText);
            var tables = body.Elements<W.Table>().ToList();
            Assert.Equal(2, tables.Count);
            foreach (var table in tables)
            {
                var rows = table.Elements<W.TableRow>().Select(r => r.Elements<W.TableCell>().Select(c => c.InnerText).ToList()).ToList();
                Assert.Equal(Headers, rows[0]);
                Assert.Equal(["县政规〔2026〕1号", "县政规〔2026〕2号"], rows.Skip(1).Select(r => r[1]));
                Assert.DoesNotContain(rows, r => r.Contains("尚在起草的文件不入目录"));
            }
        }
        Assert.Equal("drafting", drafting.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Search_FindsByTextStatusYearAndIssuer()
    {
        var (published, _) = (await PublishedAsync("county-drc", "县人民政府门户网站", "关于价格监测预警工作的规定"), 0);
        var drafting = (await _flow.StartShortAsync("county-drc", "关于价格认定工作的暂行办法")).GetProperty("id").GetGuid();
        using var client = await _flow.As("owner");

        async Task<List<Guid>> Find(string query) =>
            [.. (await client.GetFromJsonAsync<JsonElement>("/api/normative-documents?" + query)).EnumerateArray().Select(d => d.GetProperty("id").GetGuid())];

        Assert.Equal([published[0], drafting], (await Find("q=价格&issuer=county-drc")).Order());
        Assert.Equal([published[0]], await Find("q=监测预警"));
        Assert.Equal([published[0]], await Find("q=县发改规〔2026〕&issuer=county-drc"));
        Assert.Equal([published[0]], await Find("issuer=county-drc&status=published"));
        Assert.Equal([drafting], await Find("issuer=county-drc&status=drafting"));
        Assert.Empty(await Find("issuer=county-drc&year=2025"));
        Assert.Contains(published[0], await Find("year=2026"));

        var bad = await client.GetAsync("/api/normative-documents?status=valid&year=twenty&take=0");
        var problem = await Problem.AssertAsync(bad, HttpStatusCode.BadRequest);
        Assert.Equal(["status", "year", "take"], Problem.Targets(problem));
        Assert.Equal(["format"], Problem.Targets(await Problem.AssertAsync(await client.GetAsync("/api/normative-documents/catalogue?year=2026&format=pdf"), HttpStatusCode.BadRequest)));
        Assert.Equal(["year"], Problem.Targets(await Problem.AssertAsync(await client.GetAsync("/api/normative-documents/catalogue?format=xlsx"), HttpStatusCode.BadRequest)));
        await Problem.AssertAsync(await client.GetAsync($"/api/normative-documents/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Start_RefusesBadSettings_NamingEachFieldAndWritingNothing()
    {
        using var owner = await _flow.As("owner");
        var before = (await owner.GetFromJsonAsync<JsonElement>("/api/normative-documents?take=500")).GetArrayLength();
        var response = await owner.PostAsJsonAsync("/api/normative-documents", new
        {
            title = "  ",
            issuer = "province-gov",
            validityYears = 6,
            publicCommentExempt = true,
        });
        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["title", "issuer", "publicCommentExemptReason", "validityYears"], Problem.Targets(problem));
        Assert.Equal(before, (await owner.GetFromJsonAsync<JsonElement>("/api/normative-documents?take=500")).GetArrayLength());

        var malformed = await owner.PostAsync("/api/normative-documents", new StringContent("""{"title":"x","validityYears":"five"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Contains("validityYears", Problem.Targets(await Problem.AssertAsync(malformed, HttpStatusCode.BadRequest)));

        using var legal = await _flow.As("legal");
        await Problem.AssertAsync(await legal.PostAsJsonAsync("/api/normative-documents", new { title = "某文件", issuer = "county-gov" }), HttpStatusCode.Forbidden);
        var badFiling = await legal.PostAsJsonAsync($"/api/normative-documents/{Guid.NewGuid()}/filings", new { authority = "province" });
        Assert.Equal(["authority"], Problem.Targets(await Problem.AssertAsync(badFiling, HttpStatusCode.BadRequest)));
    }

    [Fact]
    public async Task CleanupRound_RepealsDocuments_OnlyOnceEveryDocumentHasADecision()
    {
        var ids = await PublishedAsync("town-chengguan", "城关镇人民政府门户网站", "城关镇集贸市场管理办法", "城关镇户外广告设置管理规定");
        using var legal = await _flow.As("legal");
        var started = await legal.PostAsJsonAsync("/api/normative-documents/cleanup-rounds", new { issuer = "town-chengguan", title = "城关镇2026年规范性文件专项清理" });
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var round = await started.Content.ReadFromJsonAsync<JsonElement>();
        var roundId = round.GetProperty("id").GetGuid();
        Assert.Equal(ids.Order(), round.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("documentId").GetGuid()).Order());

        var decide = async (Guid id, string decision) => await legal.PostAsJsonAsync($"/api/normative-documents/cleanup-rounds/{roundId}/decisions/{id}", new { decision, reason = "与新修订的上位法不一致" });
        Assert.Equal(HttpStatusCode.OK, (await decide(ids[0], "repeal")).StatusCode);
        Assert.Equal(["decision"], Problem.Targets(await Problem.AssertAsync(await decide(ids[1], "delete"), HttpStatusCode.BadRequest)));
        var publish = async () => await legal.PostAsJsonAsync($"/api/normative-documents/cleanup-rounds/{roundId}/publish", new { url = "https://www.example.gov.cn/qingli/2026.html" });
        Assert.Equal(["items"], Problem.Targets(await Problem.AssertAsync(await publish(), HttpStatusCode.BadRequest)));
        Assert.Equal("published", (await _flow.DocumentAsync(ids[0])).GetProperty("status").GetString());

        Assert.Equal(HttpStatusCode.OK, (await decide(ids[1], "keep")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await publish()).StatusCode);
        var repealed = await _flow.DocumentAsync(ids[0]);
        Assert.Equal("repealed", repealed.GetProperty("status").GetString());
        Assert.False(repealed.GetProperty("inForce").GetBoolean());
        Assert.Equal("published", (await _flow.DocumentAsync(ids[1])).GetProperty("status").GetString());
        await Problem.AssertAsync(await decide(ids[1], "amend"), HttpStatusCode.Conflict);
    }
}
