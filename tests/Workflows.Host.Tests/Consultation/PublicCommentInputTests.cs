using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Workflows.Host.Tests.Infrastructure;
using static Workflows.Host.Tests.Consultation.ParticipationFlow;

namespace Workflows.Host.Tests.Consultation;

/// <summary>The public comment endpoint under bad input: refused with problem+json naming the field, and nothing stored.</summary>
public sealed class PublicCommentInputTests(ParticipationHostFactory host) : IClassFixture<ParticipationHostFactory>
{
    [Theory]
    [InlineData("<p>建议删除第五条</p>")]
    [InlineData("建议删除第五条<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)")]
    [InlineData("建议&nbsp;删除")]
    [InlineData("建议&#60;删除")]
    [InlineData("<!-- 注释 -->建议")]
    public async Task SubmitComment_Returns400NamingContent_WhenContentHasMarkup(string content)
    {
        var (_, consultationId) = await OpenConsultationAsync(host, "关于规范行政裁量权基准的通知");
        using var visitor = host.PublicClient();

        var problem = await Problem.AssertAsync(await CommentAsync(visitor, consultationId, new { name = "王先生", content }), HttpStatusCode.BadRequest);

        Assert.Equal(["content"], Problem.Targets(problem));
        Assert.Equal(0, await CountCommentsAsync(consultationId));
    }

    [Fact]
    public async Task SubmitComment_AcceptsPlainTextWithAngleBrackets_WhenItIsNoMarkup()
    {
        var (_, consultationId) = await OpenConsultationAsync(host, "关于城区停车收费标准的通知");
        using var visitor = host.PublicClient();

        var response = await CommentAsync(visitor, consultationId, new { content = "收费应 x < y，且不高于《价格法》规定；<<附件>> 请公开。" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(1, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetInt32());
    }

    [Fact]
    public async Task SubmitComment_Returns400NamingContent_WhenEmptyMissingOrLongerThan5000Characters()
    {
        var (_, consultationId) = await OpenConsultationAsync(host, "关于农村宅基地管理的规定");
        using var visitor = host.PublicClient();

        foreach (var body in new object[] { new { content = "" }, new { content = "  \n " }, new { name = "王先生" }, new { content = new string('意', 5001) } })
        {
            var problem = await Problem.AssertAsync(await CommentAsync(visitor, consultationId, body), HttpStatusCode.BadRequest);
            Assert.Equal(["content"], Problem.Targets(problem));
        }
        Assert.Equal(0, await CountCommentsAsync(consultationId));
        Assert.Equal(HttpStatusCode.Created, (await CommentAsync(visitor, consultationId, new { content = new string('意', 5000) })).StatusCode);
    }

    [Fact]
    public async Task SubmitComment_Returns413_WhenTheBodyIsOversize()
    {
        var (_, consultationId) = await OpenConsultationAsync(host, "关于城市绿化管理的办法");
        using var visitor = host.PublicClient();
        var body = new StringContent(JsonSerializer.Serialize(new { content = new string('a', 70 * 1024) }), Encoding.UTF8, "application/json");

        var problem = await Problem.AssertAsync(await visitor.PostAsync($"/api/public/consultations/{consultationId}/comments", body), HttpStatusCode.RequestEntityTooLarge);

        Assert.Equal(["body"], Problem.Targets(problem));
        Assert.Equal(0, await CountCommentsAsync(consultationId));
    }

    [Fact]
    public async Task SubmitComment_Returns400NamingTheField_WhenNameHasMarkupOrTheJsonIsWrong()
    {
        var (_, consultationId) = await OpenConsultationAsync(host, "关于行政执法公示的规定");
        using var visitor = host.PublicClient();
        var url = $"/api/public/consultations/{consultationId}/comments";

        var name = await Problem.AssertAsync(await CommentAsync(visitor, consultationId, new { name = "<b>王</b>", content = "同意" }), HttpStatusCode.BadRequest);
        Assert.Equal(["name"], Problem.Targets(name));
        var contact = await Problem.AssertAsync(await CommentAsync(visitor, consultationId, new { contact = "138\n0000", content = "同意" }), HttpStatusCode.BadRequest);
        Assert.Equal(["contact"], Problem.Targets(contact));
        var malformed = await Problem.AssertAsync(await visitor.PostAsync(url, new StringContent("这不是 JSON", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
        Assert.Equal(["body"], Problem.Targets(malformed));
        var wrongType = await Problem.AssertAsync(await visitor.PostAsync(url, new StringContent("{\"content\": 42}", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
        Assert.Equal(["content"], Problem.Targets(wrongType));
        Assert.Equal(0, await CountCommentsAsync(consultationId));
    }

    [Fact]
    public async Task SubmitComment_Returns404_WhenTheConsultationDoesNotExist()
    {
        using var visitor = host.PublicClient();

        await Problem.AssertAsync(await CommentAsync(visitor, Guid.NewGuid(), new { content = "同意" }), HttpStatusCode.NotFound);
        await Problem.AssertAsync(await visitor.GetAsync($"/api/public/consultations/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task SubmitComment_StoresAKeyedHashOfTheAddress_NeverTheAddress()
    {
        var (_, consultationId) = await OpenConsultationAsync(host, "关于养犬管理的规定");
        using var first = host.PublicClient("192.0.2.41");
        using var again = host.PublicClient("192.0.2.41");
        using var other = host.PublicClient("192.0.2.42");
        foreach (var client in new[] { first, again, other })
        {
            Assert.Equal(HttpStatusCode.Created, (await CommentAsync(client, consultationId, new { content = "建议限定遛狗时段。" })).StatusCode);
        }

        using var owner = await host.ClientForAsync("owner");
        var json = await owner.GetStringAsync($"/api/consultations/{consultationId}/comments");
        var hashes = JsonDocument.Parse(json).RootElement.EnumerateArray().Select(c => c.GetProperty("addressHash").GetString()!).ToList();

        Assert.Equal(hashes[0], hashes[1]);
        Assert.NotEqual(hashes[0], hashes[2]);
        Assert.All(hashes, h => Assert.Matches("^[0-9a-f]{64}$", h));
        Assert.DoesNotContain("192.0.2", json);
    }

    [Fact]
    public async Task OwnerEndpoints_Return401_WithoutSignIn_WhilePublicOnesAnswer()
    {
        var (_, consultationId) = await OpenConsultationAsync(host, "关于公共文化设施开放的规定");
        using var visitor = host.PublicClient();

        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/api/public/consultations/{consultationId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await visitor.GetAsync($"/api/consultations/{consultationId}/comments")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await visitor.PostAsJsonAsync($"/api/consultations/{consultationId}/feedback", new { summary = "x" })).StatusCode);
    }

    private async Task<int> CountCommentsAsync(Guid consultationId)
    {
        using var owner = await host.ClientForAsync("owner");
        return (await owner.GetFromJsonAsync<JsonElement>($"/api/consultations/{consultationId}/comments")).GetArrayLength();
    }
}
