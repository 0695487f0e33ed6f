using Workflows.Procedures.PublicConsultation;

namespace Workflows.Procedures.Experts;

public sealed record ExpertOpinionSummary(
    string Expert,
    string? Organisation,
    string? Title,
    Guid DocumentId,
    string FileName,
    string Sha256,
    DateTimeOffset SubmittedAt,
    AdoptionDecision? Decision,
    string? Reason);

/// <summary>The expert-opinion adoption summary for meeting materials (Decree 713 art. 29).</summary>
public sealed record ExpertSummary(int Opinions, int Adopted, int Partly, int NotAdopted, int Pending, IReadOnlyList<ExpertOpinionSummary> Items);

public sealed class ExpertSummaries(ExpertOpinions opinions)
{
    /// <summary>Each expert's latest opinion in the instance and its adoption; zero counts when there were none.</summary>
    public async Task<ExpertSummary> ForInstanceAsync(Guid instanceId, CancellationToken cancellationToken = default)
    {
        var all = await opinions.ForInstanceAsync(instanceId, cancellationToken);
        int Count(AdoptionDecision? decision) => all.Count(o => o.Adoption?.Decision == decision);
        return new ExpertSummary(
            all.Count, Count(AdoptionDecision.Adopted), Count(AdoptionDecision.Partly), Count(AdoptionDecision.NotAdopted), Count(null),
            [.. all.Select(o => new ExpertOpinionSummary(
                o.Expert?.Name ?? o.Document.UploadedBy, o.Expert?.Organisation, o.Expert?.Title,
                o.Document.Id, o.Document.FileName, o.Document.Sha256, o.Document.UploadedAt,
                o.Adoption?.Decision, o.Adoption?.Reason))]);
    }
}
