using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workflows.Host.Tests.Api;
using Workflows.Host.Tests.Infrastructure;

namespace Workflows.Host.Tests.Documents;

/// <summary>
/// Uploads on real Kestrel with the default limit (20 MiB): the upload endpoint raises the server's
/// 8 MiB ceiling for itself, and Kestrel refuses a larger body with a 413 problem.
/// </summary>
public sealed class KestrelDocumentsTests(KestrelHostFactory host) : IClassFixture<KestrelHostFactory>
{
    [Fact]
    public async Task Upload_AcceptsAFileAboveTheServersDefaultCeiling_AndRefusesOneAboveTheDocumentLimit()
    {
        await HostApi.PublishAsync(host, Samples.HelloReview);
        var instanceId = await HostApi.StartAsync(host, "hello-review");
        using var owner = await host.ClientForAsync("owner");

        var nineMiB = await owner.PostAsync($"/api/instances/{instanceId}/documents", DocumentUploads.Form(DocumentUploads.Pdf(9 * 1024 * 1024), "会议纪要（扫描件）.pdf", "minutes"));
        Assert.True(nineMiB.StatusCode == HttpStatusCode.Created, await nineMiB.Content.ReadAsStringAsync());
        Assert.Equal(9 * 1024 * 1024, (await nineMiB.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("size").GetInt64());

        // With "Expect: 100-continue" the client waits for the server's word before sending the body, so
        // it reads the 413 instead of writing 22 MiB into a connection the server has given up on.
        owner.DefaultRequestHeaders.ExpectContinue = true;
        var tooLarge = await owner.PostAsync($"/api/instances/{instanceId}/documents", DocumentUploads.Form(DocumentUploads.Pdf(22 * 1024 * 1024), "全部案卷.pdf", "dossier"));
        Assert.Equal(["body"], Problem.Targets(await Problem.AssertAsync(tooLarge, HttpStatusCode.RequestEntityTooLarge)));
    }
}
