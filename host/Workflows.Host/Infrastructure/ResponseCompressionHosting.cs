using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace Workflows.Host.Infrastructure;

/// <summary>
/// Compression of text the build did not compress ahead of time. MapStaticAssets serves its own
/// precompressed files (gzip at build, gzip and Brotli at publish) and marks them with Content-Encoding,
/// which this middleware leaves alone; what remains is API JSON and any asset without a compressed twin.
/// HTML is never compressed here: pages carry the antiforgery token next to text a person typed, the
/// mix BREACH reads through compressed lengths. For the same reason nothing that issues a secret
/// (bearer tokens, calendar feed tokens, the circuit's negotiation) is compressed.
/// </summary>
public static class ResponseCompressionHosting
{
    private static readonly string[] CompressedTypes =
    [
        "text/css", "text/javascript", "application/javascript", "application/json", "application/problem+json", "image/svg+xml", "text/plain",
    ];

    public static IServiceCollection AddTextCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(o =>
        {
            // Installations run behind HTTPS; the exclusions below, not the scheme, keep secrets out.
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = CompressedTypes;
        });
        // Fastest: on two cores, a large JSON list compressed at the optimal level costs more time than it saves on the wire.
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return services;
    }

    public static WebApplication UseTextCompression(this WebApplication app)
    {
        app.UseWhen(c => !CarriesSecret(c.Request.Path), branch => branch.UseResponseCompression());
        return app;
    }

    /// <summary>Responses that hand out a secret (and may echo what the caller sent with it).</summary>
    public static bool CarriesSecret(PathString path) =>
        path.StartsWithSegments("/api/auth")
        || path.StartsWithSegments("/_blazor")
        || (path.Value ?? "").EndsWith("/feed-token", StringComparison.OrdinalIgnoreCase);
}
