using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Workflows.Host.Tests.Infrastructure;

namespace Workflows.Host.Tests.Definitions;

/// <summary>The calls the designer and the monitor add: checking a file without storing it, the diff between versions, instances by start date.</summary>
public sealed class DesignerApiTests(HostFactory host) : IClassFixture<HostFactory>
{
    private static string Process(string key, string body) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:fz="urn:fazhi:bpmn:1.0" id="d" targetNamespace="urn:test">
          <bpmn:process id="{key}" name="设计器测试" isExecutable="true">
            <bpmn:startEvent id="start" />
            {body}
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
            <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    private static StringContent Xml(string xml) => new(xml, Encoding.UTF8, "application/xml");

    [Fact]
    public async Task Validate_ListsIssuesByElement_AndStoresNothing()
    {
        using var admin = await host.ClientForAsync("admin");
        var key = "designer-check-" + Guid.NewGuid().ToString("N")[..8];

        var response = await admin.PostAsync("/api/definitions/validate",
            Xml(Process(key, """<bpmn:userTask id="review" name="审查" fz:candidateGroups="reviewer" fz:due="soon" />""")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var check = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(key, check.GetProperty("key").GetString());
        Assert.False(check.GetProperty("canPublish").GetBoolean());
        var issue = Assert.Single(check.GetProperty("issues").EnumerateArray(), i => i.GetProperty("severity").GetString() == "Error");
        Assert.Equal("review", issue.GetProperty("target").GetString());
        Assert.Equal("userTask", issue.GetProperty("elementType").GetString());
        var stored = await admin.GetFromJsonAsync<JsonElement>($"/api/definitions?key={key}");
        Assert.Equal(0, stored.GetArrayLength());
    }

    [Fact]
    public async Task Validate_Returns400ProblemNamingBody_ForAFileThatIsNotBpmn_AndRefusesNonAdmins()
    {
        using var admin = await host.ClientForAsync("admin");
        var problem = await Problem.AssertAsync(await admin.PostAsync("/api/definitions/validate", Xml("<html/>")), HttpStatusCode.BadRequest);
        Assert.Contains("body", Problem.Targets(problem));

        using var owner = await host.ClientForAsync("owner");
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.PostAsync("/api/definitions/validate", Xml("<html/>"))).StatusCode);
    }

    [Fact]
    public async Task Diff_NamesChangedElements_BetweenTwoVersions()
    {
        using var admin = await host.ClientForAsync("admin");
        var key = "designer-diff-" + Guid.NewGuid().ToString("N")[..8];
        (await admin.PostAsync("/api/definitions", Xml(Process(key, """<bpmn:userTask id="review" name="审查" fz:candidateGroups="reviewer" fz:due="5WD" />""")))).EnsureSuccessStatusCode();
        (await admin.PostAsync("/api/definitions", Xml(Process(key, """<bpmn:userTask id="review" name="合法性审查" fz:candidateGroups="reviewer" fz:due="7WD" />""")))).EnsureSuccessStatusCode();

        var changes = await admin.GetFromJsonAsync<JsonElement>($"/api/definitions/{key}/versions/2/diff");

        var change = Assert.Single(changes.EnumerateArray());
        Assert.Equal("review", change.GetProperty("elementId").GetString());
        Assert.Equal("Changed", change.GetProperty("kind").GetString());
        Assert.Equal(["name", "fz:due"], change.GetProperty("details").EnumerateArray().Select(d => d.GetString()!).Order().Reverse().ToArray());
        await Problem.AssertAsync(await admin.GetAsync($"/api/definitions/{key}/versions/3/diff"), HttpStatusCode.NotFound);
        Assert.Contains("from", Problem.Targets(await Problem.AssertAsync(await admin.GetAsync($"/api/definitions/{key}/versions/2/diff?from=2"), HttpStatusCode.BadRequest)));
    }

    [Fact]
    public async Task ListInstances_FiltersByStartedFromAndBefore()
    {
        using var admin = await host.ClientForAsync("admin");
        var key = "designer-dates-" + Guid.NewGuid().ToString("N")[..8];
        (await admin.PostAsync("/api/definitions?publish=true", Xml(Process(key, """<bpmn:userTask id="review" fz:candidateGroups="reviewer" />""")))).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync("/api/instances", new { definitionKey = key })).EnsureSuccessStatusCode();

        var past = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(-1).ToString("O"));
        var future = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(1).ToString("O"));
        var inWindow = await admin.GetFromJsonAsync<JsonElement>($"/api/instances?definitionKey={key}&startedFrom={past}&startedBefore={future}");
        var later = await admin.GetFromJsonAsync<JsonElement>($"/api/instances?definitionKey={key}&startedFrom={future}");

        Assert.Equal(1, inWindow.GetArrayLength());
        Assert.Equal(0, later.GetArrayLength());
        await Problem.AssertAsync(await admin.GetAsync($"/api/instances?startedFrom=yesterday"), HttpStatusCode.BadRequest);
    }
}
