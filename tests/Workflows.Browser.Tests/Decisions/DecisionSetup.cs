using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Workflows.Browser.Tests.Infrastructure;

namespace Workflows.Browser.Tests.Decisions;

/// <summary>
/// Brings a decision to the step a browser test is about through the public API, as the same people
/// would (those earlier steps have browser tests of their own), so each test spends its time on the pages it checks.
/// </summary>
public sealed class DecisionSetup(SimulatedClockBrowserHost host)
{
    public const string LeadUnit = "county-drc";
    public const string LegalOffice = "legal-office";

    public async Task<DateOnly> TodayAsync()
    {
        using var admin = await host.ApiClientAsync("admin");
        var clock = await admin.GetFromJsonAsync<JsonElement>("/api/clock");
        var now = DateTimeOffset.Parse(clock.GetProperty("now").GetString()!, CultureInfo.InvariantCulture).ToOffset(TimeSpan.FromHours(8));
        return DateOnly.FromDateTime(now.DateTime);
    }

    public async Task AdvanceAsync(string by)
    {
        using var admin = await host.ApiClientAsync("admin");
        (await admin.PostAsJsonAsync("/api/clock/advance", new { by })).EnsureSuccessStatusCode();
    }

    public async Task<Guid> ProposeAsync(string title)
    {
        var body = await SendAsync("owner", "/api/decisions", new JsonObject
        {
            ["title"] = title,
            ["catalogueYear"] = 2026,
            ["reasons"] = "城区停车供需矛盾突出，需统筹规划公共停车设施。",
            ["legalBasis"] = new JsonArray("《中华人民共和国价格法》第十八条"),
            ["firstPlan"] = "新建公共停车场三处，实行差别化收费。",
            ["marketActorsAffected"] = false,
        });
        return body.GetProperty("decision").GetProperty("id").GetGuid();
    }

    public static JsonObject AllApply(string expertField) => new()
    {
        ["publicParticipation"] = new JsonObject { ["applies"] = true },
        ["hearing"] = new JsonObject { ["applies"] = true },
        ["expertConsultation"] = new JsonObject { ["applies"] = true, ["fields"] = new JsonArray(expertField), ["count"] = 1 },
        ["riskAssessment"] = new JsonObject { ["applies"] = true },
    };

    /// <summary>Only the risk assessment applies (by the lead unit itself), so drafting leads to it and on to legality review.</summary>
    public static JsonObject OnlyRisk() => new()
    {
        ["publicParticipation"] = new JsonObject { ["applies"] = false, ["notDisclosable"] = true, ["reason"] = "涉及国家秘密，依法不予公开。" },
        ["hearing"] = new JsonObject { ["applies"] = false, ["reason"] = "法律法规未要求听证。" },
        ["expertConsultation"] = new JsonObject { ["applies"] = false, ["reason"] = "不属于专业性、技术性较强的事项。" },
        ["riskAssessment"] = new JsonObject { ["applies"] = true },
    };

    public async Task StartAsync(Guid id, JsonObject applicability) =>
        await SendAsync("leader", $"/api/decisions/{id}/start-decision", new JsonObject
        {
            ["started"] = true,
            ["decidedOn"] = Day(await TodayAsync()),
            ["meeting"] = "县政府常务会议",
            ["leadUnit"] = LeadUnit,
            ["applicability"] = applicability,
            ["commentPeriodDays"] = 30,
        });

    public async Task DraftAsync(Guid id)
    {
        var draft = await UploadAsync(id, "owner", "draft", "停车收费标准调整方案（草案）");
        await SendAsync("owner", $"/api/decisions/{id}/draft", new JsonObject
        {
            ["draftDocumentId"] = draft,
            ["explanation"] = "起草说明：依据上位法，结合城区停车现状拟订本方案。",
            ["legalBasis"] = new JsonArray("《中华人民共和国价格法》第十八条"),
            ["viewsDiffer"] = false,
        });
    }

    public Task RiskAsync(Guid id) => SendAsync("owner", $"/api/decisions/{id}/risk-assessment", new JsonObject
    {
        ["assessorUnit"] = LeadUnit,
        ["riskPoints"] = new JsonArray(new JsonObject { ["description"] = "收费调整可能引发周边居民不满" }),
        ["mitigations"] = new JsonArray("分阶段实施"),
        ["contingencyPlan"] = "设立投诉热线，必要时暂缓执行。",
        ["level"] = "low",
    });

    public Task SubmitAsync(Guid id) =>
        SendAsync("owner", $"/api/decisions/{id}/legality-submission", new JsonObject { ["legalBasis"] = new JsonArray("《中华人民共和国价格法》第十八条") });

    /// <summary>From a new proposal to the legality review: start, draft, risk assessment, submission.</summary>
    public async Task<Guid> UpToLegalityReviewAsync(string title)
    {
        var id = await ProposeAsync(title);
        await StartAsync(id, OnlyRisk());
        await DraftAsync(id);
        await RiskAsync(id);
        await SubmitAsync(id);
        return id;
    }

