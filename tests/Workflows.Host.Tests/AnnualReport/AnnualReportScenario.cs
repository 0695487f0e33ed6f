using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Workflows.Host.Tests.Infrastructure;
using Workflows.Host.Tests.NormativeDocuments;

namespace Workflows.Host.Tests.AnnualReport;

/// <summary>
/// A known year of records, made through the API as the demo county's people would make them, from
/// Monday 2 March 2026: three major decisions and three normative documents, some on time and
/// some late. The figures the tests expect follow from these steps alone.
/// </summary>
public sealed class AnnualReportScenario(HostFactory host)
{
    private readonly NormativeFlow _flow = new(host);

    public NormativeFlow Flow => _flow;

    public async Task BuildAsync()
    {
        // Normative documents: three reach registration on 2026-03-16 (reviewed lawful within the window).
        var documents = await _flow.DriveToRegistrationAsync(
            ("county-gov", "关于加强城区停车管理的通知"), ("county-gov", "关于规范农村宅基地审批的通知"), ("county-gov", "关于调整最低生活保障标准的通知"));
        foreach (var (id, _) in documents)
        {
            var registered = await _flow.RegisterAsync(id);
            Assert.True(registered.StatusCode == HttpStatusCode.OK, await registered.Content.ReadAsStringAsync());
        }
        // The first two are published at once; the first is filed with both bodies the same day.
        await _flow.PublishAsync(documents[0].Id, "柳江县人民政府门户网站");
        await _flow.PublishAsync(documents[1].Id, "柳江县人民政府门户网站");
        await _flow.FileAsync(documents[0].Id, "higher-government");
        await _flow.FileAsync(documents[0].Id, "congress-standing-committee");

        // Major decisions: one adopted after a risk assessment and a legality review, one left in review, one only proposed.
        var adopted = await ProposeAsync("关于实施城区老旧小区改造的决策");
        await StartAsync(adopted, riskAssessment: true);
        await DraftAsync(adopted);
        await RecordAsync(adopted, "risk-assessment", "owner", new JsonObject
        {
            ["assessorUnit"] = "county-drc",
            ["riskPoints"] = new JsonArray(new JsonObject { ["description"] = "施工期间影响居民出行", ["likelihood"] = "中" }),
            ["mitigations"] = new JsonArray("分片施工"),
            ["contingencyPlan"] = "设立临时通道。",
            ["level"] = "medium",
        });
        await SubmitForReviewAsync(adopted);
        var inReview = await ProposeAsync("关于设立县城市建设投资公司的决策");
        await StartAsync(inReview, riskAssessment: false);
        await DraftAsync(inReview);
        await SubmitForReviewAsync(inReview);
        await ProposeAsync("关于调整城区公交线路的决策");

        await _flow.AdvanceByAsync("P14D"); // 2026-03-30: the review window (7 working days) has run
        var today = await _flow.TodayAsync();
        var opinion = await UploadAsync(adopted, "legal", "legality-opinion", "合法性审查意见书");
        await RecordAsync(adopted, "legality-opinion", "legal", new JsonObject
        {
            ["opinion"] = "lawful", ["reasons"] = "经审查，决策草案符合法定权限和程序。", ["opinionDocumentId"] = opinion,
        });
        await RecordAsync(adopted, "meeting-materials", "owner", []);
        await RecordAsync(adopted, "meeting-record", "leader", Meeting(today));

        // The second document is filed late: its 30 days ran out on 2026-04-15.
        await _flow.AdvanceToAsync(NormativeFlow.Beijing(2026, 4, 20));
        await _flow.FileAsync(documents[1].Id, "higher-government");
        await _flow.FileAsync(documents[1].Id, "congress-standing-committee");
    }

