using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workflows.Host.Tests.Infrastructure;
using Workflows.Host.Tests.NormativeDocuments;

namespace Workflows.Host.Tests.AnnualReport;

/// <summary>
/// The report on 2025, started by hand in March 2026 (the scheduler had not), routed through drafting,
/// the legal affairs office, the leader, the report to the Party committee and the people's congress
/// standing committee, and publication by 1 April, on the simulated clock; and the API's refusals.
/// </summary>
public sealed class AnnualReportRoutingTests(AnnualReportRoutingHostFactory host) : IClassFixture<AnnualReportRoutingHostFactory>
{
    private readonly NormativeFlow _flow = new(host);

    [Fact]
    public async Task Report_RunsFromDraftToPublication_WithEveryStepRecorded()
    {
        using var legal = await _flow.As("legal");
        var started = await legal.PostAsJsonAsync("/api/annual-reports", new { year = 2025 });
        Assert.True(started.StatusCode == HttpStatusCode.Created, await started.Content.ReadAsStringAsync());
        var instance = Assert.Single((await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("started").EnumerateArray()).GetGuid();
        await Problem.AssertAsync(await legal.PostAsJsonAsync("/api/annual-reports", new { year = 2025 }), HttpStatusCode.Conflict);

        // Drafting: the generated draft is in the case file; asking again counts anew and adds a second one.
        await AnnualReportFiguresTests.WaitForDraftAsync(_flow, 2025);
        var first = await DraftBytesAsync();
        AnnualReportDocx.AssertFiveParts(AnnualReportDocx.Paragraphs(first));
        Assert.Equal("柳江县人民政府关于2025年度法治政府建设情况的报告", AnnualReportDocx.Paragraphs(first)[0]);
        await CompleteOkAsync("reviewer", instance, "drafting", "regenerate");
        await AnnualReportFiguresTests.WaitForDraftAsync(_flow, 2025, drafts: 2);
        var forged = await CompleteAsync("reviewer", instance, "drafting", "submit", new { coveredYear = 2019 });
        Assert.Equal(["variables.coveredYear"], Problem.Targets(await Problem.AssertAsync(forged, HttpStatusCode.BadRequest)));
        await CompleteOkAsync("reviewer", instance, "drafting", "submit");

        // The legal affairs office reviews, with an opinion; a return goes back to drafting.
        await Problem.AssertAsync(await CompleteAsync("owner", instance, "legal-review", "approve", new { reviewOpinion = "同意" }), HttpStatusCode.Forbidden);
        var bare = await CompleteAsync("legal", instance, "legal-review", "approve");
        Assert.Equal(["variables.reviewOpinion"], Problem.Targets(await Problem.AssertAsync(bare, HttpStatusCode.BadRequest)));
        await CompleteOkAsync("legal", instance, "legal-review", "return", new { reviewOpinion = "请补充行政复议案件情况。" });
        Assert.Equal(["drafting"], await _flow.ActiveAsync(instance));
        await CompleteOkAsync("reviewer", instance, "drafting", "submit");
        await CompleteOkAsync("legal", instance, "legal-review", "approve", new { reviewOpinion = "数据准确，同意报送。" });
        await CompleteOkAsync("leader", instance, "leader-approval", "approve", new { approvalOpinion = "同意。" });

        // The report to both bodies: when, and to whom — the standing committee cannot be left out.
        var submission = await StepAsync(instance, "submission");
        Assert.Equal("2026-03-31", Day(submission.GetProperty("dueAt")));
        var noRecord = await CompleteAsync("reviewer", instance, "submission");
        Assert.Equal(["variables.submission"], Problem.Targets(await Problem.AssertAsync(noRecord, HttpStatusCode.BadRequest)));
        var partyOnly = await CompleteAsync("reviewer", instance, "submission", null,
            new { submission = new { submittedOn = "2026-03-02", recipients = new[] { "party-committee" } } });
        Assert.Equal(["variables.submission.recipients"], Problem.Targets(await Problem.AssertAsync(partyOnly, HttpStatusCode.BadRequest)));
        var future = await CompleteAsync("reviewer", instance, "submission", null,
            new { submission = new { submittedOn = "2026-03-09", recipients = new[] { "party-committee", "congress-standing-committee" } } });
        Assert.Equal(["variables.submission.submittedOn"], Problem.Targets(await Problem.AssertAsync(future, HttpStatusCode.BadRequest)));
        await CompleteOkAsync("reviewer", instance, "submission", null,
            new { submission = new { submittedOn = "2026-03-02", recipients = new[] { "party-committee", "congress-standing-committee", "higher-government" } } });

        // Publication by 1 April: reminded before, escalated after; it closes only with where and when.
        var publication = await StepAsync(instance, "publication");
        Assert.Equal("2026-04-01", Day(publication.GetProperty("dueAt")));
        await _flow.AdvanceToAsync(NormativeFlow.Beijing(2026, 4, 3, 12));
        // The reminder reaches the inbox through the outbox, which Hangfire drains in the background.
        await NormativeFlow.WaitUntilAsync(async () => (await _flow.InboxAsync("reviewer")).Any(n => n.GetProperty("kind").GetString() == "reminder"
            && n.GetProperty("taskId").ValueKind == JsonValueKind.String
            && n.GetProperty("taskId").GetGuid() == publication.GetProperty("id").GetGuid()), "the publication reminder in the reviewer's inbox");
        using (var admin = await _flow.As("admin"))
        {
            var tasks = await admin.GetFromJsonAsync<JsonElement>($"/api/tasks?instanceId={instance}");
            Assert.Contains(tasks.EnumerateArray(), t => t.GetProperty("kind").GetString() == "Escalation"
                && t.GetProperty("parentTaskId").GetGuid() == publication.GetProperty("id").GetGuid());
        }
        var beforeSubmission = await CompleteAsync("reviewer", instance, "publication", null,
            new { publication = new { publishedOn = "2026-03-01", channel = "柳江县人民政府门户网站", url = "https://www.example.gov.cn/fzzf/2025.html" } });
        Assert.Equal(["variables.publication.publishedOn"], Problem.Targets(await Problem.AssertAsync(beforeSubmission, HttpStatusCode.BadRequest)));
        var noUrl = await CompleteAsync("reviewer", instance, "publication", null,
            new { publication = new { publishedOn = "2026-04-02", channel = "柳江县人民政府门户网站", url = "javascript:alert(1)" } });
        Assert.Equal(["variables.publication.url"], Problem.Targets(await Problem.AssertAsync(noUrl, HttpStatusCode.BadRequest)));
        await CompleteOkAsync("reviewer", instance, "publication", null,
            new { publication = new { publishedOn = "2026-04-02", channel = "柳江县人民政府门户网站", url = "https://www.example.gov.cn/fzzf/2025.html" } });

        var done = await _flow.InstanceAsync(instance);
        Assert.Equal("Completed", done.GetProperty("status").GetString());
        Assert.Equal("2026-04-02", done.GetProperty("variables").GetProperty("publication").GetProperty("publishedOn").GetString());
        Assert.Equal(3, done.GetProperty("variables").GetProperty("submission").GetProperty("recipients").GetArrayLength());
        using (var admin = await _flow.As("admin"))
        {
            var history = await admin.GetFromJsonAsync<JsonElement>($"/api/instances/{instance}/history");
            Assert.Equal(2, history.EnumerateArray().Count(e => e.GetProperty("kind").GetString() == "AnnualReportFiguresCounted"));
            Assert.True((await admin.GetFromJsonAsync<JsonElement>($"/api/instances/{instance}/history/verify")).GetProperty("valid").GetBoolean());
        }
    }

    [Fact]
    public async Task Api_RefusesBadYearsAndWrongRoles_WithProblemDetails()
    {
        using var owner = await _flow.As("owner");
        using var legal = await _flow.As("legal");
        await Problem.AssertAsync(await owner.PostAsJsonAsync("/api/annual-reports", new { year = 2024 }), HttpStatusCode.Forbidden);
        await Problem.AssertAsync(await owner.GetAsync("/api/annual-reports/2025/figures"), HttpStatusCode.Forbidden);
        Assert.Equal(["year"], Problem.Targets(await Problem.AssertAsync(await legal.PostAsJsonAsync("/api/annual-reports", new { year = 2026 }), HttpStatusCode.BadRequest)));
        Assert.Equal(["year"], Problem.Targets(await Problem.AssertAsync(await legal.PostAsJsonAsync("/api/annual-reports", new { year = 1999 }), HttpStatusCode.BadRequest)));
        Assert.Equal(["year"], Problem.Targets(await Problem.AssertAsync(await legal.PostAsJsonAsync("/api/annual-reports", new { year = "二〇二五" }), HttpStatusCode.BadRequest)));
        Assert.Equal(["year"], Problem.Targets(await Problem.AssertAsync(await legal.GetAsync("/api/annual-reports/2031/figures"), HttpStatusCode.BadRequest)));
        Assert.Equal(["year"], Problem.Targets(await Problem.AssertAsync(await legal.GetAsync("/api/annual-reports/1990/figures"), HttpStatusCode.BadRequest)));
        Assert.Equal(["year"], Problem.Targets(await Problem.AssertAsync(await legal.GetAsync("/api/annual-reports/2023/draft"), HttpStatusCode.NotFound)));
        Assert.Equal(["year"], Problem.Targets(await Problem.AssertAsync(await legal.GetAsync("/api/annual-reports/2023"), HttpStatusCode.NotFound)));
    }

    /// <summary>
    /// The government's duty starts this procedure, so the duties' own two-step process for it is not
    /// published beside it: an admin finds one procedure for one duty.
    /// </summary>
    [Fact]
    public async Task Host_PublishesTheAnnualReportProcedure_AndNotTheDutysTwoStepProcess()
    {
        using var admin = await _flow.As("admin");
        var keys = (await admin.GetFromJsonAsync<JsonElement>("/api/definitions")).EnumerateArray()
            .Where(d => d.GetProperty("status").GetString() == "Published").Select(d => d.GetProperty("key").GetString()).ToHashSet();

        Assert.Contains("annual-report", keys);
        Assert.DoesNotContain("duty-government-annual-report", keys);
        Assert.Contains("duty-department-annual-report", keys);
    }

    private async Task<byte[]> DraftBytesAsync()
    {
        using var legal = await _flow.As("legal");
        var response = await legal.GetAsync("/api/annual-reports/2025/draft");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private async Task<HttpResponseMessage> CompleteAsync(string user, Guid instance, string activityId, string? outcome = null, object? variables = null)
    {
        var task = await StepAsync(instance, activityId);
        using var client = await _flow.As(user);
        return await client.PostAsJsonAsync($"/api/tasks/{task.GetProperty("id").GetGuid()}/complete", new { outcome, variables });
    }

    private async Task CompleteOkAsync(string user, Guid instance, string activityId, string? outcome = null, object? variables = null)
    {
        var response = await CompleteAsync(user, instance, activityId, outcome, variables);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{activityId}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>The step's own task, not the supervision task an escalation opened beside it.</summary>
    private async Task<JsonElement> StepAsync(Guid instance, string activityId)
    {
        using var admin = await _flow.As("admin");
        var tasks = await admin.GetFromJsonAsync<JsonElement>($"/api/tasks?instanceId={instance}");
        return Assert.Single(tasks.EnumerateArray(), t => t.GetProperty("activityId").GetString() == activityId && t.GetProperty("kind").GetString() == "Step");
    }

    private static string Day(JsonElement dueAt) => dueAt.GetDateTimeOffset().ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd");
}
