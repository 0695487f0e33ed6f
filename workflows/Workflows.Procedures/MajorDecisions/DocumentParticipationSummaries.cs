using System.Text.Json.Nodes;
using Workflows.Activities.Documents;

namespace Workflows.Procedures.MajorDecisions;

/// <summary>
/// The default source of the adoption summaries: the newest summary document of each kind the lead
/// unit uploaded to the decision. Replaced by the consultation module's summaries where it is installed.
/// </summary>
public sealed class DocumentParticipationSummaries(DocumentStore documents) : IParticipationSummaries
{
    public Task<ParticipationSummary?> PublicCommentAdoptionAsync(Guid instanceId, CancellationToken cancellationToken) =>
        FromDocumentAsync(instanceId, DecisionDocumentKinds.PublicCommentAdoption, cancellationToken);

    public Task<ParticipationSummary?> ExpertAdoptionAsync(Guid instanceId, CancellationToken cancellationToken) =>
        FromDocumentAsync(instanceId, DecisionDocumentKinds.ExpertAdoption, cancellationToken);

    private async Task<ParticipationSummary?> FromDocumentAsync(Guid instanceId, string kind, CancellationToken cancellationToken)
    {
        var document = (await documents.ListAsync(instanceId, null, cancellationToken)).LastOrDefault(d => d.Kind == kind);
        return document is null
            ? null
            : new ParticipationSummary(document.Title ?? DecisionDocumentKinds.Names[kind],
                new JsonObject { ["fileName"] = document.FileName, ["sha256"] = document.Sha256 }, document.Id);
    }
}
