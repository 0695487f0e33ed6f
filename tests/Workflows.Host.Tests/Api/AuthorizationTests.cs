using System.Net;
using System.Text;
using Workflows.Host.Tests.Infrastructure;

namespace Workflows.Host.Tests.Api;

public sealed class AuthorizationTests(HostFactory host) : IClassFixture<HostFactory>
{
    private static readonly string AnyId = Guid.NewGuid().ToString();

    public static TheoryData<string, string> ApiEndpoints => new()
    {
        { "POST", "/api/definitions" },
        { "GET", "/api/definitions" },
        { "GET", "/api/definitions/hello-review/versions/1/xml" },
        { "POST", "/api/definitions/hello-review/versions/1/publish" },
        { "POST", "/api/instances" },
        { "GET", "/api/instances" },
        { "GET", $"/api/instances/{AnyId}" },
        { "GET", $"/api/instances/{AnyId}/history" },
        { "GET", $"/api/instances/{AnyId}/history/verify" },
        { "POST", $"/api/instances/{AnyId}/cancel" },
        { "POST", $"/api/instances/{AnyId}/retry" },
        { "GET", "/api/tasks" },
        { "POST", $"/api/tasks/{AnyId}/complete" },
        { "POST", "/api/messages" },
        { "GET", "/api/calendar/deadline?start=2026-03-02&amount=5&unit=workingDays" },
        { "GET", "/api/clock" },
        { "POST", "/api/clock/advance" },
        { "GET", $"/api/tasks/{AnyId}" },
        { "POST", $"/api/tasks/{AnyId}/clock/pause" },
        { "POST", $"/api/tasks/{AnyId}/clock/resume" },
        { "GET", $"/api/tasks/{AnyId}/clock-stops" },
        { "GET", "/api/calendar/years" },
        { "GET", "/api/calendar/years/2026" },
        { "PUT", "/api/calendar/years/2027" },
        { "GET", "/api/calendar/years/2026/history" },
        { "POST", $"/api/instances/{AnyId}/documents" },
        { "GET", $"/api/instances/{AnyId}/documents" },
        { "GET", $"/api/documents/{AnyId}" },
        { "GET", $"/api/documents/{AnyId}/content" },
    };

    [Theory]
    [MemberData(nameof(ApiEndpoints))]
    public async Task ApiEndpoint_Returns401Problem_WithoutToken(string method, string path)
    {
        using var client = host.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT")
        {
            request.Content = path switch
            {
                "/api/definitions" => new StringContent(Samples.HelloReview, Encoding.UTF8, "application/xml"),
                _ when path.EndsWith("/documents", StringComparison.Ordinal) => new MultipartFormDataContent { { new StringContent("draft"), "kind" } },
                _ => new StringContent("{}", Encoding.UTF8, "application/json"),
            };
        }
        var response = await client.SendAsync(request);

        await Problem.AssertAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Fact]
    public async Task DefinitionUpload_Returns403_ForNonAdmin()
    {
        using var client = await host.ClientForAsync("reviewer");
        var response = await client.PostAsync("/api/definitions", new StringContent(Samples.HelloReview, Encoding.UTF8, "application/xml"));
        await Problem.AssertAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Publish_Returns403_ForNonAdmin()
    {
        using var client = await host.ClientForAsync("owner");
        var response = await client.PostAsync("/api/definitions/hello-review/versions/1/publish", null);
        await Problem.AssertAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task CalendarYearEdit_Returns403_ForNonAdmin()
    {
        using var client = await host.ClientForAsync("supervisor");
        var response = await client.PutAsync("/api/calendar/years/2027",
            new StringContent("""{"holidays":["2027-01-01"],"makeUpWorkingDays":[],"reason":"试图修改"}""", Encoding.UTF8, "application/json"));
        await Problem.AssertAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Clock_Returns403_ForNonAdmin()
    {
        using var client = await host.ClientForAsync("supervisor");
        await Problem.AssertAsync(await client.GetAsync("/api/clock"), HttpStatusCode.Forbidden);
    }
}
