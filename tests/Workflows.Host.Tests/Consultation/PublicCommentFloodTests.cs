using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workflows.Host.Tests.Infrastructure;
using static Workflows.Host.Tests.Consultation.ParticipationFlow;

namespace Workflows.Host.Tests.Consultation;

/// <summary>The shipped limit (5 comments per address per 10 minutes) against a flood; a class of its own so nothing else spends the allowance.</summary>
public sealed class PublicCommentFloodTests(DefaultLimitsParticipationHostFactory host) : IClassFixture<DefaultLimitsParticipationHostFactory>
{
    [Fact]
    public async Task SubmitComment_Returns429WithRetryAfter_WhenOneAddressFloods()
    {
        var (_, consultationId) = await OpenConsultationAsync(host, "关于城区禁止燃放烟花爆竹的通告");
        using var flooder = host.PublicClient("203.0.113.66");

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 1; i <= 12; i++)
        {
            var response = await CommentAsync(flooder, consultationId, new { content = $"同意（第 {i} 次提交）" });
            statuses.Add(response.StatusCode);
            refused ??= response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Created, 5).Concat(Enumerable.Repeat(HttpStatusCode.TooManyRequests, 7)), statuses);
        var problem = await Problem.AssertAsync(refused!, HttpStatusCode.TooManyRequests);
        Assert.Contains("频繁", problem.GetProperty("detail").GetString());
        var retryAfter = int.Parse(refused!.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 600);

        // Another address is not held back by the flood.
        using var neighbour = host.PublicClient("203.0.113.67");
        Assert.Equal(HttpStatusCode.Created, (await CommentAsync(neighbour, consultationId, new { content = "建议春节期间允许定点燃放。" })).StatusCode);
        using var owner = await host.ClientForAsync("owner");
        Assert.Equal(6, (await owner.GetFromJsonAsync<JsonElement>($"/api/consultations/{consultationId}/comments")).GetArrayLength());
    }
}
