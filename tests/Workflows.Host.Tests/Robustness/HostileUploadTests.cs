using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Workflows.Host.Tests.Infrastructure;

namespace Workflows.Host.Tests.Robustness;

/// <summary>
/// BPMN uploads meant to hurt: entity expansion, external entities and DTDs, XInclude, text in an
/// encoding the server cannot read, the wrong media type, and the same file twice (in a row and at
/// the same moment). Each is refused with a 4xx naming the body, or stored exactly once.
/// </summary>
public sealed class HostileUploadTests(HostFactory host) : IClassFixture<HostFactory>
{
    private const string Definitions = """xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="urn:fazhi:test" """;

    public static TheoryData<string, string> EntityAttacks => new()
    {
        {
            "billion laughs",
            $"""
            <?xml version="1.0"?>
            <!DOCTYPE lolz [
              <!ENTITY lol "lol">
              <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
              <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
              <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
              <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
              <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
              <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
              <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
              <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
              <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
            ]>
            <bpmn:definitions {Definitions}><bpmn:process id="lolz" isExecutable="true"><bpmn:startEvent id="s" name="&lol9;" /></bpmn:process></bpmn:definitions>
            """
        },
        {
            "external parameter entity",
            $"""
            <?xml version="1.0"?>
            <!DOCTYPE d [ <!ENTITY % remote SYSTEM "http://127.0.0.1:9/evil.dtd"> %remote; ]>
            <bpmn:definitions {Definitions}><bpmn:process id="remote" isExecutable="true"><bpmn:startEvent id="s" /></bpmn:process></bpmn:definitions>
            """
        },
        {
            "external DTD",
            $"""
            <?xml version="1.0"?>
            <!DOCTYPE bpmn:definitions SYSTEM "file:///etc/passwd">
            <bpmn:definitions {Definitions}><bpmn:process id="dtd" isExecutable="true"><bpmn:startEvent id="s" /></bpmn:process></bpmn:definitions>
            """
        },
        {
            "external entity in an attribute",
            $"""
            <?xml version="1.0"?>
            <!DOCTYPE d [ <!ENTITY secret SYSTEM "file:///etc/hostname"> ]>
            <bpmn:definitions {Definitions}><bpmn:process id="attr" name="&secret;" isExecutable="true"><bpmn:startEvent id="s" /></bpmn:process></bpmn:definitions>
            """
        },
    };

