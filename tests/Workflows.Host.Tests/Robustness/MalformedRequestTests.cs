using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Workflows.Host.Tests.Infrastructure;

namespace Workflows.Host.Tests.Robustness;

/// <summary>
/// Every POST that takes JSON, given bodies that are not JSON, JSON of the wrong shape, fields of the
/// wrong type, or no body at all; and query parameters that do not parse. Each answers 400
/// problem+json naming the field (or <c>body</c>), and nothing is written: the task stays open,
/// the instance and its journal unchanged.
/// </summary>
public sealed class MalformedRequestTests(HostFactory host) : IClassFixture<HostFactory>
{
    /// <summary>Endpoint → the fields its body has.</summary>
    private static readonly Dictionary<string, string[]> Fields = new()
    {
        ["token"] = ["userName", "password"],
        ["start"] = ["definitionKey", "businessKey", "variables", "version"],
        ["complete"] = ["outcome", "variables", "comment"],
        ["cancel"] = ["reason"],
        ["message"] = ["messageName", "businessKey", "instanceId", "variables"],
        ["propose"] = ["title", "catalogueYear", "reasons", "legalBasis", "firstPlan", "marketActorsAffected", "catalogueItemId"],
        ["start-decision"] = ["started", "decidedOn", "meeting", "leadUnit", "applicability", "commentPeriodDays", "commentShortenReason"],
        ["evaluation-request"] = ["reason"],
        ["expert"] = ["name", "fields", "title", "organisation", "email", "userName", "conflicts", "active", "revision"],
        ["annual-report"] = ["year"],
    };

