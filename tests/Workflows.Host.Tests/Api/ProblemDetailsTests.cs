using System.Net;
using System.Net.Http.Json;
using System.Text;
using Workflows.Host.Tests.Infrastructure;

namespace Workflows.Host.Tests.Api;

/// <summary>Bad input is answered with problem+json naming the field, never a 500, and changes nothing.</summary>
public sealed class ProblemDetailsTests(HostFactory host) : IClassFixture<HostFactory>
{
    [Fact]
    public async Task StartInstance_Returns400NamingField_WhenJsonMalformed()
    {
        using var client = await host.ClientForAsync("owner");
        var response = await client.PostAsync("/api/instances", new StringContent("""{"definitionKey": "x", "variables": [1,}""", Encoding.UTF8, "application/json"));

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["variables"], Problem.Targets(problem));
    }

    [Fact]
    public async Task StartInstance_Returns400NamingField_WhenVariablesIsNotAnObject()
    {
        using var client = await host.ClientForAsync("owner");
        var response = await client.PostAsync("/api/instances", new StringContent("""{"definitionKey": "x", "variables": 42}""", Encoding.UTF8, "application/json"));

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["variables"], Problem.Targets(problem));
    }

    [Theory]
    [InlineData("major-decision", "POST /api/decisions")]
    [InlineData("normative-document", "POST /api/normative-documents")]
    [InlineData("annual-report", "POST /api/annual-reports")]
    public async Task StartInstance_Returns400NamingDefinitionKey_AndStartsNothing_WhenItsRegisterStartsIt(string key, string registerStart)
    {
        using var admin = await host.ClientForAsync("admin");
        var before = (await admin.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/instances?definitionKey={key}")).GetArrayLength();

        var response = await admin.PostAsJsonAsync("/api/instances", new { definitionKey = key, businessKey = "2026-001" });

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["definitionKey"], Problem.Targets(problem));
        Assert.Contains(registerStart, problem.GetProperty("detail").GetString());
        Assert.Equal(before, (await admin.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/instances?definitionKey={key}")).GetArrayLength());
    }

    [Fact]
    public async Task StartInstance_Returns400NamingDefinitionKey_WhenMissing()
    {
        using var client = await host.ClientForAsync("owner");
        var response = await client.PostAsJsonAsync("/api/instances", new { businessKey = "2026-001" });

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["definitionKey"], Problem.Targets(problem));
    }

    [Fact]
    public async Task StartInstance_Returns404NamingDefinitionKey_WhenDefinitionUnknown()
    {
        using var client = await host.ClientForAsync("owner");
        var response = await client.PostAsJsonAsync("/api/instances", new { definitionKey = "no-such-procedure" });

        var problem = await Problem.AssertAsync(response, HttpStatusCode.NotFound);
        Assert.Equal(["definitionKey"], Problem.Targets(problem));
        Assert.Contains("no-such-procedure", problem.GetProperty("detail").GetString());
        using var admin = await host.ClientForAsync("admin");
        Assert.Empty((await admin.GetFromJsonAsync<List<object>>("/api/instances"))!);
    }

    [Fact]
    public async Task StartInstance_Returns415Problem_WhenBodyIsNotJson()
    {
        using var client = await host.ClientForAsync("owner");
        var response = await client.PostAsync("/api/instances", new StringContent("definitionKey=x", Encoding.UTF8, "application/x-www-form-urlencoded"));
        await Problem.AssertAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task UploadDefinition_Returns413Problem_WhenLargerThanTheLimit()
    {
        using var client = await host.ClientForAsync("admin");
        var padding = new string(' ', 4 * 1024 * 1024);
        var xml = Samples.HelloReview.Replace("<bpmn:process ", padding + "<bpmn:process ");

        var response = await client.PostAsync("/api/definitions", new StringContent(xml, Encoding.UTF8, "application/xml"));

        var problem = await Problem.AssertAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(["body"], Problem.Targets(problem));
        // The shipped procedures are installed at start; the refused upload must have added nothing.
        var definitions = await client.GetFromJsonAsync<List<System.Text.Json.Nodes.JsonObject>>("/api/definitions");
        Assert.DoesNotContain(definitions!, d => (string?)d["key"] == Samples.HelloReviewKey);
    }

    [Fact]
    public async Task UploadDefinition_Returns400_WhenBodyEmpty()
    {
        using var client = await host.ClientForAsync("admin");
        var response = await client.PostAsync("/api/definitions", new StringContent("", Encoding.UTF8, "application/xml"));
        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["body"], Problem.Targets(problem));
    }

    [Fact]
    public async Task UploadDefinition_Returns415_WhenSentAsJson()
    {
        using var client = await host.ClientForAsync("admin");
        var response = await client.PostAsJsonAsync("/api/definitions", new { xml = "<x/>" });
        await Problem.AssertAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task CompleteTask_Returns404Problem_WhenTaskUnknown()
    {
        using var client = await host.ClientForAsync("reviewer");
        var response = await client.PostAsJsonAsync($"/api/tasks/{Guid.NewGuid()}/complete", new { outcome = "approve" });
        await Problem.AssertAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task GetInstance_Returns404Problem_WhenUnknown()
    {
        using var client = await host.ClientForAsync("owner");
        await Problem.AssertAsync(await client.GetAsync($"/api/instances/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ListInstances_Returns400NamingStatus_WhenStatusUnknown()
    {
        using var client = await host.ClientForAsync("owner");
        var problem = await Problem.AssertAsync(await client.GetAsync("/api/instances?status=Sleeping"), HttpStatusCode.BadRequest);
        Assert.Equal(["status"], Problem.Targets(problem));
    }

    [Fact]
    public async Task Message_Returns400NamingMessageName_WhenMissing()
    {
        using var client = await host.ClientForAsync("owner");
        var problem = await Problem.AssertAsync(await client.PostAsJsonAsync("/api/messages", new { businessKey = "x" }), HttpStatusCode.BadRequest);
        Assert.Equal(["messageName"], Problem.Targets(problem));
    }

    [Fact]
    public async Task Message_Returns404Problem_WhenNobodyWaits()
    {
        using var client = await host.ClientForAsync("owner");
        await Problem.AssertAsync(await client.PostAsJsonAsync("/api/messages", new { messageName = "公众意见征集结束" }), HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("cancel")]
    [InlineData("retry")]
    public async Task InstanceCommand_Returns404Problem_WhenInstanceUnknown_EvenWithoutBody(string command)
    {
        using var client = await host.ClientForAsync("admin");
        var response = await client.PostAsync($"/api/instances/{Guid.NewGuid()}/{command}", content: null);
        await Problem.AssertAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task VerifyHistory_Returns404Problem_WhenInstanceUnknown()
    {
        using var client = await host.ClientForAsync("supervisor");
        await Problem.AssertAsync(await client.GetAsync($"/api/instances/{Guid.NewGuid()}/history/verify"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task DefinitionXml_Returns404Problem_WhenVersionUnknown()
    {
        using var client = await host.ClientForAsync("admin");
        await Problem.AssertAsync(await client.GetAsync("/api/definitions/hello-review/versions/9/xml"), HttpStatusCode.NotFound);
        await Problem.AssertAsync(await client.PostAsync("/api/definitions/hello-review/versions/9/publish", null), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task UnknownApiPath_Returns404Problem()
    {
        using var client = await host.ClientForAsync("owner");
        await Problem.AssertAsync(await client.GetAsync("/api/nothing-here"), HttpStatusCode.NotFound);
    }
}
