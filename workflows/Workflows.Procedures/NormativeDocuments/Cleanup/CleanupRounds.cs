using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workflows.Activities.Notifications;
using Workflows.Engine.Outbox;
using Workflows.Engine.Runtime;
using Workflows.Engine.Tasks;
using Workflows.Procedures.NormativeDocuments.Persistence;
using Workflows.Procedures.NormativeDocuments.Register;

namespace Workflows.Procedures.NormativeDocuments.Cleanup;

public sealed record StartCleanupRequest(string? Issuer, string? Title);

public sealed record CleanupDecisionRequest(string? Decision, string? Reason);

public sealed record PublishCleanupRequest(string? Url);

/// <summary>
/// Clean-up rounds (清理): started on demand or every CleanupIntervalYears by the daily job; each
/// document in force at the start is in scope and needs a decision; publishing the result
/// applies the repeals.
/// </summary>
public sealed class CleanupRounds(
    IDbContextFactory<NormativeDocumentsDbContext> dbFactory,
    OutboxPublisher outbox,
    NormativeCalendar calendar,
    IOptionsMonitor<NormativeDocumentOptions> options)
{
    public const string Scheduled = "scheduled";
    public const string OnDemand = "on-demand";

    public async Task<CleanupRound> StartAsync(StartCleanupRequest request, WorkflowActor actor, CancellationToken cancellationToken)
    {
        RequireLegal(actor);
        var errors = new InputErrors();
        var issuer = request.Issuer?.Trim();
        if (string.IsNullOrEmpty(issuer) || !options.CurrentValue.Issuers.ContainsKey(issuer))
        {
            errors.Add("issuer", $"制定机关须为已配置的发文机关之一：{string.Join("、", options.CurrentValue.Issuers.Keys.Order())}。");
        }
        var title = errors.Text("title", request.Title, 300, "清理工作名称");
        errors.ThrowIfAny();
        return await CreateAsync(Guid.CreateVersion7(), issuer!, title!, OnDemand, calendar.Today(), actor, cancellationToken);
    }

    /// <summary>Starts the issuing bodies' rounds that are due; the round's id is derived from its due date, so a second run starts nothing.</summary>
    public async Task StartScheduledAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var interval = options.CurrentValue.CleanupIntervalYears;
        if (interval == 0)
        {
            return;
        }
        foreach (var (code, issuer) in options.CurrentValue.Issuers)
        {
            DateOnly? since;
            await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            {
                since = await db.CleanupRounds.Where(r => r.IssuerCode == code).MaxAsync(r => (DateOnly?)r.StartedOn, cancellationToken)
                    ?? await db.Documents.Where(d => d.IssuerCode == code && d.PublishedOn != null).MinAsync(d => d.PublishedOn, cancellationToken);
            }
            if (since is not { } from || from.AddYears(interval) > today)
            {
                continue;
            }
            var due = from.AddYears(interval);
            var id = OutboxPublisher.StableId("normative-cleanup", code, due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            var round = await CreateAsync(id, code, $"{issuer.Name}{due.Year}年度行政规范性文件清理", Scheduled, due, WorkflowActor.System, cancellationToken);
            await outbox.PublishOnceAsync(OutboxPublisher.StableId("normative-cleanup-notice", id.ToString()), NotificationOutbox.MessageType, new NotificationRequest
            {
                Recipients = [$"{code}:legal", "legal"],
                Kind = NotificationKind.Reminder,
                Title = $"请开展规范性文件清理：{round.Title}",
                Body = $"按照每 {interval} 年清理一次的规定，{issuer.Name}的 {round.Items.Count} 件现行有效规范性文件需逐件提出继续有效、修改或废止的意见，并公布清理结果。",
                Link = $"/normative-documents/cleanup-rounds/{id}",
            }.ToPayload(), null, cancellationToken);
        }
    }

    private async Task<CleanupRound> CreateAsync(Guid id, string issuer, string title, string trigger, DateOnly startedOn, WorkflowActor actor, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.CleanupRounds.AsNoTracking().Include(r => r.Items).SingleOrDefaultAsync(r => r.Id == id, cancellationToken) is { } existing)
        {
            return existing;
        }
        var inScope = await db.Documents.AsNoTracking()
            .Where(d => d.IssuerCode == issuer && DocumentStatusNames.InForce.Contains(d.Status))
            .Select(d => d.Id).ToListAsync(cancellationToken);
        var round = new CleanupRound
        {
            Id = id, IssuerCode = issuer, Title = title, StartedOn = startedOn, StartedBy = actor.UserName, Trigger = trigger,
            Items = [.. inScope.Select(documentId => new CleanupItem { RoundId = id, DocumentId = documentId })],
        };
        db.CleanupRounds.Add(round);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (RegistrationNumbering.IsRace(ex))
        {
            await using var again = await dbFactory.CreateDbContextAsync(cancellationToken);
            return await again.CleanupRounds.AsNoTracking().Include(r => r.Items).SingleAsync(r => r.Id == id, cancellationToken);
        }
        return round;
    }

    public async Task<CleanupItem> DecideAsync(Guid roundId, Guid documentId, CleanupDecisionRequest request, WorkflowActor actor, CancellationToken cancellationToken)
    {
        RequireLegal(actor);
        var errors = new InputErrors();
        var decision = request.Decision?.Trim();
        if (decision is null || !CleanupDecisions.ChineseNames.ContainsKey(decision))
        {
            errors.Add("decision", "清理意见须为 keep（继续有效）、amend（修改）或 repeal（废止）。");
        }
        var reason = errors.Text("reason", request.Reason, 2000, "清理意见的理由");
        errors.ThrowIfAny();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var round = await db.CleanupRounds.SingleOrDefaultAsync(r => r.Id == roundId, cancellationToken)
            ?? throw new WorkflowNotFoundException($"清理工作 {roundId} 不存在。");
        if (round.PublishedOn is not null)
        {
            throw new WorkflowConflictException("清理结果已公布，不能再更改。");
        }
        var item = await db.CleanupItems.SingleOrDefaultAsync(i => i.RoundId == roundId && i.DocumentId == documentId, cancellationToken)
            ?? throw new WorkflowNotFoundException($"文件 {documentId} 不在此次清理范围内。");
        item.Decision = decision;
        item.Reason = reason;
        item.DecidedBy = actor.UserName;
        item.DecidedAt = calendar.Now();
        round.Revision++;
        await db.SaveChangesAsync(cancellationToken);
        return item;
    }

    /// <summary>Publishes the result: refused while any document lacks a decision; repeals take effect now.</summary>
    public async Task<CleanupRound> PublishAsync(Guid roundId, PublishCleanupRequest request, WorkflowActor actor, CancellationToken cancellationToken)
    {
        RequireLegal(actor);
        if (!WebAddress.TryParse(request.Url?.Trim(), out var url))
        {
            throw InputErrors.One("url", "请填写公布清理结果的网址（http 或 https）。");
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var round = await db.CleanupRounds.Include(r => r.Items).SingleOrDefaultAsync(r => r.Id == roundId, cancellationToken)
            ?? throw new WorkflowNotFoundException($"清理工作 {roundId} 不存在。");
        if (round.PublishedOn is not null)
        {
            return round;
        }
        if (round.Items.Where(i => i.Decision is null).Select(i => i.DocumentId).ToList() is { Count: > 0 } undecided)
        {
            throw InputErrors.One("items", $"还有 {undecided.Count} 件文件没有清理意见：{string.Join(", ", undecided)}。");
        }
        var today = calendar.Today();
        round.PublishedOn = today;
        round.PublicationUrl = url.OriginalString;
        round.PublishedBy = actor.UserName;
        round.Revision++;
        var repealed = round.Items.Where(i => i.Decision == CleanupDecisions.Repeal).Select(i => i.DocumentId).ToList();
        foreach (var document in await db.Documents.Where(d => repealed.Contains(d.Id)).ToListAsync(cancellationToken))
        {
            document.Status = DocumentStatus.Repealed;
            document.RepealedOn = today;
            document.Revision++;
        }
        foreach (var item in round.Items)
        {
            db.History.Add(DocumentStart.History(item.DocumentId, calendar.Now(), item.Decision == CleanupDecisions.Repeal ? "Repealed" : "CleanupDecided", actor,
                new JsonObject { ["roundId"] = round.Id.ToString(), ["decision"] = item.Decision, ["reason"] = item.Reason, ["url"] = round.PublicationUrl }));
        }
        await db.SaveChangesAsync(cancellationToken);
        return round;
    }

    public async Task<IReadOnlyList<CleanupRound>> ListAsync(string? issuer, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rounds = db.CleanupRounds.AsNoTracking().Include(r => r.Items).AsQueryable();
        if (!string.IsNullOrWhiteSpace(issuer))
        {
            rounds = rounds.Where(r => r.IssuerCode == issuer.Trim());
        }
        return await rounds.OrderByDescending(r => r.StartedOn).Take(200).ToListAsync(cancellationToken);
    }

    public async Task<CleanupRound?> GetAsync(Guid roundId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.CleanupRounds.AsNoTracking().Include(r => r.Items).SingleOrDefaultAsync(r => r.Id == roundId, cancellationToken);
    }

    private static void RequireLegal(WorkflowActor actor)
    {
        if (!actor.IsInRole("legal") && !actor.IsInRole("admin") && !actor.IsSystem)
        {
            throw new WorkflowForbiddenException("规范性文件清理由合法性审查人员 (legal) 办理。");
        }
    }
}
