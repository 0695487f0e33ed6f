using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;
using Workflows.Activities.Documents;

namespace Workflows.Host.Documents;

/// <summary>The multipart form of an upload, for the OpenAPI document; the handler reads the form itself to name each bad field.</summary>
/// <param name="File">The file; its name (Chinese is fine) is kept as uploaded.</param>
/// <param name="Kind">What it is, a stable key such as <c>draft</c>, <c>legality-opinion</c>, <c>hearing-record</c>.</param>
/// <param name="ActivityId">The step it belongs to (a BPMN element id).</param>
public sealed record DocumentUploadForm(IFormFile File, string Kind, string? ActivityId, string? Title);

public sealed record DocumentResponse(
    Guid Id,
    Guid? InstanceId,
    string? ActivityId,
    string Kind,
    string? Title,
    string FileName,
    string ContentType,
    long Size,
    string Sha256,
    string UploadedBy,
    DateTimeOffset UploadedAt,
    string ContentUrl)
{
    public static DocumentResponse From(StoredDocument d) => new(
        d.Id, d.InstanceId, d.ActivityId, d.Kind, d.Title, d.FileName, d.ContentType, d.Size, d.Sha256, d.UploadedBy, d.UploadedAt,
        $"/api/documents/{d.Id}/content");
}

/// <summary>How a stored file is described to browsers.</summary>
internal static class DocumentHeaders
{
    private static readonly FileExtensionContentTypeProvider Types = CreateTypes();

    /// <summary>
    /// The type follows from the extension the store has already checked against the content, never
    /// from what the client claimed: a ".txt" declared text/html must not come back as a web page.
    /// </summary>
    public static string ContentTypeOf(string fileName) =>
        Types.TryGetContentType(fileName, out var type) ? type : "application/octet-stream";

    /// <summary>
    /// <c>attachment; filename="…"; filename*=UTF-8''…</c> (RFC 6266 with RFC 5987 encoding): clients that
    /// read <c>filename*</c> (every current browser) get the Chinese name; the plain <c>filename</c> is an
    /// ASCII stand-in for the rest.
    /// </summary>
    public static string ContentDisposition(string fileName)
    {
        var header = new ContentDispositionHeaderValue("attachment") { FileName = AsciiStandIn(fileName) };
        if (!IsPlainAscii(fileName))
        {
            header.FileNameStar = fileName;
        }
        return header.ToString();
    }

    private static string AsciiStandIn(string fileName)
    {
        if (IsPlainAscii(fileName))
        {
            return fileName;
        }
        var extension = Path.GetExtension(fileName);
        return "document" + (IsPlainAscii(extension) ? extension : "");
    }

    private static bool IsPlainAscii(string text) => text.All(c => c is >= ' ' and <= '~' and not '"' and not '\\');

    private static FileExtensionContentTypeProvider CreateTypes()
    {
        var provider = new FileExtensionContentTypeProvider();
        // OFD (GB/T 33190), the national fixed-layout format, is not in the framework's table.
        provider.Mappings[".ofd"] = "application/ofd";
        return provider;
    }
}
