using Workflows.Host.MajorDecisions;

namespace Workflows.Host.Components.Decisions;

/// <summary>
/// A decision's dossier (案卷) as a zip, reached with the browser's sign-in cookie: a link in a page cannot
/// send the bearer token <c>/api/decisions/{id}/dossier</c> asks for. The same handler, so the same rules.
/// </summary>
public static class DossierDownload
{
    public static string Url(Guid instanceId) => $"/decisions/{instanceId}/dossier";

    public static IEndpointRouteBuilder MapDossierDownload(this IEndpointRouteBuilder app)
    {
        app.MapGet("/decisions/{id:guid}/dossier", DecisionDocumentsApi.DossierAsync).RequireAuthorization().ExcludeFromDescription();
        return app;
    }
}
