using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Workflows.Host.Tests.Infrastructure;

namespace Workflows.Host.Tests.MajorDecisions;

/// <summary>Drives major decisions through the API as the demo county's people would.</summary>
public sealed partial class DecisionDriver(HostFactory host)
{
    public const string LeadUnit = "county-drc";
    public const string LegalOffice = "legal-office";

    public async Task<HttpClient> As(string user) => await host.ClientForAsync(user);

    public async Task<DateOnly> TodayAsync()
    {
        using var admin = await As("admin");
        var clock = await admin.GetFromJsonAsync<JsonElement>("/api/clock");
        var now = DateTimeOffset.Parse(clock.GetProperty("now").GetString()!, CultureInfo.InvariantCulture).ToOffset(TimeSpan.FromHours(8));
        return DateOnly.FromDateTime(now.DateTime);
    }

    public async Task AdvanceAsync(string by)
    {
        using var admin = await As("admin");
        (await admin.PostAsJsonAsync("/api/clock/advance", new { by })).EnsureSuccessStatusCode();
    }

    public static JsonObject Proposal(string title, bool marketActors = false) => new()
    {
        ["title"] = title,
        ["catalogueYear"] = 2026,
        ["reasons"] = "城区停车供需矛盾突出，需统筹规划公共停车设施。",
        ["legalBasis"] = new JsonArray("《中华人民共和国城乡规划法》", "《重大行政决策程序暂行条例》"),
        ["firstPlan"] = "新建公共停车场三处，实行差别化收费。",
        ["marketActorsAffected"] = marketActors,
    };

    public static JsonObject AllApply(int commentDays = 30) => new()
    {
        ["publicParticipation"] = new JsonObject { ["applies"] = true },
        ["hearing"] = new JsonObject { ["applies"] = true },
        ["expertConsultation"] = new JsonObject { ["applies"] = true, ["fields"] = new JsonArray("城市规划", "交通"), ["count"] = 2 },
        ["riskAssessment"] = new JsonObject { ["applies"] = true },
    };

    public static JsonObject NoneApply() => new()
    {
        ["publicParticipation"] = new JsonObject { ["applies"] = false, ["notDisclosable"] = true, ["reason"] = "涉及国家秘密，依法不予公开。" },
        ["hearing"] = new JsonObject { ["applies"] = false, ["reason"] = "法律法规未要求听证。" },
        ["expertConsultation"] = new JsonObject { ["applies"] = false, ["reason"] = "不属于专业性、技术性较强的事项。" },
        ["riskAssessment"] = new JsonObject { ["applies"] = false, ["reason"] = "不涉及社会稳定、公共安全。" },
    };

    public static JsonObject StartDecision(DateOnly today, JsonObject applicability) => new()
    {
        ["started"] = true,
        ["decidedOn"] = Day(today),
        ["meeting"] = "县政府常务会议",
        ["leadUnit"] = LeadUnit,
        ["applicability"] = applicability,
        ["commentPeriodDays"] = 30,
    };

    public async Task<Guid> ProposeAsync(string title, bool marketActors = false)
    {
        using var owner = await As("owner");
        var response = await owner.PostAsJsonAsync("/api/decisions", Proposal(title, marketActors));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("decision").GetProperty("id").GetGuid();
    }

