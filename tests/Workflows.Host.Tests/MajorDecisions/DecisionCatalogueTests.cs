using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Workflows.Host.Tests.Infrastructure;

namespace Workflows.Host.Tests.MajorDecisions;

/// <summary>The yearly catalogue of major decision matters: reasons for every change, collective decisions after publication, .xlsx export.</summary>
public sealed class DecisionCatalogueTests(MajorDecisionHostFactory host) : IClassFixture<MajorDecisionHostFactory>
{
    private readonly DecisionDriver _d = new(host);

    [Fact]
    public async Task Catalogue_IsAdjustedOnlyByCollectiveDecisionAfterPublication_AndExportsEveryChange()
    {
        using var leader = await _d.As("leader");
        using var owner = await _d.As("owner");
        Assert.Equal(HttpStatusCode.Created, (await leader.PostAsJsonAsync("/api/decision-catalogues/2027", new { })).StatusCode);
        await Problem.AssertAsync(await leader.PostAsJsonAsync("/api/decision-catalogues/2027", new { }), HttpStatusCode.Conflict);
        await Problem.AssertAsync(await owner.PostAsJsonAsync("/api/decision-catalogues/2027/items", Item("不应加入")), HttpStatusCode.Forbidden);

        var noReason = await Problem.AssertAsync(await leader.PostAsJsonAsync("/api/decision-catalogues/2027/items",
            new { title = "编制县国土空间总体规划", leadUnit = "no-such-unit" }), HttpStatusCode.BadRequest);
        Assert.Equal(["leadUnit", "reason"], Problem.Targets(noReason).Order());
        var added = await Json(await leader.PostAsJsonAsync("/api/decision-catalogues/2027/items", Item("编制县国土空间总体规划")));
        var firstId = added.GetProperty("items")[0].GetProperty("id").GetString();

        var notAgreed = await Problem.AssertAsync(await leader.PostAsJsonAsync("/api/decision-catalogues/2027/publish", new { }), HttpStatusCode.BadRequest);
        Assert.Equal(["partyCommitteeAgreedOn"], Problem.Targets(notAgreed));
        var published = await Json(await leader.PostAsJsonAsync("/api/decision-catalogues/2027/publish", new { partyCommitteeAgreedOn = "2026-03-01" }));
        Assert.Equal("Published", published.GetProperty("status").GetString());

        var withoutMeeting = await Problem.AssertAsync(await leader.PostAsJsonAsync("/api/decision-catalogues/2027/items", Item("调整公交票价")), HttpStatusCode.BadRequest);
        Assert.Equal(["collectiveDecision"], Problem.Targets(withoutMeeting));
        var meeting = new JsonObject { ["meetingType"] = "executive", ["meetingDate"] = "2026-03-02", ["reference"] = "县政府第3次常务会议" };
        var second = Item("调整公交票价");
        second["collectiveDecision"] = meeting.DeepClone();
        await Json(await leader.PostAsJsonAsync("/api/decision-catalogues/2027/items", second));
        var removal = new JsonObject { ["reason"] = "上级规划尚未批复，调出本年度目录。", ["collectiveDecision"] = meeting.DeepClone() };
        var final = await Json(await leader.PostAsJsonAsync($"/api/decision-catalogues/2027/items/{firstId}/remove", removal));
        Assert.Equal(["create", "add", "publish", "add", "remove"], final.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("action").GetString()));
        Assert.Equal("县政府第3次常务会议", final.GetProperty("changes")[4].GetProperty("meetingReference").GetString());

        var export = await leader.GetAsync("/api/decision-catalogues/2027/export");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("2027年度重大行政决策事项目录.xlsx", export.Content.Headers.ContentDisposition?.FileNameStar);
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(await export.Content.ReadAsByteArrayAsync()), isEditable: false);
        var sheets = workbook.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal(["事项目录", "调整记录"], sheets.Select(s => s.Name!.Value));
        var items = Texts(workbook, sheets[0]);
        Assert.Equal("县人民政府2027年度重大行政决策事项目录", items[0][0]);
        Assert.Contains(items, row => row.SequenceEqual(["1", "编制县国土空间总体规划", "县发展和改革局", "《中华人民共和国土地管理法》", "2027年第四季度", "已调出", ""]));
        Assert.Contains(items, row => row.Length == 7 && row[1] == "调整公交票价" && row[5] == "在目录中");
        var changes = Texts(workbook, sheets[1]);
        Assert.Contains(changes, row => row.Length == 6 && row[1] == "调出事项" && row[3] == "上级规划尚未批复，调出本年度目录。" && row[4] == "常务会议 2026-03-02 县政府第3次常务会议");
    }

    [Fact]
    public async Task Proposal_RefersToACatalogueMatter_OnlyWhileItIsInTheCatalogue()
    {
        using var leader = await _d.As("leader");
        await leader.PostAsJsonAsync("/api/decision-catalogues/2026", new { });
        var catalogue = await Json(await leader.PostAsJsonAsync("/api/decision-catalogues/2026/items", Item("建设城区公共停车场")));
        var itemId = catalogue.GetProperty("items").EnumerateArray().Last().GetProperty("id").GetString()!;
        using var owner = await _d.As("owner");
        var proposal = DecisionDriver.Proposal("关于建设城区公共停车场的决策");
        proposal["catalogueItemId"] = itemId;

        var created = await Json(await owner.PostAsJsonAsync("/api/decisions", proposal), HttpStatusCode.Created);
        Assert.Equal(itemId, created.GetProperty("decision").GetProperty("catalogueItemId").GetString());

        await leader.PostAsJsonAsync($"/api/decision-catalogues/2026/items/{itemId}/remove", new { reason = "并入其他事项。" });
        var refused = await Problem.AssertAsync(await owner.PostAsJsonAsync("/api/decisions", proposal), HttpStatusCode.BadRequest);
        Assert.Equal(["catalogueItemId"], Problem.Targets(refused));
        var listed = await owner.GetFromJsonAsync<JsonElement>("/api/decisions?year=2026&status=Proposed");
        Assert.Contains(listed.EnumerateArray(), d => d.GetProperty("catalogueItemId").GetString() == itemId);
    }

    private static JsonObject Item(string title) => new()
    {
        ["title"] = title,
        ["leadUnit"] = DecisionDriver.LeadUnit,
        ["legalBasis"] = "《中华人民共和国土地管理法》",
        ["plannedCompletion"] = "2027年第四季度",
        ["reason"] = "经各部门申报、县政府研究列入。",
    };

    private static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static List<string[]> Texts(SpreadsheetDocument workbook, Sheet sheet)
    {
        var part = (WorksheetPart)workbook.WorkbookPart!.GetPartById(sheet.Id!);
        return [.. part.Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c => c.InlineString?.InnerText ?? "").ToArray())];
    }
}
