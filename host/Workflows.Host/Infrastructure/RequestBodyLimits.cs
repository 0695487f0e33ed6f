using System.Text;
using Microsoft.AspNetCore.Http.Metadata;

namespace Workflows.Host.Infrastructure;

public static class RequestBodyLimits
{
    /// <summary>Commands carry a few variables, never documents: 1 MiB is generous and bounds what a client can make us parse.</summary>
    public const long JsonBodyBytes = 1024 * 1024;

    /// <summary>The server-wide ceiling (Kestrel); endpoints lower it through their metadata.</summary>
    public const long ServerMaxBytes = 8 * 1024 * 1024;

    /// <summary>Caps the body through endpoint metadata, which the routing middleware applies to the server's limit.</summary>
    public static RouteHandlerBuilder WithSmallJsonBody(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new BodySizeLimit(JsonBodyBytes));

    public static RouteHandlerBuilder WithBodyLimit(this RouteHandlerBuilder builder, long bytes) =>
        builder.WithMetadata(new BodySizeLimit(bytes));

    /// <summary>
    /// Reads a text body of at most <paramref name="maxBytes"/>. The server limit already guards Kestrel;
    /// this also holds for chunked bodies and for servers without a size feature (the in-process test server).
    /// </summary>
    /// <exception cref="BadHttpRequestException">413 when the body is larger.</exception>
    public static async Task<string> ReadTextAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            throw TooLarge(maxBytes);
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw TooLarge(maxBytes);
            }
            buffer.Write(chunk, 0, read);
        }
        buffer.Position = 0;
        // A byte order mark wins over the declared charset, and is not part of the text.
        using var reader = new StreamReader(buffer, request.GetTypedHeaders().ContentType?.Encoding ?? Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return await reader.ReadToEndAsync(cancellationToken);
    }

    private static BadHttpRequestException TooLarge(long maxBytes) => new(
        $"The body is larger than the {Describe(maxBytes)} allowed here.", StatusCodes.Status413PayloadTooLarge);

    /// <summary>A size as people read it: <c>20 MiB</c>, <c>1.5 MiB</c>, <c>64 KiB</c>.</summary>
    public static string Describe(long bytes) => bytes switch
    {
        >= 1024 * 1024 => $"{Math.Round(bytes / 1024d / 1024d, 1).ToString(System.Globalization.CultureInfo.InvariantCulture)} MiB",
        >= 1024 => $"{Math.Round(bytes / 1024d, 1).ToString(System.Globalization.CultureInfo.InvariantCulture)} KiB",
        _ => $"{bytes} bytes",
    };

    private sealed class BodySizeLimit(long bytes) : IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize => bytes;
    }
}
