using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Workflows.Engine.Tasks;
using Workflows.Procedures.PublicConsultation.Persistence;

namespace Workflows.Procedures.PublicConsultation;

/// <summary>
/// The register of consultations. Every read brings a consultation up to date with its instance:
/// once the step that answers it has completed (or the instance has ended) it is final, and if
/// that happened before the period ran out it closed early, with the reason the step recorded.
/// </summary>
public sealed class ConsultationBook(IDbContextFactory<ConsultationsDbContext> dbFactory, InstanceFacts facts, TaskDeadlines deadlines, TimeProvider clock)
{
    /// <summary>The guard on the step that answers a consultation; completing that step closes it.</summary>
    public const string AnsweringGuard = ConsultationFeedbackGuard.GuardKey;

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>The calendar day of an instant, in the deployment's time zone.</summary>
    public DateOnly DayOf(DateTimeOffset instant) => deadlines.Clock.DateOf(instant);

    /// <summary>The day it stopped taking comments: the last day of the period, or the day it closed early.</summary>
    public DateOnly ClosingDay(Consultation consultation) =>
        consultation.ClosedEarlyAt is { } early ? DayOf(early) : consultation.LastDay;

    public async Task<Consultation?> FindAsync(Guid consultationId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var consultation = await db.Consultations.SingleOrDefaultAsync(c => c.Id == consultationId, cancellationToken);
        return consultation is null ? null : await RefreshAsync(db, consultation, cancellationToken);
    }

    /// <summary>The consultations open for comment now, the soonest to close first.</summary>
    public async Task<IReadOnlyList<Consultation>> ListOpenAsync(CancellationToken cancellationToken)
    {
        var now = Now;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var candidates = await db.Consultations
            .Where(c => c.ClosesAt > now && c.ClosedEarlyAt == null && c.FinalizedAt == null)
            .OrderBy(c => c.ClosesAt).ThenBy(c => c.OpenedAt)
            .ToListAsync(cancellationToken);
        var open = new List<Consultation>(candidates.Count);
        foreach (var consultation in candidates)
        {
            if (!(await RefreshAsync(db, consultation, cancellationToken)).IsClosed(now))
            {
                open.Add(consultation);
            }
        }
        return open;
    }

    /// <summary>An instance's consultations, the latest first.</summary>
    public async Task<IReadOnlyList<Consultation>> ListForInstanceAsync(Guid instanceId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var consultations = await db.Consultations.Where(c => c.InstanceId == instanceId).OrderByDescending(c => c.OpenedAt).ToListAsync(cancellationToken);
        foreach (var consultation in consultations)
        {
            await RefreshAsync(db, consultation, cancellationToken);
        }
        return consultations;
    }

    public async Task<IReadOnlyList<ConsultationComment>> CommentsAsync(Guid consultationId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Comments.AsNoTracking().Where(c => c.ConsultationId == consultationId).OrderBy(c => c.Number).ToListAsync(cancellationToken);
    }

    /// <summary>Stores a consultation the <c>consultation-open</c> step committed; a second delivery changes nothing.</summary>
    internal async Task AddAsync(Consultation consultation, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Consultations.AnyAsync(c => c.Id == consultation.Id, cancellationToken))
        {
            return;
        }
        db.Consultations.Add(consultation);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            if (!await ExistsAsync(consultation.Id, cancellationToken))
            {
                throw;
            }
            // stored meanwhile by a concurrent delivery of the same message
        }
    }

    public static byte[] NewAddressHashKey() => RandomNumberGenerator.GetBytes(32);

    private async Task<bool> ExistsAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Consultations.AnyAsync(c => c.Id == id, cancellationToken);
    }

    private async Task<Consultation> RefreshAsync(ConsultationsDbContext db, Consultation consultation, CancellationToken cancellationToken)
    {
        if (consultation.FinalizedAt is not null)
        {
            return consultation;
        }
        if (await facts.FinalizedAsync(consultation.InstanceId, AnsweringGuard, consultation.OpenedAt, cancellationToken) is not { } step)
        {
            return consultation;
        }
        consultation.FinalizedAt = step.At;
        if (step.At < consultation.ClosesAt)
        {
            consultation.ClosedEarlyAt = step.At;
            consultation.EarlyCloseReason = step.ShortenReason
                ?? (step.TaskId is null ? "事项办理已终止，征求意见随之结束。" : null);
        }
        // Idempotent: concurrent readers write the same facts.
        await db.SaveChangesAsync(cancellationToken);
        return consultation;
    }
}
