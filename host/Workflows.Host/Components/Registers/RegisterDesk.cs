using Workflows.Host.Components.Shared;
using Workflows.Host.NormativeDocuments;
using Workflows.Procedures.MajorDecisions.Catalogue;
using Workflows.Procedures.MajorDecisions.Persistence;
using Workflows.Procedures.MajorDecisions.Register;
using Workflows.Procedures.NormativeDocuments.Register;
using Workflows.Engine.Runtime;

namespace Workflows.Host.Components.Registers;

/// <summary>The registers' reads, through the same modules and response shapes as their APIs.</summary>
public sealed class RegisterDesk(ScopedReads reads)
{
    public Task<CatalogueView?> CatalogueAsync(int year, CancellationToken cancellationToken) =>
        reads.RunAsync(services => services.GetRequiredService<DecisionCatalogues>().GetAsync(year, cancellationToken));

    public Task<IReadOnlyList<Decision>> DecisionsAsync(int year, CancellationToken cancellationToken) =>
        reads.RunAsync(services => services.GetRequiredService<DecisionRegister>().ListAsync(
            new DecisionFilter(year, null, null, null, 0, 500), services.GetRequiredService<IWorkflowQueries>(), cancellationToken));

    public Task<IReadOnlyList<NormativeDocumentResponse>> SearchDocumentsAsync(RegisterSearch search, CancellationToken cancellationToken) =>
        reads.RunAsync<IReadOnlyList<NormativeDocumentResponse>>(async services =>
        {
            var queries = services.GetRequiredService<RegisterQueries>();
            return [.. (await queries.SearchAsync(search, cancellationToken)).Select(d => NormativeDocumentResponse.From(d, queries.IsInForce(d)))];
        });

    /// <summary>Null when there is no such document.</summary>
    public Task<NormativeDocumentResponse?> DocumentAsync(Guid id, CancellationToken cancellationToken) =>
        reads.RunAsync(async services =>
        {
            var queries = services.GetRequiredService<RegisterQueries>();
            return await queries.GetAsync(id, cancellationToken) is var (document, history)
                ? NormativeDocumentResponse.From(document, queries.IsInForce(document), history)
                : null;
        });

    public Task<IReadOnlyDictionary<string, string>> UnitNamesAsync(CancellationToken cancellationToken) =>
        reads.RunAsync<IReadOnlyDictionary<string, string>>(async services =>
            (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
                services.GetRequiredService<Workflows.Host.Accounts.AccountsDbContext>().Units, cancellationToken))
            .ToDictionary(u => u.Code, u => u.Name, StringComparer.OrdinalIgnoreCase));
}
