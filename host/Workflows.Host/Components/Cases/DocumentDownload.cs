using Workflows.Host.Documents;

namespace Workflows.Host.Components.Cases;

public static class DocumentDownload
{
    public static string Url(Guid documentId) => $"/documents/{documentId}/download";

    /// <summary>
    /// The API's download, reached with the browser's sign-in cookie: a link in a page cannot send the
    /// bearer token the <c>/api</c> paths ask for. Same visibility rule, same headers.
    /// </summary>
    public static IEndpointRouteBuilder MapDocumentDownload(this IEndpointRouteBuilder app)
    {
        app.MapGet("/documents/{id:guid}/download", DocumentsApi.DownloadAsync).RequireAuthorization().ExcludeFromDescription();
        return app;
    }
}
