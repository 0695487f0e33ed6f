using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Workflows.Activities.Documents;
using Workflows.Engine.Runtime;
using Workflows.Procedures.Experts.Persistence;
using Workflows.Procedures.PublicConsultation;

namespace Workflows.Procedures.Experts;

/// <summary>One expert's written opinion in a case: their latest upload, with its adoption once recorded.</summary>
public sealed record ExpertOpinion(StoredDocument Document, Expert? Expert, ExpertOpinionAdoption? Adoption);

/// <summary>
/// Experts' signed written opinions (Decree 713 art. 20) and their adoption by the lead unit. An
/// opinion is a case document of kind <c>expert-opinion</c>, uploaded by the expert while their
/// consultation task is open; a later upload by the same expert replaces the earlier one as
/// "their opinion", and both stay in the dossier.
/// </summary>
public sealed class ExpertOpinions(
    IDbContextFactory<ExpertsDbContext> dbFactory,
    DocumentStore documents,
    ExpertPool pool,
    InstanceFacts facts,
    IWorkflowJournal journal,
    TimeProvider clock)
{
    public const string DocumentKind = "expert-opinion";
    public const string AdoptionJournalKind = "ExpertOpinionAdoptionRecorded";

    /// <summary>The latest opinion of each expert in the instance, in the order they arrived.</summary>
    public async Task<IReadOnlyList<ExpertOpinion>> ForInstanceAsync(Guid instanceId, CancellationToken cancellationToken = default)
    {
        var latest = (await documents.ListAsync(instanceId, null, cancellationToken))
            .Where(d => d.Kind == DocumentKind)
            .GroupBy(d => d.UploadedBy, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.OrderBy(d => d.UploadedAt).ThenBy(d => d.Id).Last())
            .OrderBy(d => d.UploadedAt).ThenBy(d => d.Id)
            .ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ids = latest.Select(d => d.Id).ToList();
        var adoptions = await db.Adoptions.AsNoTracking().Where(a => ids.Contains(a.DocumentId)).ToDictionaryAsync(a => a.DocumentId, cancellationToken);
        var experts = (await pool.ListAsync(cancellationToken: cancellationToken)).Where(e => e.UserName is not null).ToList();
        return [.. latest.Select(d => new ExpertOpinion(
            d,
            experts.FirstOrDefault(e => string.Equals(e.UserName, d.UploadedBy, StringComparison.OrdinalIgnoreCase)),
            adoptions.GetValueOrDefault(d.Id)))];
    }

    /// <summary>An expert files their signed opinion in a case where they hold an open consultation task.</summary>
    /// <exception cref="WorkflowForbiddenException">The actor holds no open expert consultation task in the instance.</exception>
    public async Task<StoredDocument> SubmitAsync(Guid instanceId, string fileName, string? contentType, Stream content, string? title, WorkflowActor actor, CancellationToken cancellationToken)
    {
        var task = (await facts.OpenGuardedTasksAsync(instanceId, ExpertOpinionGuard.GuardKey, actor, cancellationToken)).FirstOrDefault()
            ?? throw new WorkflowForbiddenException("只有受邀参加本事项论证、且论证任务尚未办结的专家本人可以提交论证意见。");
        return await documents.AddAsync(new DocumentUpload(
            fileName, contentType, content, DocumentKind, instanceId, null, task.ActivityId,
            string.IsNullOrWhiteSpace(title) ? "专家书面论证意见" : title.Trim()), actor, cancellationToken);
    }

    /// <summary>Records how the lead unit adopted an opinion; the case's owners only, never the expert themselves.</summary>
    public async Task<ExpertOpinion> RecordAdoptionAsync(Guid documentId, string? decision, string? reason, WorkflowActor actor, CancellationToken cancellationToken)
    {
        var errors = new List<ValidationError>();
        if (!AdoptionDecisions.TryParse(decision, out var parsed))
        {
            errors.Add(new("decision", $"采纳情况须为 {AdoptionDecisions.Expected}。"));
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            errors.Add(new("reason", "请说明采纳或不予采纳的理由。"));
        }
        else if (reason.Length > AdoptionDecisions.MaxReasonLength)
        {
            errors.Add(new("reason", $"理由不能超过 {AdoptionDecisions.MaxReasonLength} 字。"));
        }
        if (errors.Count > 0)
        {
            throw new WorkflowValidationException(string.Join(" ", errors.Select(e => e.Message)), errors);
        }

        var document = await documents.FindAsync(documentId, cancellationToken);
        if (document is not { Kind: DocumentKind, InstanceId: { } instanceId })
        {
            throw new WorkflowNotFoundException($"没有编号为 {documentId} 的专家论证意见。");
        }
        if (!await facts.MayManageAsync(instanceId, actor, cancellationToken))
        {
            throw new WorkflowForbiddenException("只有事项的发起人、承办人或系统管理员可以记录专家意见的采纳情况。");
        }
        if (string.Equals(document.UploadedBy, actor.UserName, StringComparison.OrdinalIgnoreCase))
        {
            throw new WorkflowForbiddenException("专家不能记录本人论证意见的采纳情况。");
        }
        if (!(await ForInstanceAsync(instanceId, cancellationToken)).Any(o => o.Document.Id == documentId))
        {
            throw new WorkflowConflictException("该意见已被这位专家后来提交的意见取代，请对其最新的论证意见记录采纳情况。");
        }
        if (await facts.FinalizedAsync(instanceId, ExpertAdoptionGuard.GuardKey, document.UploadedAt, cancellationToken) is not null)
        {
            throw new WorkflowConflictException("专家意见采纳环节已办结，采纳情况不能再更改。");
        }

        await journal.AppendAsync(instanceId, AdoptionJournalKind, document.ActivityId, new JsonObject
        {
            ["documentId"] = documentId.ToString(),
            ["expert"] = document.UploadedBy,
            ["decision"] = AdoptionDecisions.Name(parsed!.Value),
            ["reason"] = reason!.Trim(),
        }, actor, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var adoption = await db.Adoptions.SingleOrDefaultAsync(a => a.DocumentId == documentId, cancellationToken);
        if (adoption is null)
        {
            adoption = new ExpertOpinionAdoption { DocumentId = documentId, InstanceId = instanceId, ExpertUserName = document.UploadedBy, Reason = "", RecordedBy = "" };
            db.Adoptions.Add(adoption);
        }
        adoption.Decision = parsed.Value;
        adoption.Reason = reason.Trim();
        adoption.RecordedBy = actor.UserName;
        adoption.RecordedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return new ExpertOpinion(document, await pool.FindByUserNameAsync(document.UploadedBy, cancellationToken), adoption);
    }
}
