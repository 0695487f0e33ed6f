using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workflows.Host.Tests.Consultation;
using Workflows.Host.Tests.Infrastructure;
using static Workflows.Host.Tests.Consultation.ParticipationFlow;

namespace Workflows.Host.Tests.Experts;

/// <summary>The expert pool register and the expert-select activity through the real host. Each test uses fields of its own, so the shared pool does not interfere.</summary>
public sealed class ExpertPoolApiTests(ParticipationHostFactory host) : IClassFixture<ParticipationHostFactory>
{
    [Fact]
    public async Task AddExpert_Returns403_WhenTheCallerIsNeitherLegalNorAdmin()
    {
        var body = new { name = "吴刚", fields = new[] { "水利" }, organisation = "市水利设计院", email = "wu@example.cn" };
        foreach (var user in new[] { "owner", "reviewer", "expert" })
        {
            using var client = await host.ClientForAsync(user);
            await Problem.AssertAsync(await client.PostAsJsonAsync("/api/experts", body), HttpStatusCode.Forbidden);
        }
        using var admin = await host.ClientForAsync("admin");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/experts", body)).StatusCode);
        using var owner = await host.ClientForAsync("owner");
        Assert.Contains((await owner.GetFromJsonAsync<JsonElement>("/api/experts?field=水利")).EnumerateArray(), e => e.GetProperty("name").GetString() == "吴刚");
    }

    [Fact]
    public async Task AddExpert_Returns400NamingEachField_WhenTheInputIsInvalid()
    {
        using var legal = await host.ClientForAsync("legal");

        var problem = await Problem.AssertAsync(await legal.PostAsJsonAsync("/api/experts", new
        {
            name = " ", fields = Array.Empty<string>(), organisation = "", email = "not-an-address", userName = "nobody-here",
        }), HttpStatusCode.BadRequest);

        Assert.Equal(["name", "organisation", "fields", "email", "userName"], Problem.Targets(problem));
    }

    [Fact]
    public async Task ListExperts_MatchesAFieldWithoutRegardToCase_AndFiltersByActive()
    {
        using var legal = await host.ClientForAsync("legal");
        var field = "GIS-" + Guid.NewGuid().ToString("N")[..6];
        await AddExpertAsync(legal, "钱进", "测绘院", [field.ToUpperInvariant()], null);
        await AddExpertAsync(legal, "钱退", "测绘院", [field.ToLowerInvariant(), "测绘"], null, active: false);

        var all = await legal.GetFromJsonAsync<JsonElement>($"/api/experts?field={field}");
        var active = await legal.GetFromJsonAsync<JsonElement>($"/api/experts?field={field}&active=true");

        Assert.Equal(["钱进", "钱退"], all.EnumerateArray().Select(e => e.GetProperty("name").GetString()));
        Assert.Equal(["钱进"], active.EnumerateArray().Select(e => e.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task UpdateExpert_Returns409_WhenTheRevisionReadIsStale_And400_WhenTheAccountIsLinkedElsewhere()
    {
        using var legal = await host.ClientForAsync("legal");
        await CreateExpertAccountAsync(host, "expert-pool-a", "甲专家");
        var id = await AddExpertAsync(legal, "甲专家", "甲研究院", ["能源"], "expert-pool-a");
        var other = await AddExpertAsync(legal, "乙专家", "乙研究院", ["能源"], null);
        object Change(int revision, string? userName = null) => new
        {
            name = "甲专家", fields = new[] { "能源", "节能" }, organisation = "甲研究院", email = "jia@example.cn", userName, revision,
        };

        var updated = await legal.PutAsJsonAsync($"/api/experts/{id}", Change(0, "expert-pool-a"));
        Assert.Equal(1, (await updated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("revision").GetInt32());
        await Problem.AssertAsync(await legal.PutAsJsonAsync($"/api/experts/{id}", Change(0)), HttpStatusCode.Conflict);
        var taken = await Problem.AssertAsync(await legal.PutAsJsonAsync($"/api/experts/{other}", Change(0, "EXPERT-POOL-A")), HttpStatusCode.BadRequest);
        Assert.Equal(["userName"], Problem.Targets(taken));
        await Problem.AssertAsync(await legal.PutAsJsonAsync($"/api/experts/{Guid.NewGuid()}", Change(0)), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ExpertSelect_Returns422NamingTheElementAndWhy_WhenTooFewExpertsAreEligible()
    {
        using var legal = await host.ClientForAsync("legal");
        var field = "核安全-" + Guid.NewGuid().ToString("N")[..6];
        await CreateExpertAccountAsync(host, "expert-nuclear", "冯专家");
        await AddExpertAsync(legal, "冯专家", "核安全中心", [field], "expert-nuclear");
        await AddExpertAsync(legal, "卫专家", "核电公司", [field], null, ["核电站扩建"]);
        await PublishAsync(host, SelectOnlyBpmn);
        using var owner = await host.ClientForAsync("owner");

        var response = await owner.PostAsJsonAsync("/api/instances", new
        {
            definitionKey = "select-only",
            variables = new { expertFields = field, interests = new[] { "核电站扩建" } },
        });

        var problem = await Problem.AssertAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("select-experts", problem.GetProperty("activityId").GetString());
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains("需要 2 名", detail);
        Assert.Contains("可选的只有 1 名", detail);
        Assert.Contains("卫专家", detail);
        Assert.Empty((await owner.GetFromJsonAsync<JsonElement>("/api/instances?definitionKey=select-only")).EnumerateArray());
    }

    [Fact]
    public async Task Publish_Returns400NamingTheElement_WhenExpertSelectHasNoFieldsOrABadCount()
    {
        using var admin = await host.ClientForAsync("admin");
        var xml = SelectOnlyBpmn.Replace("fz:fields=\"${expertFields}\" fz:count=\"2\"", "fz:count=\"many\"", StringComparison.Ordinal);

        var problem = await Problem.AssertAsync(
            await admin.PostAsync("/api/definitions?publish=true", new StringContent(xml, System.Text.Encoding.UTF8, "application/xml")), HttpStatusCode.BadRequest);

        Assert.Equal(["select-experts", "select-experts"], Problem.Targets(problem));
    }

    private const string SelectOnlyBpmn = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:fz="urn:fazhi:bpmn:1.0" id="s" targetNamespace="urn:fazhi:tests">
          <bpmn:process id="select-only" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:serviceTask id="select-experts" fz:type="expert-select" fz:fields="${expertFields}" fz:count="2" fz:exclude="${interests}" />
            <bpmn:userTask id="wait" fz:candidateGroups="owner" />
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="select-experts" />
            <bpmn:sequenceFlow id="f2" sourceRef="select-experts" targetRef="wait" />
            <bpmn:sequenceFlow id="f3" sourceRef="wait" targetRef="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;
}
