using System.Net;
using System.Text.Json;

namespace Workflows.Host.Tests.Infrastructure;

/// <summary>Assertions on RFC 7807 bodies.</summary>
public static class Problem
{
    public static async Task<JsonElement> AssertAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.True(problem.TryGetProperty("title", out _), body);
        Assert.DoesNotContain("   at ", body); // never a stack trace
        return problem;
    }

    /// <summary>The <c>target</c> of every entry in <c>errors</c>.</summary>
    public static IReadOnlyList<string> Targets(JsonElement problem) =>
        problem.TryGetProperty("errors", out var errors)
            ? [.. errors.EnumerateArray().Select(e => e.GetProperty("target").GetString()!)]
            : [];
}