    /// <summary>Posts a step's record as <paramref name="user"/>; asserts the status and returns the body.</summary>
    public async Task<JsonElement> RecordAsync(Guid id, string route, string user, JsonObject record, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var client = await As(user);
        var response = await client.PostAsJsonAsync($"/api/decisions/{id}/{route}", record);
        if (expected != HttpStatusCode.OK)
        {
            return await Problem.AssertAsync(response, expected);
        }
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{route}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    public async Task<JsonElement> CompleteStepAsync(Guid id, string activityId, string user, object? body = null, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var client = await As(user);
        var response = await client.PostAsJsonAsync($"/api/decisions/{id}/steps/{activityId}/complete", body ?? new { });
        if (expected != HttpStatusCode.OK)
        {
            return await Problem.AssertAsync(response, expected);
        }
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{activityId}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    /// <summary>Uploads a small text document and returns its id.</summary>
    public async Task<string> UploadAsync(Guid id, string user, string kind, string text)
    {
        using var client = await As(user);
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

    public async Task<JsonElement> GetAsync(Guid id, string user = "owner")
    {
        using var client = await As(user);
        return await client.GetFromJsonAsync<JsonElement>($"/api/decisions/{id}");
    }

    public static IReadOnlyList<string> OpenSteps(JsonElement detail) =>
        [.. detail.GetProperty("openSteps").EnumerateArray().Select(s => s.GetProperty("activityId").GetString()!).Order()];

    public async Task<IReadOnlyList<string>> OpenStepsAsync(Guid id) => OpenSteps(await GetAsync(id));

    public static JsonObject Draft(string documentId, string? changes = null)
    {
        var draft = new JsonObject
        {
            ["draftDocumentId"] = documentId,
            ["explanation"] = "起草说明：依据上位法，结合城区停车现状拟订本方案。",
            ["legalBasis"] = new JsonArray("《中华人民共和国城乡规划法》"),
            ["viewsDiffer"] = true,
            ["options"] = new JsonArray("方案一：新建三处停车场", "方案二：改造既有停车设施"),
            ["consultedUnits"] = new JsonArray(new JsonObject { ["unit"] = "县交通运输局", ["opinion"] = "同意方案一。" }),
        };
        if (changes is not null)
        {
            draft["changes"] = changes;
        }
        return draft;
    }

    public static JsonObject Risk(string level, string assessorUnit = LeadUnit) => new()
    {
        ["assessorUnit"] = assessorUnit,
        ["riskPoints"] = new JsonArray(new JsonObject { ["description"] = "收费调整可能引发周边居民不满", ["likelihood"] = "中" }),
        ["mitigations"] = new JsonArray("分阶段实施", "设置居民优惠时段"),
        ["contingencyPlan"] = "设立投诉热线，出现群体性事件苗头时暂停收费调整。",
        ["level"] = level,
    };

    public static JsonObject Opinion(string opinion, string documentId, string? shortenReason = null)
    {
        var record = new JsonObject
        {
            ["opinion"] = opinion,
            ["reasons"] = "经审查，决策草案符合法定权限和程序。",
            ["opinionDocumentId"] = documentId,
        };
        if (opinion == "lawful-after-changes")
        {
            record["requiredChanges"] = new JsonArray("删除第五条关于强制拖移的规定。");
        }
        if (shortenReason is not null)
        {
            record["shortenReason"] = shortenReason;
        }
        return record;
    }

    public static JsonObject Meeting(DateOnly day, string outcome, string support = "support", string? headReasons = null, string evaluatorUnit = LegalOffice) => new()
    {
        ["meetingType"] = "executive",
        ["meetingDate"] = Day(day),
        ["meetingName"] = "县人民政府第12次常务会议",
        ["presidedBy"] = "县长",
        ["attendees"] = new JsonArray(
            new JsonObject { ["name"] = "县长", ["position"] = "县长" },
            new JsonObject { ["name"] = "副县长甲", ["position"] = "常务副县长" },
            new JsonObject { ["name"] = "副县长乙", ["position"] = "副县长" }),
        ["views"] = new JsonArray(
            new JsonObject { ["name"] = "县长", ["position"] = "support", ["opinion"] = "同意。" },
            new JsonObject { ["name"] = "副县长甲", ["position"] = support, ["opinion"] = "意见。" },
            new JsonObject { ["name"] = "副县长乙", ["position"] = support, ["opinion"] = "意见。" }),
        ["outcome"] = outcome,
        ["headReasons"] = headReasons,
        ["execution"] = new JsonObject
        {
            ["executingUnit"] = LeadUnit,
            ["goals"] = new JsonArray(new JsonObject { ["goal"] = "三处停车场建成投用", ["deadline"] = Day(day.AddMonths(6)) }),
            ["reportEvery"] = "P3M",
            ["evaluationAfter"] = "P1Y",
            ["evaluatorUnit"] = evaluatorUnit,
        },
    };

    public static JsonObject Submission() => new() { ["legalBasis"] = new JsonArray("《中华人民共和国城乡规划法》第十条") };

    public static JsonObject Publication(DateOnly day) => new()
    {
        ["publishedOn"] = Day(day),
        ["channels"] = new JsonArray(new JsonObject { ["name"] = "县人民政府门户网站", ["url"] = "http://www.example.gov.cn/zwgk/2026/1.html" }),
        ["documentNumber"] = "县政发〔2026〕5号",
    };

    public static JsonObject PartyReport(DateOnly day) => new()
    {
        ["reportedOn"] = Day(day), ["reportedTo"] = "中共某县委员会", ["form"] = "report", ["summary"] = "报告决策情况。",
    };

    public static JsonObject Evaluation(string reportId, string unit) => new()
    {
        ["evaluatorUnit"] = unit,
        ["conclusion"] = "决策目标基本实现，收费标准宜适当下调。",
        ["recommendation"] = "adjust",
        ["reportDocumentId"] = reportId,
    };

    /// <summary>The hearing's completion: notice, date and participants (the signed record is an uploaded document).</summary>
    public static object Hearing(DateOnly noticeDay, DateOnly hearingDay) => new
    {
        variables = new { hearingDate = Day(hearingDay), noticePublishedOn = Day(noticeDay), hearingParticipants = new[] { "居民代表 赵某", "停车企业代表 钱某" } },
    };

    /// <summary>The contents of the records of one kind in a decision's detail, oldest first.</summary>
    public static IEnumerable<JsonElement> Records(JsonElement detail, string kind) =>
        detail.GetProperty("records").EnumerateArray().Where(r => r.GetProperty("kind").GetString() == kind).Select(r => r.GetProperty("content"));

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
