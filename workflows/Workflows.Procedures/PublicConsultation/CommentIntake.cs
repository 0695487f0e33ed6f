using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workflows.Engine.Runtime;
using Workflows.Procedures.PublicConsultation.Persistence;

namespace Workflows.Procedures.PublicConsultation;

/// <summary>
/// Takes comments from the public (no sign-in): checked in full before anything is written, refused
/// once the consultation has closed, and journalled in the instance by the content's hash only, so
/// the record of what was received is tamper-evident without putting personal data into a chain
/// that can never be edited.
/// </summary>
public sealed class CommentIntake(
    IDbContextFactory<ConsultationsDbContext> dbFactory,
    ConsultationBook book,
    IWorkflowJournal journal,
    IOptions<PublicConsultationOptions> options)
{
    public const string JournalKind = "PublicCommentReceived";

    /// <summary>Who the journal names as the actor of a public comment.</summary>
    public static readonly WorkflowActor Public = new("public", new HashSet<string>());

    /// <exception cref="WorkflowNotFoundException">No such consultation.</exception>
    /// <exception cref="WorkflowConflictException">The consultation has closed.</exception>
    /// <exception cref="WorkflowValidationException">The comment breaks a rule; the error names the field.</exception>
    public async Task<ConsultationComment> SubmitAsync(Guid consultationId, CommentSubmission submission, string clientAddress, CancellationToken cancellationToken)
    {
        var consultation = await book.FindAsync(consultationId, cancellationToken)
            ?? throw new WorkflowNotFoundException($"征求意见 {consultationId} 不存在。");
        var now = book.Now;
        if (consultation.IsClosed(now))
        {
            throw new WorkflowConflictException($"本次征求意见已于 {book.ClosingDay(consultation):yyyy-MM-dd} 截止，不再接收意见。");
        }
        var errors = CommentRules.Check(submission, options.Value.MaxCommentLength);
        if (errors.Count > 0)
        {
            throw new WorkflowValidationException(string.Join(" ", errors.Select(e => e.Message)), errors);
        }

        var comment = new ConsultationComment
        {
            Id = Guid.CreateVersion7(),
            ConsultationId = consultationId,
            Name = Blank(submission.Name),
            Contact = Blank(submission.Contact),
            Content = submission.Content!.Trim(),
            SubmittedAt = now,
            AddressHash = Convert.ToHexStringLower(HMACSHA256.HashData(consultation.AddressHashKey, Encoding.UTF8.GetBytes(clientAddress))),
        };
        // Journalled first: a comment the chain does not know of is never stored.
        await journal.AppendAsync(consultation.InstanceId, JournalKind, consultation.ActivityId, new JsonObject
        {
            ["consultationId"] = consultationId.ToString(),
            ["commentId"] = comment.Id.ToString(),
            ["contentSha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(comment.Content))),
            ["submittedAt"] = now.ToString("O", CultureInfo.InvariantCulture),
        }, Public, cancellationToken);
        await StoreNumberedAsync(comment, cancellationToken);
        return comment;
    }

    /// <summary>Numbers comments in order of arrival; two arriving at once race for a number and the loser takes the next.</summary>
    private async Task StoreNumberedAsync(ConsultationComment comment, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            comment.Number = 1 + (await db.Comments.Where(c => c.ConsultationId == comment.ConsultationId).MaxAsync(c => (int?)c.Number, cancellationToken) ?? 0);
            db.Comments.Add(comment);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException) when (attempt < 10)
            {
                // the number was taken meanwhile: count again
            }
        }
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