    public static TheoryData<string, string> MalformedBodies()
    {
        var data = new TheoryData<string, string>();
        foreach (var endpoint in Fields.Keys)
        {
            foreach (var body in new[] { """{"a": """, "{definitionKey: 'x'}", "<process id=\"x\"/>", "[1, 2]", "\"text\"", "42", "{\"a\":1}}" })
            {
                data.Add(endpoint, body);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task Post_Returns400NamingFieldOrBody_WhenJsonMalformed(string endpoint, string body)
    {
        // The target is where the reader gave up: the body, a field of the request, or a property the client sent.
        await AssertRefusedAsync(endpoint, body, HttpStatusCode.BadRequest, target =>
            Assert.True(target == "body" || Fields[endpoint].Contains(target) || body.Contains($"\"{target}\"", StringComparison.Ordinal), target));
    }

    [Theory]
    [InlineData("start", """{"definitionKey": "robust-review", "variables": "a string"}""", "variables")]
    [InlineData("start", """{"definitionKey": 5}""", "definitionKey")]
    [InlineData("start", """{"definitionKey": "robust-review", "businessKey": 7}""", "businessKey")]
    [InlineData("start", """{"definitionKey": "robust-review", "version": "one"}""", "version")]
    [InlineData("start", """{"definitionKey": "robust-review", "variables": [1, 2]}""", "variables")]
    [InlineData("complete", """{"outcome": 5}""", "outcome")]
    [InlineData("complete", """{"outcome": "approve", "variables": "approved"}""", "variables")]
    [InlineData("complete", """{"outcome": "approve", "comment": ["同意"]}""", "comment")]
    [InlineData("complete", """{"outcome": true}""", "outcome")]
    [InlineData("cancel", """{"reason": 42}""", "reason")]
    [InlineData("message", """{"messageName": {}}""", "messageName")]
    [InlineData("message", """{"messageName": "m", "instanceId": "not-a-guid"}""", "instanceId")]
    [InlineData("token", """{"userName": 1, "password": 2}""", "userName")]
    [InlineData("propose", """{"title": 5, "catalogueYear": 2026, "reasons": "r", "legalBasis": ["《条例》"], "firstPlan": "p", "marketActorsAffected": false}""", "title")]
    [InlineData("propose", """{"title": "t", "catalogueYear": "2026", "reasons": "r", "legalBasis": ["《条例》"], "firstPlan": "p", "marketActorsAffected": false}""", "catalogueYear")]
    [InlineData("propose", """{"title": "t", "catalogueYear": 2026, "reasons": "r", "legalBasis": "《条例》", "firstPlan": "p", "marketActorsAffected": false}""", "legalBasis")]
    [InlineData("start-decision", """{"started": true, "decidedOn": "2026-01-05", "meeting": "县政府常务会议", "leadUnit": "county-drc", "commentPeriodDays": "thirty", "applicability": {"publicParticipation": {"applies": true}, "hearing": {"applies": true}, "expertConsultation": {"applies": false, "reason": "不属于专业性事项。"}, "riskAssessment": {"applies": true}}}""", "commentPeriodDays")]
    [InlineData("start-decision", """{"started": true, "decidedOn": "2026-01-05", "meeting": "县政府常务会议", "leadUnit": "county-drc", "commentPeriodDays": 30, "applicability": {"publicParticipation": {"applies": "yes"}, "hearing": {"applies": true}, "expertConsultation": {"applies": false, "reason": "不属于专业性事项。"}, "riskAssessment": {"applies": true}}}""", "applicability.publicParticipation.applies")]
    [InlineData("evaluation-request", """{"reason": 5}""", "reason")]
    [InlineData("expert", """{"name": 5, "fields": ["交通"], "title": "教授", "organisation": "大学"}""", "name")]
    [InlineData("expert", """{"name": "王", "fields": "交通", "title": "教授", "organisation": "大学"}""", "fields")]
    [InlineData("annual-report", """{"year": 2025.5}""", "year")]
    public async Task Post_Returns400NamingTheField_WhenAFieldHasTheWrongType(string endpoint, string body, string field)
    {
        await AssertRefusedAsync(endpoint, body, HttpStatusCode.BadRequest, target => Assert.Equal(field, target));
    }

    /// <summary>A body that is missing or JSON <c>null</c> where one is required.</summary>
    [Theory]
    [InlineData("start", "")]
    [InlineData("start", "null")]
    [InlineData("token", "")]
    [InlineData("token", "null")]
    [InlineData("message", "")]
    [InlineData("message", "null")]
    [InlineData("propose", "")]
    [InlineData("propose", "null")]
    [InlineData("start-decision", "")]
    [InlineData("expert", "")]
    public async Task Post_Returns400NamingBody_WhenRequiredBodyIsMissing(string endpoint, string body)
    {
        await AssertRefusedAsync(endpoint, body, HttpStatusCode.BadRequest, target => Assert.Equal("body", target));
    }

    [Theory]
    [InlineData("/api/tasks?instanceId=not-a-guid", "instanceId")]
    [InlineData("/api/tasks?mine=maybe", "mine")]
    [InlineData("/api/tasks?status=Sleeping", "status")]
    [InlineData("/api/instances?take=many", "take")]
    [InlineData("/api/instances?skip=-1", "skip")]
    [InlineData("/api/instances?skip=first", "skip")]
    [InlineData("/api/instances?status=Running&take=0", "take")]
    [InlineData("/api/calendar/deadline?start=2026-03-02&amount=five&unit=workingDays", "amount")]
    [InlineData("/api/decisions?status=Sleeping", "status")]
    [InlineData("/api/decisions?year=twenty", "year")]
    [InlineData("/api/decisions?take=0", "take")]
    [InlineData("/api/experts?active=maybe", "active")]
    [InlineData("/api/expert-opinions?instanceId=not-a-guid", "instanceId")]
    [InlineData("/api/annual-reports/1990/figures", "year")]
    public async Task Get_Returns400NamingTheParameter_WhenAQueryValueDoesNotParse(string path, string parameter)
    {
        using var admin = await host.ClientForAsync("admin");
        var response = await admin.GetAsync(path);
        Assert.Equal([parameter], Problem.Targets(await Problem.AssertAsync(response, HttpStatusCode.BadRequest)));
    }

    [Theory]
    [InlineData("start", "text/plain")]
    [InlineData("start", "application/x-www-form-urlencoded")]
    [InlineData("complete", "text/xml")]
    [InlineData("message", "application/xml")]
    [InlineData("token", "text/plain")]
    public async Task Post_Returns415_WhenJsonIsSentAsAnotherMediaType(string endpoint, string mediaType)
    {
        await AssertRefusedAsync(endpoint, """{"definitionKey": "robust-review", "outcome": "approve"}""", HttpStatusCode.UnsupportedMediaType, _ => { }, mediaType);
    }

    [Theory]
    [InlineData("start", "gbk")]
    [InlineData("complete", "gb2312")]
    [InlineData("token", "no-such-charset")]
    public async Task Post_Returns415NamingBody_WhenCharsetIsUnknown(string endpoint, string charset)
    {
        await AssertRefusedAsync(endpoint, """{"definitionKey": "robust-review", "outcome": "approve"}""", HttpStatusCode.UnsupportedMediaType,
            target => Assert.Equal("body", target), $"application/json; charset={charset}");
    }

    /// <summary>
    /// Sends <paramref name="body"/> to <paramref name="endpoint"/>, aimed at a live instance and its
    /// open task, and checks the refusal and that the installation is exactly as before.
    /// </summary>
    private async Task AssertRefusedAsync(string endpoint, string body, HttpStatusCode status, Action<string> checkTarget, string mediaType = "application/json")
    {
        using var admin = await host.ClientForAsync("admin");
        await RobustnessProcedures.PublishAsync(admin, RobustnessProcedures.ReviewXml);
        using var owner = await host.ClientForAsync("owner");
        var instanceId = await RobustnessProcedures.StartAsync(owner, RobustnessProcedures.Review);
        var taskId = await RobustnessProcedures.OpenTaskAsync(admin, instanceId, "review");
        var decisionId = endpoint is "start-decision" or "evaluation-request" ? await ProposeDecisionAsync(owner) : Guid.Empty;
        var (user, path) = endpoint switch
        {
            "token" => (null, "/api/auth/token"),
            "start" => ("owner", "/api/instances"),
            "complete" => ("reviewer", $"/api/tasks/{taskId}/complete"),
            "cancel" => ("owner", $"/api/instances/{instanceId}/cancel"),
            "message" => ("owner", "/api/messages"),
            "propose" => ("owner", "/api/decisions"),
            "start-decision" => ("leader", $"/api/decisions/{decisionId}/start-decision"),
            "evaluation-request" => ("leader", $"/api/decisions/{decisionId}/evaluation-requests"),
            "expert" => ("legal", "/api/experts"),
            "annual-report" => ("legal", "/api/annual-reports"),
            _ => throw new ArgumentOutOfRangeException(nameof(endpoint), endpoint, null),
        };
        using var client = user is null ? host.CreateClient() : await host.ClientForAsync(user);
        Guid[] journals = decisionId == Guid.Empty ? [instanceId] : [instanceId, decisionId];
        var before = await NothingWritten.SnapshotAsync(admin, journals);

        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", mediaType);
        var response = await client.PostAsync(path, content);

        var problem = await Problem.AssertAsync(response, status);
        var targets = Problem.Targets(problem);
        if (status == HttpStatusCode.BadRequest)
        {
            Assert.NotEmpty(targets);
        }
        Assert.All(targets, checkTarget);
        await NothingWritten.AssertUnchangedAsync(admin, before, journals);
    }

    /// <summary>A major decision waiting for the decision body's start decision, to aim the decision endpoints at.</summary>
    private static async Task<Guid> ProposeDecisionAsync(HttpClient owner)
    {
        var response = await owner.PostAsJsonAsync("/api/decisions", MajorDecisions.DecisionDriver.Proposal("关于调整城区公交线路的决策"));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("decision").GetProperty("id").GetGuid();
    }
}