    public async Task<JsonElement> FiguresAsync(int year, string user = "legal")
    {
        using var client = await _flow.As(user);
        var response = await client.GetAsync($"/api/annual-reports/{year}/figures");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The figures of 2026 after <see cref="BuildAsync"/>, however late in the year they are read.</summary>
    public static void AssertFiguresOf2026(JsonElement figures)
    {
        Assert.Equal(2026, figures.GetProperty("year").GetInt32());
        var decisions = figures.GetProperty("decisions");
        Assert.Equal((3, 2, 1, 0), (Int(decisions, "proposed"), Int(decisions, "started"), Int(decisions, "decided"), Int(decisions, "published")));
        Assert.Equal((0, 0, 0, 1, 1),
            (Int(decisions, "publicParticipation"), Int(decisions, "hearing"), Int(decisions, "expertConsultation"), Int(decisions, "riskAssessment"), Int(decisions, "legalityReview")));
        var reviews = figures.GetProperty("legalityReviews");
        // Opinions: one on a decision, three on documents; to review: one decision adopted and three documents registered, all reviewed.
        Assert.Equal((1, 3, 4, 4, 4), (Int(reviews, "decisionReviews"), Int(reviews, "documentReviews"), Int(reviews, "total"), Int(reviews, "subjects"), Int(reviews, "reviewed")));
        Assert.Equal(100m, reviews.GetProperty("rate").GetDecimal());
        var documents = figures.GetProperty("normativeDocuments");
        Assert.Equal((3, 2, 1, 1, 0, 0),
            (Int(documents, "registered"), Int(documents, "published"), Int(documents, "filedOnTime"), Int(documents, "filedLate"), Int(documents, "notFiled"), Int(documents, "expired")));
    }

    public static int Int(JsonElement element, string name) => element.GetProperty(name).GetInt32();

    private async Task<Guid> ProposeAsync(string title)
    {
        using var owner = await _flow.As("owner");
        var response = await owner.PostAsJsonAsync("/api/decisions", new JsonObject
        {
            ["title"] = title,
            ["catalogueYear"] = 2026,
            ["reasons"] = "群众反映强烈，确有必要。",
            ["legalBasis"] = new JsonArray("《重大行政决策程序暂行条例》"),
            ["firstPlan"] = "分步实施。",
            ["marketActorsAffected"] = false,
        });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("decision").GetProperty("id").GetGuid();
    }

    private async Task StartAsync(Guid id, bool riskAssessment)
    {
        var today = await _flow.TodayAsync();
        await RecordAsync(id, "start-decision", "leader", new JsonObject
        {
            ["started"] = true,
            ["decidedOn"] = today.ToString("yyyy-MM-dd"),
            ["meeting"] = "县政府常务会议",
            ["leadUnit"] = "county-drc",
            ["commentPeriodDays"] = 30,
            ["applicability"] = new JsonObject
            {
                ["publicParticipation"] = new JsonObject { ["applies"] = false, ["notDisclosable"] = true, ["reason"] = "涉及国家秘密，依法不予公开。" },
                ["hearing"] = new JsonObject { ["applies"] = false, ["reason"] = "法律法规未要求听证。" },
                ["expertConsultation"] = new JsonObject { ["applies"] = false, ["reason"] = "不属于专业性、技术性较强的事项。" },
                ["riskAssessment"] = riskAssessment
                    ? new JsonObject { ["applies"] = true }
                    : new JsonObject { ["applies"] = false, ["reason"] = "不涉及社会稳定、公共安全。" },
            },
        });
    }

    private async Task DraftAsync(Guid id)
    {
        var draft = await UploadAsync(id, "owner", "draft", "决策草案");
        await RecordAsync(id, "draft", "owner", new JsonObject
        {
            ["draftDocumentId"] = draft,
            ["explanation"] = "起草说明。",
            ["legalBasis"] = new JsonArray("《重大行政决策程序暂行条例》"),
            ["viewsDiffer"] = false,
            ["consultedUnits"] = new JsonArray(new JsonObject { ["unit"] = "县财政局", ["opinion"] = "同意。" }),
        });
    }

    private Task SubmitForReviewAsync(Guid id) =>
        RecordAsync(id, "legality-submission", "owner", new JsonObject { ["legalBasis"] = new JsonArray("《重大行政决策程序暂行条例》第二十五条") });

    private static JsonObject Meeting(DateOnly day) => new()
    {
        ["meetingType"] = "executive",
        ["meetingDate"] = day.ToString("yyyy-MM-dd"),
        ["meetingName"] = "县人民政府第5次常务会议",
        ["presidedBy"] = "县长",
        ["attendees"] = new JsonArray(new JsonObject { ["name"] = "县长", ["position"] = "县长" }, new JsonObject { ["name"] = "副县长", ["position"] = "副县长" }),
        ["views"] = new JsonArray(
            new JsonObject { ["name"] = "县长", ["position"] = "support", ["opinion"] = "同意。" },
            new JsonObject { ["name"] = "副县长", ["position"] = "support", ["opinion"] = "同意。" }),
        ["outcome"] = "adopt",
        ["execution"] = new JsonObject
        {
            ["executingUnit"] = "county-drc",
            ["goals"] = new JsonArray(new JsonObject { ["goal"] = "完成改造", ["deadline"] = day.AddMonths(6).ToString("yyyy-MM-dd") }),
            ["reportEvery"] = "P6M",
            ["evaluationAfter"] = "P2Y",
            ["evaluatorUnit"] = "legal-office",
        },
    };

    private async Task RecordAsync(Guid id, string route, string user, JsonObject record)
    {
        using var client = await _flow.As(user);
        var response = await client.PostAsJsonAsync($"/api/decisions/{id}/{route}", record);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{route}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private async Task<string> UploadAsync(Guid id, string user, string kind, string text)
    {
        using var client = await _flow.As(user);
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(file, "file", $"{kind}.txt");
        form.Add(new StringContent(kind), "kind");
        var response = await client.PostAsync($"/api/decisions/{id}/documents", form);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
    }
}
