using System.Net;
using System.Text;
using Workflows.Host.Tests.Api;
using Workflows.Host.Tests.Infrastructure;

namespace Workflows.Host.Tests.Robustness;

/// <summary>
/// 5 MiB bodies over real Kestrel, with a Content-Length and chunked: every endpoint answers 413
/// problem+json naming the body, and nothing is stored.
/// </summary>
public sealed class OversizedBodyTests(KestrelHostFactory host) : IClassFixture<KestrelHostFactory>
{
    private const int FiveMebibytes = 5 * 1024 * 1024;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task UploadDefinition_Returns413NamingBody_WhenFiveMebibytes(bool chunked)
    {
        var padding = new string(' ', FiveMebibytes);
        var xml = Samples.HelloReview.Replace("hello-review\"", "huge-review\"").Replace("<bpmn:process ", padding + "<bpmn:process ");
        await AssertTooLargeAsync("admin", "/api/definitions?publish=true", Encoding.UTF8.GetBytes(xml), "application/xml", chunked);
    }

    /// <summary>
    /// Kestrel refuses a JSON command over 1 MiB as soon as it knows the length. A client that asks
    /// <c>Expect: 100-continue</c> then never sends the body and reads the 413.
    /// </summary>
    [Theory]
    [InlineData("owner", "/api/instances")]
    [InlineData(null, "/api/auth/token")]
    [InlineData("owner", "/api/messages")]
    [InlineData("reviewer", "/api/tasks/00000000-0000-0000-0000-000000000001/complete")]
    [InlineData("owner", "/api/decisions")]
    [InlineData("leader", "/api/decisions/00000000-0000-0000-0000-000000000001/start-decision")]
    [InlineData("legal", "/api/experts")]
    [InlineData("legal", "/api/annual-reports")]
    [InlineData("owner", "/api/consultations/00000000-0000-0000-0000-000000000001/feedback")]
    public async Task PostJson_Returns413NamingBody_WhenFiveMebibytesAreAnnounced(string? user, string path)
    {
        await AssertTooLargeAsync(user, path, FiveMebibyteJson(), "application/json", chunked: false);
    }

    /// <summary>
    /// Streamed without a length, the body is cut off at 1 MiB: Kestrel answers 413 and closes the
    /// connection, so a client still writing may see the close before the answer. Either way nothing
    /// is stored and the host serves on.
    /// </summary>
    [Fact]
    public async Task StartInstance_RefusesAndStoresNothing_WhenFiveMebibytesAreStreamed()
    {
        using var admin = await host.ClientForAsync("admin");
        var before = await NothingWritten.SnapshotAsync(admin);
        using var owner = await host.ClientForAsync("owner");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/instances") { Content = new StreamContent(new MemoryStream(FiveMebibyteJson())) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.TransferEncodingChunked = true;

        try
        {
            var response = await owner.SendAsync(request);
            Assert.Equal(["body"], Problem.Targets(await Problem.AssertAsync(response, HttpStatusCode.RequestEntityTooLarge)));
        }
        catch (HttpRequestException ex) when (ex.InnerException is IOException)
        {
            // The server closed the connection on the oversized body while the client was still writing it.
        }

        Assert.Equal(HttpStatusCode.OK, (await host.CreateClient().GetAsync("/health")).StatusCode);
        await NothingWritten.AssertUnchangedAsync(admin, before);
    }

    private static byte[] FiveMebibyteJson()
    {
        var text = new string('法', FiveMebibytes / 3);
        return Encoding.UTF8.GetBytes("{\"definitionKey\": \"huge\", \"messageName\": \"huge\", \"userName\": \"owner\", \"variables\": {\"text\": \"" + text + "\"}}");
    }

    private async Task AssertTooLargeAsync(string? user, string path, byte[] body, string mediaType, bool chunked)
    {
        using var admin = await host.ClientForAsync("admin");
        var before = await NothingWritten.SnapshotAsync(admin);
        using var client = user is null ? host.CreateClient() : await host.ClientForAsync(user);
        HttpContent content = chunked ? new StreamContent(new MemoryStream(body)) : new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", mediaType);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.TransferEncodingChunked = chunked;
        request.Headers.ExpectContinue = !chunked;

        var response = await client.SendAsync(request);

        Assert.True(body.Length >= FiveMebibytes);
        var problem = await Problem.AssertAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(["body"], Problem.Targets(problem));
        await NothingWritten.AssertUnchangedAsync(admin, before);
    }
}
