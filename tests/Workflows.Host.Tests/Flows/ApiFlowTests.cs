using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Workflows.Host.Tests.Infrastructure;

namespace Workflows.Host.Tests.Flows;

/// <summary>
/// The README's walk-through through HTTP: upload, start, list, complete, read and verify the
/// history. These need the whole engine: the BPMN parser, the script evaluator and the calendar.
/// </summary>
public sealed class ApiFlowTests(SimulatedClockHostFactory host) : IClassFixture<SimulatedClockHostFactory>
{
    [Fact]
    public async Task ReviewFlow_CompletesThroughTheApi_AndHistoryVerifies()
    {
        using var admin = await host.ClientForAsync("admin");
        using var owner = await host.ClientForAsync("owner");
        using var reviewer = await host.ClientForAsync("reviewer");
        await UploadAsync(admin, Samples.HelloReview, HttpStatusCode.Created);

        var definitions = await admin.GetFromJsonAsync<JsonElement>("/api/definitions");
        Assert.Contains(definitions.EnumerateArray(), d => d.GetProperty("key").GetString() == "hello-review" && d.GetProperty("status").GetString() == "Published");
        var xml = await admin.GetStringAsync("/api/definitions/hello-review/versions/1/xml");
        Assert.Contains("文件合法性审查", xml);

        var started = await owner.PostAsJsonAsync("/api/instances", new { definitionKey = "hello-review", businessKey = "县发改〔2026〕1号", variables = new { title = "关于规范行政裁量权基准的通知" } });
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var instance = await started.Content.ReadFromJsonAsync<JsonElement>();
        var id = instance.GetProperty("id").GetGuid();
        Assert.Equal("Running", instance.GetProperty("status").GetString());
        Assert.Equal(["review"], instance.GetProperty("activeActivityIds").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(1, instance.GetProperty("version").GetInt32());

        var tasks = await reviewer.GetFromJsonAsync<JsonElement>($"/api/tasks?instanceId={id}&mine=true");
        var task = Assert.Single(tasks.EnumerateArray());
        Assert.Equal("review", task.GetProperty("activityId").GetString());
        Assert.Equal(["reviewer"], task.GetProperty("candidateGroups").EnumerateArray().Select(g => g.GetString()));
        Assert.Equal("Open", task.GetProperty("status").GetString());
        // 5 working days from Monday 2 March 2026.
        Assert.Equal(new DateOnly(2026, 3, 9), DateOnly.FromDateTime(task.GetProperty("dueAt").GetDateTimeOffset().ToOffset(TimeSpan.FromHours(8)).DateTime));
        var taskId = task.GetProperty("id").GetGuid();

        Assert.Empty((await owner.GetFromJsonAsync<JsonElement>($"/api/tasks?instanceId={id}&mine=true")).EnumerateArray());
        await Problem.AssertAsync(await owner.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { outcome = "approve" }), HttpStatusCode.Forbidden);

        var completed = await reviewer.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { outcome = "approve", variables = new { approved = true }, comment = "同意" });
        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        await Problem.AssertAsync(await reviewer.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { outcome = "approve" }), HttpStatusCode.Conflict);

        var done = await owner.GetFromJsonAsync<JsonElement>($"/api/instances/{id}");
        Assert.Equal("Completed", done.GetProperty("status").GetString());
        Assert.True(done.GetProperty("variables").GetProperty("approved").GetBoolean());

        var history = (await owner.GetFromJsonAsync<JsonElement>($"/api/instances/{id}/history")).EnumerateArray().ToList();
        Assert.NotEmpty(history);
        for (var i = 1; i < history.Count; i++)
        {
            Assert.Equal(history[i - 1].GetProperty("hash").GetString(), history[i].GetProperty("previousHash").GetString());
            Assert.Equal(history[i - 1].GetProperty("sequence").GetInt64() + 1, history[i].GetProperty("sequence").GetInt64());
        }
        Assert.Contains(history, h => h.GetProperty("actor").GetString() == "reviewer");
        var verification = await owner.GetFromJsonAsync<JsonElement>($"/api/instances/{id}/history/verify");
        Assert.True(verification.GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task UploadDefinition_Returns400ListingElementIds_WhenNotPublishable()
    {
        using var admin = await host.ClientForAsync("admin");
        // A complex gateway is kept and shown, but not executable: publishing must be refused naming it.
        var broken = Samples.HelloReview.Replace("""<bpmn:exclusiveGateway id="decision" name="是否通过" default="to-returned" />""", """<bpmn:complexGateway id="decision" name="是否通过" />""");

        var response = await admin.PostAsync("/api/definitions?publish=true", new StringContent(broken.Replace("hello-review\"", "broken-review\""), Encoding.UTF8, "application/xml"));

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
        var targets = Problem.Targets(problem);
        Assert.Contains("decision", targets);
        Assert.All(problem.GetProperty("errors").EnumerateArray(), e => Assert.False(string.IsNullOrEmpty(e.GetProperty("message").GetString())));
        Assert.DoesNotContain((await admin.GetFromJsonAsync<JsonElement>("/api/definitions")).EnumerateArray(), d => d.GetProperty("key").GetString() == "broken-review");
    }

    [Fact]
    public async Task UploadDefinition_Returns400_WhenXmlHasADtd()
    {
        using var admin = await host.ClientForAsync("admin");
        const string xxe = """
            <?xml version="1.0"?>
            <!DOCTYPE foo [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="urn:x">
              <bpmn:process id="xxe" isExecutable="true"><bpmn:startEvent id="s" name="&xxe;" /></bpmn:process>
            </bpmn:definitions>
            """;
        var response = await admin.PostAsync("/api/definitions", new StringContent(xxe, Encoding.UTF8, "application/xml"));

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.DoesNotContain("root:", problem.ToString());
        Assert.Equal(["body"], Problem.Targets(problem));
    }

    [Theory]
    [InlineData("this is not XML")]
    [InlineData("<html><body>not BPMN</body></html>")]
    public async Task UploadDefinition_Returns400_WhenNotBpmn(string body)
    {
        using var admin = await host.ClientForAsync("admin");
        var response = await admin.PostAsync("/api/definitions", new StringContent(body, Encoding.UTF8, "application/xml"));
        Assert.NotEmpty(Problem.Targets(await Problem.AssertAsync(response, HttpStatusCode.BadRequest)));
    }

    internal static async Task UploadAsync(HttpClient admin, string xml, HttpStatusCode expected)
    {
        var response = await admin.PostAsync("/api/definitions?publish=true", new StringContent(xml, Encoding.UTF8, "application/xml"));
        Assert.True(expected == response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
