using Microsoft.Extensions.Options;
using Workflows.Activities.Documents;
using Workflows.Engine.Runtime;
using Workflows.Host.Components.Shared;
using Workflows.Host.PublicConsultation;
using Workflows.Procedures.PublicConsultation;

namespace Workflows.Host.Components.Public;

/// <summary>
/// The consultation pages' reads. The public side goes through the same public shapes as the
/// anonymous API (<see cref="PublicConsultationDetail"/>), so a page can show nothing the API would
/// not: no name, contact or address of anyone who commented. The lead unit's side repeats the API's
/// rule that only the case's owners (starter, task holders, admin) see the comments.
/// </summary>
public sealed class ConsultationDesk(ScopedReads reads, IOptions<PublicConsultationOptions> options)
{
    public int MaxCommentLength => options.Value.MaxCommentLength;

    public Task<IReadOnlyList<PublicConsultationListItem>> ListOpenAsync(CancellationToken cancellationToken) =>
        reads.RunAsync<IReadOnlyList<PublicConsultationListItem>>(async services =>
            [.. (await services.GetRequiredService<ConsultationBook>().ListOpenAsync(cancellationToken)).Select(PublicConsultationListItem.From)]);

    /// <summary>Null when there is no such consultation.</summary>
    public Task<PublicConsultationDetail?> FindPublicAsync(Guid id, CancellationToken cancellationToken) =>
        reads.RunAsync(async services =>
        {
            var book = services.GetRequiredService<ConsultationBook>();
            if (await book.FindAsync(id, cancellationToken) is not { } consultation)
            {
                return null;
            }
            var draft = await services.GetRequiredService<DocumentStore>().FindAsync(consultation.DraftDocumentId, cancellationToken);
            return PublicConsultationDetail.From(consultation, draft, await book.CommentsAsync(id, cancellationToken), book.Now);
        });

    /// <summary>The lead unit's view with every comment and its contact details; null when missing or not the actor's to see.</summary>
    public Task<(ConsultationResponse Consultation, IReadOnlyList<CommentResponse> Comments)?> FindForOwnerAsync(
        Guid id, WorkflowActor actor, CancellationToken cancellationToken) =>
        reads.RunAsync<(ConsultationResponse, IReadOnlyList<CommentResponse>)?>(async services =>
        {
            var book = services.GetRequiredService<ConsultationBook>();
            if (await book.FindAsync(id, cancellationToken) is not { } consultation
                || !await services.GetRequiredService<InstanceFacts>().MayManageAsync(consultation.InstanceId, actor, cancellationToken))
            {
                return null;
            }
            var comments = await book.CommentsAsync(id, cancellationToken);
            return (ConsultationResponse.From(consultation, comments, book.Now), [.. comments.Select(CommentResponse.From)]);
        });

    /// <summary>An instance's consultations, for its owners; empty for anyone else.</summary>
    public Task<IReadOnlyList<ConsultationResponse>> ForInstanceAsync(Guid instanceId, WorkflowActor actor, CancellationToken cancellationToken) =>
        reads.RunAsync<IReadOnlyList<ConsultationResponse>>(async services =>
        {
            if (!await services.GetRequiredService<InstanceFacts>().MayManageAsync(instanceId, actor, cancellationToken))
            {
                return [];
            }
            var book = services.GetRequiredService<ConsultationBook>();
            var result = new List<ConsultationResponse>();
            foreach (var consultation in await book.ListForInstanceAsync(instanceId, cancellationToken))
            {
                result.Add(ConsultationResponse.From(consultation, await book.CommentsAsync(consultation.Id, cancellationToken), book.Now));
            }
            return result;
        });

    /// <summary>Records what became of a comment and why, as <c>PUT /api/consultations/{id}/comments/{commentId}/adoption</c> does.</summary>
    /// <exception cref="WorkflowValidationException">The decision or the reason is missing or wrong (targets decision, reason).</exception>
    public Task AnswerAsync(Guid id, Guid commentId, string? decision, string? reason, WorkflowActor actor, CancellationToken cancellationToken) =>
        reads.RunAsync(async services =>
            await services.GetRequiredService<ConsultationAnswers>().RecordAdoptionAsync(id, commentId, decision, reason, actor, cancellationToken));

    /// <summary>Publishes 反馈采纳情况和理由, as <c>POST /api/consultations/{id}/feedback</c> does.</summary>
    /// <exception cref="WorkflowValidationException">The summary is missing, too long or marked up (target summary).</exception>
    public Task PublishFeedbackAsync(Guid id, string? summary, WorkflowActor actor, CancellationToken cancellationToken) =>
        reads.RunAsync(async services =>
            await services.GetRequiredService<ConsultationAnswers>().PublishFeedbackAsync(id, summary, actor, cancellationToken));
}
