using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Workflows.Host.Infrastructure;

namespace Workflows.Host.PublicConsultation;

/// <summary>How much one client address may ask of the public consultation pages.</summary>
public sealed class PublicCommentLimits
{
    public const string Section = "Workflows:PublicConsultation:RateLimit";

    /// <summary>Comments one address may send per <see cref="CommentWindow"/>; a flood beyond it is refused with 429.</summary>
    public int CommentsPerWindow { get; set; } = 5;

    public TimeSpan CommentWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Reads (lists, pages, draft downloads) one address may make per minute.</summary>
    public int ReadsPerMinute { get; set; } = 120;
}

/// <summary>
/// ASP.NET Core's rate limiter on the endpoints that need no sign-in, partitioned by client
/// address: an IPv4 address, or an IPv6 /64 (one subscriber's network, which hands its machines
/// many addresses). Behind a reverse proxy every request has the proxy's address; configure
/// forwarded headers there first, or the whole public shares one allowance.
/// </summary>
public static class PublicCommentRateLimits
{
    public const string CommentPolicy = "public-comment";
    public const string ReadPolicy = "public-read";

    public static IServiceCollection AddParticipationApi(this IServiceCollection services)
    {
        services.AddOptions<PublicCommentLimits>().BindConfiguration(PublicCommentLimits.Section);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = RejectAsync;
        });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<PublicCommentLimits>>((o, limits) =>
        {
            var settings = limits.Value;
            o.AddPolicy(CommentPolicy, context => RateLimitPartition.GetFixedWindowLimiter(ClientKey(context), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = Math.Max(1, settings.CommentsPerWindow),
                Window = settings.CommentWindow > TimeSpan.Zero ? settings.CommentWindow : TimeSpan.FromMinutes(10),
                QueueLimit = 0,
            }));
            o.AddPolicy(ReadPolicy, context => RateLimitPartition.GetFixedWindowLimiter(ClientKey(context), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = Math.Max(1, settings.ReadsPerMinute),
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            }));
        });
        return services;
    }

    /// <summary>The address a comment is attributed to: what the rate limit counts and what is hashed for the record.</summary>
    public static string ClientKey(HttpContext context) => context.Connection.RemoteIpAddress switch
    {
        null => "local",
        { IsIPv4MappedToIPv6: true } mapped => mapped.MapToIPv4().ToString(),
        { AddressFamily: AddressFamily.InterNetworkV6 } v6 => Prefix64(v6),
        var address => address.ToString(),
    };

    private static string Prefix64(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var http = rejected.HttpContext;
        var detail = "提交过于频繁，请稍后再试。";
        if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            detail = $"提交过于频繁，请 {seconds} 秒后再试。";
        }
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = Problems.Create(StatusCodes.Status429TooManyRequests, "Too many requests", detail),
        });
    }
}