    /// <summary>On from the legality review: a lawful opinion, the materials, an adopting meeting that reports every three months, the report and the publication.</summary>
    public async Task PublishAsync(Guid id)
    {
        var today = await TodayAsync();
        var opinion = await UploadAsync(id, "legal", "legality-opinion", "经审查，合法。");
        await SendAsync("legal", $"/api/decisions/{id}/legality-opinion", new JsonObject
        {
            ["opinion"] = "lawful",
            ["reasons"] = "经审查，决策草案符合法定权限和程序。",
            ["opinionDocumentId"] = opinion,
            ["shortenReason"] = "审查已完成。",
        });
        await SendAsync("owner", $"/api/decisions/{id}/meeting-materials", new JsonObject { ["note"] = "材料已齐备。" });
        await SendAsync("leader", $"/api/decisions/{id}/meeting-record", new JsonObject
        {
            ["meetingType"] = "executive",
            ["meetingDate"] = Day(today),
            ["meetingName"] = "县人民政府第12次常务会议",
            ["presidedBy"] = "县长",
            ["attendees"] = new JsonArray(new JsonObject { ["name"] = "县长", ["position"] = "县长" }, new JsonObject { ["name"] = "副县长甲", ["position"] = "常务副县长" }),
            ["views"] = new JsonArray(
                new JsonObject { ["name"] = "县长", ["position"] = "support", ["opinion"] = "同意。" },
                new JsonObject { ["name"] = "副县长甲", ["position"] = "support", ["opinion"] = "同意。" }),
            ["outcome"] = "adopt",
            ["execution"] = new JsonObject
            {
                ["executingUnit"] = LeadUnit,
                ["goals"] = new JsonArray(new JsonObject { ["goal"] = "三处停车场建成投用", ["deadline"] = Day(today.AddMonths(6)) }),
                ["reportEvery"] = "P3M",
                ["evaluationAfter"] = "P1Y",
                ["evaluatorUnit"] = LegalOffice,
            },
        });
        await SendAsync("leader", $"/api/decisions/{id}/party-report", new JsonObject
        {
            ["reportedOn"] = Day(today), ["reportedTo"] = "中共柳江县委", ["form"] = "report", ["summary"] = "报告决策情况。",
        });
        await SendAsync("leader", $"/api/decisions/{id}/publication", new JsonObject
        {
            ["publishedOn"] = Day(today),
            ["channels"] = new JsonArray(new JsonObject { ["name"] = "县人民政府门户网站" }),
        });
    }

    /// <summary>An expert of the pool with the demo account <c>expert</c>, and one of the same field who works for the lead unit (so is excluded).</summary>
    public async Task StockExpertsAsync(string field)
    {
        foreach (var (name, organisation, userName) in new[] { ("周明", "市交通科学研究所", "expert"), ("郑强", "柳江县发展和改革局", "reviewer") })
        {
            await SendAsync("legal", "/api/experts", new JsonObject
            {
                ["name"] = name,
                ["fields"] = new JsonArray(field),
                ["organisation"] = organisation,
                ["email"] = $"{userName}@example.gov.cn",
                ["userName"] = userName,
            });
        }
    }

    /// <summary>The consultation the draft opened, once the outbox has stored it for the public.</summary>
    public async Task<Guid> ConsultationAsync(Guid id)
    {
        using var admin = await host.ApiClientAsync("admin");
        var variables = (await admin.GetFromJsonAsync<JsonElement>($"/api/instances/{id}")).GetProperty("variables");
        var consultationId = Guid.Parse(variables.GetProperty("consultationId").GetString()!);
        using var visitor = host.CreateClient();
        // Up to a minute: on a loaded CI machine Hangfire's outbox run can lag well behind the step.
        for (var attempt = 0; attempt < 600; attempt++)
        {
            if ((await visitor.GetAsync($"/api/public/consultations/{consultationId}")).IsSuccessStatusCode)
            {
                return consultationId;
            }
            await Task.Delay(100); // the outbox stores the consultation just after the step commits
        }
        throw new InvalidOperationException($"Consultation {consultationId} never reached the public register.");
    }

    /// <summary>A member of the public comments without signing in.</summary>
    public async Task CommentAsync(Guid consultationId, string content)
    {
        using var visitor = host.CreateClient();
        var response = await visitor.PostAsJsonAsync($"/api/public/consultations/{consultationId}/comments", new { name = "张女士", contact = "13800000000", content });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task<string> UploadAsync(Guid id, string user, string kind, string text)
    {
        using var client = await host.ApiClientAsync(user);
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(file, "file", $"{kind}.txt");
        form.Add(new StringContent(kind), "kind");
        var response = await client.PostAsync($"/api/decisions/{id}/documents", form);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
    }

    private async Task<JsonElement> SendAsync(string user, string path, JsonObject body)
    {
        using var client = await host.ApiClientAsync(user);
        var response = await client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement;
    }

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
