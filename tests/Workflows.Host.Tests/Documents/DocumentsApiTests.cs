using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Workflows.Host.Tests.Infrastructure;

namespace Workflows.Host.Tests.Documents;

/// <summary>
/// Case documents over HTTP: the owner attaches the draft of a normative document to the legality
/// review they started; the reviewer handling it reads it back byte for byte, under its Chinese name.
/// </summary>
public sealed class DocumentsApiTests(SmallDocumentLimitHostFactory host) : IClassFixture<SmallDocumentLimitHostFactory>
{
    [Fact]
    public async Task Upload_ThenDownload_RoundTripsTheBytesAndTheChineseName_AndJournalsTheHash()
    {
        var instanceId = await StartReviewAsync();
        using var owner = await host.ClientForAsync("owner");
        using var reviewer = await host.ClientForAsync("reviewer");
        var bytes = DocumentUploads.Pdf();
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));

        var response = await owner.PostAsync($"/api/instances/{instanceId}/documents",
            DocumentUploads.Form(bytes, DocumentUploads.ChineseFileName, "draft", activityId: "review", title: "送审稿"));

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var documentId = created.GetProperty("id").GetGuid();
        Assert.Equal($"/api/documents/{documentId}", response.Headers.Location?.OriginalString);
        Assert.Equal(DocumentUploads.ChineseFileName, created.GetProperty("fileName").GetString());
        Assert.Equal(sha256, created.GetProperty("sha256").GetString());
        Assert.Equal(bytes.Length, created.GetProperty("size").GetInt64());
        Assert.Equal("application/pdf", created.GetProperty("contentType").GetString());
        Assert.Equal("owner", created.GetProperty("uploadedBy").GetString());
        Assert.Equal("review", created.GetProperty("activityId").GetString());
        Assert.Equal("送审稿", created.GetProperty("title").GetString());

        var listed = Assert.Single((await reviewer.GetFromJsonAsync<JsonElement>($"/api/instances/{instanceId}/documents")).EnumerateArray());
        Assert.Equal(documentId, listed.GetProperty("id").GetGuid());
        Assert.Equal(sha256, (await reviewer.GetFromJsonAsync<JsonElement>($"/api/documents/{documentId}")).GetProperty("sha256").GetString());

        var download = await reviewer.GetAsync($"/api/documents/{documentId}/content");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        var disposition = download.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal(DocumentUploads.ChineseFileName, disposition.FileNameStar);
        Assert.Equal("document.pdf", disposition.FileName?.Trim('"'));
        var raw = string.Join(";", download.Content.Headers.GetValues("Content-Disposition"));
        Assert.Contains("filename*=UTF-8''%E5%85%B3%E4%BA%8E", raw); // 关于, percent-encoded UTF-8 (RFC 5987)
        Assert.Equal(["nosniff"], download.Headers.GetValues("X-Content-Type-Options"));

        var attached = Assert.Single(await HostApi.HistoryAsync(reviewer, instanceId), e => e.GetProperty("kind").GetString() == "DocumentAttached");
        Assert.Equal(sha256, attached.GetProperty("data").GetProperty("sha256").GetString());
        Assert.Equal("owner", attached.GetProperty("actor").GetString());
        Assert.True((await reviewer.GetFromJsonAsync<JsonElement>($"/api/instances/{instanceId}/history/verify")).GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task Upload_KeepsTheChineseName_AsBrowsersSendIt()
    {
        var instanceId = await StartReviewAsync();
        using var owner = await host.ClientForAsync("owner");

        var response = await owner.PostAsync($"/api/instances/{instanceId}/documents",
            DocumentUploads.BrowserForm(DocumentUploads.Pdf(), "专家论证意见（签字版）.pdf", "expert-opinion"));

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        Assert.Equal("专家论证意见（签字版）.pdf", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("fileName").GetString());
    }

    [Theory]
    [InlineData("审查意见.pdf")] // an executable renamed to look like a PDF
    [InlineData("setup.exe")]   // an executable as such
    public async Task Upload_RefusesAnExecutable_NamingTheFile(string fileName)
    {
        var instanceId = await StartReviewAsync();
        using var owner = await host.ClientForAsync("owner");

        var response = await owner.PostAsync($"/api/instances/{instanceId}/documents", DocumentUploads.Form(DocumentUploads.Executable(), fileName));

        Assert.Equal(["file"], Problem.Targets(await Problem.AssertAsync(response, HttpStatusCode.BadRequest)));
        Assert.Empty((await owner.GetFromJsonAsync<JsonElement>($"/api/instances/{instanceId}/documents")).EnumerateArray());
    }

    [Fact]
    public async Task Upload_Returns413_OverTheSizeLimit()
    {
        var instanceId = await StartReviewAsync();
        using var owner = await host.ClientForAsync("owner");

        // Within the body's headroom, but the file itself is over Workflows:Documents:MaxBytes.
        var file = await Problem.AssertAsync(await owner.PostAsync($"/api/instances/{instanceId}/documents",
            DocumentUploads.Form(DocumentUploads.Pdf(SmallDocumentLimitHostFactory.MaxBytes + 1), "附件.pdf")), HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(["file"], Problem.Targets(file));
        // Over the limit plus headroom: refused before the form is read.
        var body = await Problem.AssertAsync(await owner.PostAsync($"/api/instances/{instanceId}/documents",
            DocumentUploads.Form(DocumentUploads.Pdf(2 * 1024 * 1024), "附件.pdf")), HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(["body"], Problem.Targets(body));
        // A file exactly at the limit is accepted.
        var atLimit = await owner.PostAsync($"/api/instances/{instanceId}/documents",
            DocumentUploads.Form(DocumentUploads.Pdf(SmallDocumentLimitHostFactory.MaxBytes), "附件.pdf"));
        Assert.Equal(HttpStatusCode.Created, atLimit.StatusCode);
    }

    [Fact]
    public async Task Upload_Returns400NamingTheField_WhenTheFormIsIncomplete()
    {
        var instanceId = await StartReviewAsync();
        using var owner = await host.ClientForAsync("owner");

        var noFile = new MultipartFormDataContent { { new StringContent("draft"), "kind" } };
        Assert.Equal(["file"], Problem.Targets(await Problem.AssertAsync(
            await owner.PostAsync($"/api/instances/{instanceId}/documents", noFile), HttpStatusCode.BadRequest)));
        Assert.Equal(["kind"], Problem.Targets(await Problem.AssertAsync(
            await owner.PostAsync($"/api/instances/{instanceId}/documents", DocumentUploads.Form(DocumentUploads.Pdf(), "草案.pdf", kind: null)), HttpStatusCode.BadRequest)));
        await Problem.AssertAsync(await owner.PostAsJsonAsync($"/api/instances/{instanceId}/documents", new { kind = "draft" }), HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Upload_Returns409_WhenTheInstanceHasEnded()
    {
        var instanceId = await StartReviewAsync();
        using var reviewer = await host.ClientForAsync("reviewer");
        var taskId = (await HostApi.OpenTaskAsync(host, instanceId)).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { outcome = "approve", variables = new { approved = true } })).StatusCode);

        var response = await reviewer.PostAsync($"/api/instances/{instanceId}/documents", DocumentUploads.Form(DocumentUploads.Pdf(), "审查意见书.pdf", "legality-opinion"));

        await Problem.AssertAsync(response, HttpStatusCode.Conflict);
    }

    private async Task<Guid> StartReviewAsync()
    {
        await HostApi.PublishAsync(host, Samples.HelloReview);
        return await HostApi.StartAsync(host, "hello-review", variables: new { title = "关于规范行政裁量权基准的通知" });
    }
}
