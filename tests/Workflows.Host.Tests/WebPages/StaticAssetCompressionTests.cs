using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Workflows.Host.Tests.Infrastructure;

namespace Workflows.Host.Tests.WebPages;

/// <summary>
/// What a browser on a slow intranet gets for the pages' assets: compressed when it accepts it,
/// revalidated by ETag rather than fetched again, fingerprinted assets cached for good, and no
/// compression where a response carries a secret (BREACH).
/// </summary>
public sealed class StaticAssetCompressionTests(HostFactory host) : IClassFixture<HostFactory>
{
    private const string MudBlazorCss = "/_content/MudBlazor/MudBlazor.min.css";

    [Theory]
    [InlineData("gzip")]
    [InlineData("br")]
    public async Task MudBlazorStylesheet_IsCompressed_WhenTheClientAcceptsIt(string encoding)
    {
        var client = host.CreateClient();
        var identity = await client.GetByteArrayAsync(MudBlazorCss);

        using var request = new HttpRequestMessage(HttpMethod.Get, MudBlazorCss);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", encoding);
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        var wire = await response.Content.ReadAsByteArrayAsync();
        var served = Assert.Single(response.Content.Headers.ContentEncoding);
        // The build compresses with gzip; Brotli is added at publish, so a build may answer br with gzip.
        Assert.Contains(served, encoding == "br" ? ["br", "gzip"] : new[] { "gzip" });
        Assert.True(wire.Length < identity.Length / 4, $"{wire.Length} bytes on the wire for {identity.Length} bytes of CSS");
        Assert.Equal(identity, Decompress(served, wire));
    }

    [Fact]
    public async Task MudBlazorStylesheet_CarriesValidators_AndAnswers304WhenUnchanged()
    {
        var client = host.CreateClient();
        using var first = new HttpRequestMessage(HttpMethod.Get, MudBlazorCss);
        first.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip");
        using var response = await client.SendAsync(first);
        var etag = response.Headers.ETag;
        Assert.NotNull(etag);
        Assert.NotNull(response.Content.Headers.LastModified);

        using var again = new HttpRequestMessage(HttpMethod.Get, MudBlazorCss);
        again.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip");
        again.Headers.IfNoneMatch.Add(etag);
        using var revalidated = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Empty(await revalidated.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task SignInPage_IsNotCompressed_ButItsFingerprintedStylesheetIsCompressedAndImmutable()
    {
        var client = host.CreateClient();
        using var page = new HttpRequestMessage(HttpMethod.Get, "/account/sign-in");
        page.Headers.TryAddWithoutValidation("Accept-Encoding", "br, gzip");
        using var pageResponse = await client.SendAsync(page);
        Assert.Equal(HttpStatusCode.OK, pageResponse.StatusCode);
        // The page holds the antiforgery token beside what the person typed: never compressed (BREACH).
        Assert.Empty(pageResponse.Content.Headers.ContentEncoding);

        var html = await pageResponse.Content.ReadAsStringAsync();
        var href = Regex.Match(html, @"href=""(css/app\.[a-z0-9]+\.css)""").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(href), "The page links the fingerprinted app stylesheet.");
        using var css = new HttpRequestMessage(HttpMethod.Get, "/" + href);
        css.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip");
        using var cssResponse = await client.SendAsync(css);
        Assert.Equal("gzip", Assert.Single(cssResponse.Content.Headers.ContentEncoding));
        Assert.Contains("immutable", cssResponse.Headers.CacheControl?.Extensions.Select(e => e.Name) ?? []);
    }

    [Fact]
    public async Task ApiJson_IsCompressed_ButTheTokenResponseIsNot()
    {
        var client = host.CreateClient();
        using var tokenRequest = new HttpRequestMessage(HttpMethod.Post, "/api/auth/token")
        {
            Content = JsonContent.Create(new { userName = "admin", password = HostFactory.DemoPassword }),
        };
        tokenRequest.Headers.TryAddWithoutValidation("Accept-Encoding", "br, gzip");
        using var tokenResponse = await client.SendAsync(tokenRequest);
        Assert.Equal(HttpStatusCode.OK, tokenResponse.StatusCode);
        Assert.Empty(tokenResponse.Content.Headers.ContentEncoding);

        var admin = await host.ClientForAsync("admin");
        using var list = new HttpRequestMessage(HttpMethod.Get, "/api/definitions");
        list.Headers.TryAddWithoutValidation("Accept-Encoding", "br");
        using var listResponse = await admin.SendAsync(list);
        Assert.Equal(HttpStatusCode.OK, listResponse.StatusCode);
        Assert.Equal("br", Assert.Single(listResponse.Content.Headers.ContentEncoding));
        var json = System.Text.Encoding.UTF8.GetString(Decompress("br", await listResponse.Content.ReadAsByteArrayAsync()));
        Assert.StartsWith("[", json.TrimStart());
    }

    private static byte[] Decompress(string encoding, byte[] wire)
    {
        using var input = new MemoryStream(wire);
        using Stream decoder = encoding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }
}
