using Microsoft.Extensions.Options;
using Workflows.Engine.Runtime;
using Workflows.Host.Components.Shared;
using Workflows.Procedures.NormativeDocuments;
using Workflows.Procedures.NormativeDocuments.Register;

namespace Workflows.Host.Components.Normative;

/// <summary>The register's entry for a task's document, the issuing body's channel and the filing deadline, for the task page's sections.</summary>
public sealed record NormativeStepContext(NormativeDocument Document, string? Channel, DateOnly Today, DateOnly? FilingDueOn);

/// <summary>
/// The normative-document steps the register closes (统一登记编号, 统一发布, 备案) go through the register's
/// own commands, exactly as <c>POST /api/normative-documents/{id}/register|publish|filings</c> do: each
/// checks the step is open and the person's, writes the register and completes the step in one go.
/// </summary>
public sealed class NormativeTaskDesk(ScopedReads reads, IOptionsMonitor<NormativeDocumentOptions> options)
{
    /// <summary>The configured issuing bodies (制定机关), by code, with their names.</summary>
    public IReadOnlyList<(string Code, string Name)> Issuers =>
        [.. options.CurrentValue.Issuers.OrderBy(i => i.Key, StringComparer.Ordinal).Select(i => (i.Key, i.Value.Name))];

    public int DefaultValidityYears => options.CurrentValue.DefaultValidityYears;

    /// <summary>Starts drafting through the register, as <c>POST /api/normative-documents</c> does.</summary>
    /// <exception cref="WorkflowValidationException">A setting is missing or wrong; each error names its field.</exception>
    public Task<NormativeDocument> StartAsync(StartDocumentRequest request, WorkflowActor actor, CancellationToken cancellationToken) =>
        reads.RunAsync(services => services.GetRequiredService<DocumentStart>().StartAsync(request, actor, cancellationToken));

    public Task<NormativeStepContext?> ContextAsync(Guid documentId, CancellationToken cancellationToken) =>
        reads.RunAsync(async services =>
        {
            if (await services.GetRequiredService<RegisterQueries>().GetAsync(documentId, cancellationToken) is not var (document, _))
            {
                return null;
            }
            var options = services.GetRequiredService<IOptionsMonitor<NormativeDocumentOptions>>().CurrentValue;
            var calendar = services.GetRequiredService<NormativeCalendar>();
            return new NormativeStepContext(document, options.Issuers.GetValueOrDefault(document.IssuerCode)?.Channel, calendar.Today(),
                document.PublishedOn is { } published ? calendar.LastDay(published, options.FilingPeriod) : null);
        });

    /// <returns>The document with the number the register gave.</returns>
    public Task<NormativeDocument> RegisterAsync(Guid documentId, WorkflowActor actor, CancellationToken cancellationToken) =>
        reads.RunAsync(services => services.GetRequiredService<RegisterCommands>().RegisterAsync(documentId, actor, cancellationToken));

    public Task<NormativeDocument> PublishAsync(Guid documentId, PublishRequest request, WorkflowActor actor, CancellationToken cancellationToken) =>
        reads.RunAsync(services => services.GetRequiredService<PublicationCommands>().PublishAsync(documentId, request, actor, cancellationToken));

    public Task<FilingRecord> FileAsync(Guid documentId, FilingRequest request, WorkflowActor actor, CancellationToken cancellationToken) =>
        reads.RunAsync(services => services.GetRequiredService<PublicationCommands>().FileAsync(documentId, request, actor, cancellationToken));
}
