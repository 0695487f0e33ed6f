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
    /// <exception cref="BadHttpRequestException">413 when the body is larger, 415 when its charset is unknown here, 400 when its bytes are not valid in that charset.</exception>
    public static async Task<string> ReadTextAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            throw TooLarge(maxBytes);
        }
        if (UnsupportedCharset(request) is { } charset)
        {
            throw new BadHttpRequestException(CharsetMessage(charset), StatusCodes.Status415UnsupportedMediaType);
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
        // A byte order mark wins over the declared charset, and is not part of the text. Bytes that are
        // not valid in the encoding are refused rather than stored as U+FFFD: a GBK file sent without
        // its charset would otherwise keep every Chinese name garbled.
        var declared = request.GetTypedHeaders().ContentType?.Encoding ?? Encoding.UTF8;
        var strict = Encoding.GetEncoding(declared.CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        using var reader = new StreamReader(buffer, strict, detectEncodingFromByteOrderMarks: true);
        try
        {
            return await reader.ReadToEndAsync(cancellationToken);
        }
        catch (DecoderFallbackException)
        {
            throw new BadHttpRequestException(
                $"The body is not valid {strict.WebName}; send UTF-8, or name the charset in the Content-Type header.", StatusCodes.Status400BadRequest);
        }
    }

    /// <summary>The charset the Content-Type names when this runtime cannot decode it (e.g. <c>gbk</c>), else null.</summary>
    public static string? UnsupportedCharset(HttpRequest request)
    {
        var charset = request.GetTypedHeaders().ContentType?.Charset;
        if (charset is not { HasValue: true } || charset.Value.Length == 0)
        {
            return null;
        }
        var name = charset.Value.ToString().Trim('"');
        try
        {
            Encoding.GetEncoding(name);
            return null;
        }
        catch (ArgumentException)
        {
            return name;
        }
    }

    public static string CharsetMessage(string charset) =>
        $"The charset '{charset}' is not supported; send the body as UTF-8.";

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
