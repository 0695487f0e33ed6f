using Workflows.Host.MajorDecisions;
using Workflows.Host.NormativeDocuments;

namespace Workflows.Host.Components.Registers;

/// <summary>
/// The registers' exports under the sign-in cookie: a link in a page cannot send the bearer token the
/// <c>/api</c> paths ask for. Each is the API's own handler, so the files are the same bytes.
/// </summary>
public static class RegisterDownloads
{
    public static string DecisionCatalogue(int year) => $"/registers/decisions/{year}/export";

    public static string NormativeCatalogue(int year, string format) => $"/registers/normative-documents/catalogue?year={year}&format={format}";

    public static IEndpointRouteBuilder MapRegisterDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet("/registers/decisions/{year:int}/export", DecisionCataloguesApi.ExportAsync).RequireAuthorization().ExcludeFromDescription();
        app.MapGet("/registers/normative-documents/catalogue", NormativeDocumentsApi.CatalogueAsync).RequireAuthorization().ExcludeFromDescription();
        return app;
    }
}