    [Theory]
    [MemberData(nameof(EntityAttacks))]
    public async Task UploadDefinition_Returns400NamingBodyAtOnce_WhenXmlDeclaresEntities(string attack, string xml)
    {
        using var admin = await host.ClientForAsync("admin");
        var before = await NothingWritten.SnapshotAsync(admin);
        var clock = Stopwatch.StartNew();

        var response = await admin.PostAsync("/api/definitions?publish=true", new StringContent(xml, Encoding.UTF8, "application/xml"));

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"{attack} took {clock.Elapsed}: was it expanded?");
        Assert.Equal(["body"], Problem.Targets(problem));
        Assert.Contains("DOCTYPE", problem.GetProperty("detail").GetString());
        Assert.DoesNotContain("root:", problem.ToString());
        Assert.DoesNotContain("lollollol", problem.ToString());
        await NothingWritten.AssertUnchangedAsync(admin, before);
    }

    /// <summary>XInclude is not part of the reader: the element is kept as written, the file never read.</summary>
    [Fact]
    public async Task UploadDefinition_KeepsXIncludeUnexpanded()
    {
        using var admin = await host.ClientForAsync("admin");
        var xml = $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions {Definitions} xmlns:xi="http://www.w3.org/2001/XInclude">
              <bpmn:process id="xinclude" isExecutable="true">
                <bpmn:documentation><xi:include href="file:///etc/passwd" parse="text" /></bpmn:documentation>
                <bpmn:startEvent id="s" />
              </bpmn:process>
            </bpmn:definitions>
            """;

        var response = await admin.PostAsync("/api/definitions", new StringContent(xml, Encoding.UTF8, "application/xml"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var stored = await admin.GetStringAsync("/api/definitions/xinclude/versions/1/xml");
        Assert.Equal(xml, stored);
        Assert.DoesNotContain("root:", stored);
    }

    [Theory]
    [InlineData("application/xml; charset=gbk")]
    [InlineData("application/xml; charset=no-such-charset")]
    [InlineData("text/xml; charset=\"gb2312\"")]
    public async Task UploadDefinition_Returns415NamingBody_WhenCharsetIsUnknown(string contentType)
    {
        await AssertUploadRefusedAsync(Encoding.UTF8.GetBytes(Samples.HelloReview), contentType, HttpStatusCode.UnsupportedMediaType);
    }

    /// <summary>GBK bytes sent as UTF-8 would store every Chinese name garbled; they are refused instead.</summary>
    [Fact]
    public async Task UploadDefinition_Returns400NamingBody_WhenBytesAreNotValidUtf8()
    {
        // 文件 in GBK: not a valid UTF-8 sequence.
        var gbk = Encoding.UTF8.GetBytes(Samples.HelloReview.Replace("文件合法性审查", "@@")).ToList();
        var at = gbk.IndexOf((byte)'@');
        gbk.RemoveRange(at, 2);
        gbk.InsertRange(at, new byte[] { 0xCE, 0xC4, 0xBC, 0xFE });

        var problem = await AssertUploadRefusedAsync([.. gbk], "application/xml", HttpStatusCode.BadRequest);
        Assert.Contains("UTF-8", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/octet-stream")]
    [InlineData("multipart/form-data; boundary=x")]
    public async Task UploadDefinition_Returns415_WhenNotSentAsXml(string contentType)
    {
        await AssertUploadRefusedAsync(Encoding.UTF8.GetBytes(Samples.HelloReview), contentType, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task UploadDefinition_StoresNoNewVersion_WhenTheSameFileArrivesTwice()
    {
        using var admin = await host.ClientForAsync("admin");
        var xml = Samples.HelloReview.Replace("hello-review\"", "double-review\"");
        var first = await UploadAsync(admin, xml);
        var before = await NothingWritten.SnapshotAsync(admin);

        var second = await UploadAsync(admin, xml);

        Assert.True(first.GetProperty("created").GetBoolean());
        Assert.False(second.GetProperty("created").GetBoolean());
        Assert.Equal(first.GetProperty("version").GetInt32(), second.GetProperty("version").GetInt32());
        await NothingWritten.AssertUnchangedAsync(admin, before);
    }

    [Fact]
    public async Task UploadDefinition_StoresOneVersion_WhenTheSameFileArrivesTwiceAtOnce()
    {
        using var first = await host.ClientForAsync("admin");
        using var second = host.CreateClient();
        second.DefaultRequestHeaders.Authorization = first.DefaultRequestHeaders.Authorization;
        var xml = Samples.HelloReview.Replace("hello-review\"", "racing-review\"");

        var answers = await Task.WhenAll(UploadAsync(first, xml), UploadAsync(second, xml));

        Assert.Single(answers, a => a.GetProperty("created").GetBoolean());
        Assert.All(answers, a => Assert.Equal(1, a.GetProperty("version").GetInt32()));
        var versions = await first.GetFromJsonAsync<JsonElement>("/api/definitions?key=racing-review");
        Assert.Equal(1, versions.GetArrayLength());
    }

    private async Task<JsonElement> AssertUploadRefusedAsync(byte[] body, string contentType, HttpStatusCode status)
    {
        using var admin = await host.ClientForAsync("admin");
        var before = await NothingWritten.SnapshotAsync(admin);
        var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        var response = await admin.PostAsync("/api/definitions?publish=true", content);

        var problem = await Problem.AssertAsync(response, status);
        if (status != HttpStatusCode.UnsupportedMediaType || contentType.Contains("charset", StringComparison.Ordinal))
        {
            Assert.Equal(["body"], Problem.Targets(problem));
        }
        await NothingWritten.AssertUnchangedAsync(admin, before);
        return problem;
    }

    private static async Task<JsonElement> UploadAsync(HttpClient admin, string xml)
    {
        var response = await admin.PostAsync("/api/definitions?publish=true", new StringContent(xml, Encoding.UTF8, "application/xml"));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
