using System.Globalization;
using System.Text.Json.Nodes;
using Workflows.Procedures.Experts;
using Workflows.Procedures.PublicConsultation;

namespace Workflows.Procedures.MajorDecisions;

/// <summary>
/// The adoption summaries the meeting materials carry (art. 29), read from the records the
/// participation modules keep: the public consultation's comments and their adoption
/// (<see cref="ConsultationSummaries"/>) and the experts' signed opinions and theirs
/// (<see cref="ExpertSummaries"/>). A summary exists only once it is final: the feedback published,
/// every opinion answered — so the materials can never carry a half-answered consultation.
/// </summary>
public sealed class ParticipationModuleSummaries(ConsultationSummaries consultations, ExpertSummaries experts) : IParticipationSummaries
{
    public async Task<ParticipationSummary?> PublicCommentAdoptionAsync(Guid instanceId, CancellationToken cancellationToken)
    {
        if (await consultations.ForInstanceAsync(instanceId, cancellationToken) is not { FeedbackPublishedAt: { } published, Pending: 0 } summary)
        {
            return null;
        }
        return new ParticipationSummary("公众意见采纳情况", new JsonObject
        {
            ["consultationId"] = summary.ConsultationId.ToString(),
            ["title"] = summary.Title,
            ["period"] = summary.Period,
            ["openedAt"] = summary.OpenedAt.ToString("O", CultureInfo.InvariantCulture),
            ["lastDay"] = summary.LastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["closedEarlyAt"] = summary.ClosedEarlyAt?.ToString("O", CultureInfo.InvariantCulture),
            ["earlyCloseReason"] = summary.EarlyCloseReason,
            ["comments"] = summary.Comments,
            ["adopted"] = summary.Adopted,
            ["partly"] = summary.Partly,
            ["notAdopted"] = summary.NotAdopted,
            ["feedback"] = summary.FeedbackSummary,
            ["feedbackPublishedAt"] = published.ToString("O", CultureInfo.InvariantCulture),
        }, summary.FeedbackDocumentId);
    }

    public async Task<ParticipationSummary?> ExpertAdoptionAsync(Guid instanceId, CancellationToken cancellationToken)
    {
        var summary = await experts.ForInstanceAsync(instanceId, cancellationToken);
        if (summary.Opinions == 0 || summary.Pending > 0)
        {
            return null;
        }
        return new ParticipationSummary("专家论证意见采纳情况", new JsonObject
        {
            ["opinions"] = summary.Opinions,
            ["adopted"] = summary.Adopted,
            ["partly"] = summary.Partly,
            ["notAdopted"] = summary.NotAdopted,
            ["experts"] = new JsonArray([.. summary.Items.Select(i => (JsonNode?)new JsonObject
            {
                ["expert"] = i.Expert,
                ["organisation"] = i.Organisation,
                ["title"] = i.Title,
                ["documentId"] = i.DocumentId.ToString(),
                ["fileName"] = i.FileName,
                ["sha256"] = i.Sha256,
                ["submittedAt"] = i.SubmittedAt.ToString("O", CultureInfo.InvariantCulture),
                ["decision"] = i.Decision is { } d ? AdoptionDecisions.Name(d) : null,
                ["reason"] = i.Reason,
            })]),
        });
    }
}
