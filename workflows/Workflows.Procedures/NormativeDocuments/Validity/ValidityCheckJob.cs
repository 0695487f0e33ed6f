using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Workflows.Activities.Notifications;
using Workflows.Engine.Instances;
using Workflows.Engine.Outbox;
using Workflows.Engine.Runtime;
using Workflows.Engine.Scheduling;
using Workflows.Procedures.NormativeDocuments.Cleanup;
using Workflows.Procedures.NormativeDocuments.Persistence;
using Workflows.Procedures.NormativeDocuments.Register;

namespace Workflows.Procedures.NormativeDocuments.Validity;

/// <summary>
/// The register's daily round (有效期管理): the evaluation reminder before expiry, once per
/// validity period; expiry on the day after the last valid day; and scheduled clean-up rounds.
/// Each occurrence works as of its own date, so runs that arrive late or twice, or several at
/// once after the clock jumped, leave the same register behind.
/// </summary>
public sealed class ValidityCheckJob(
    IDbContextFactory<NormativeDocumentsDbContext> dbFactory,
    IServiceScopeFactory scopes,
    OutboxPublisher outbox,
    CleanupRounds cleanup,
    NormativeCalendar calendar,
    IOptionsMonitor<NormativeDocumentOptions> options) : IRecurringJob
{
    public string Key => "normative-documents:validity";

    public DateTimeOffset? NextOccurrence(DateTimeOffset after)
    {
        var day = calendar.Clock.DateOf(after);
        var at = calendar.Clock.StartOf(day) + options.CurrentValue.DailyCheckTime.ToTimeSpan();
        return at > after ? at : calendar.Clock.StartOf(day.AddDays(1)) + options.CurrentValue.DailyCheckTime.ToTimeSpan();
    }

    public async Task RunAsync(DateTimeOffset occurrence, CancellationToken cancellationToken)
    {
        var today = calendar.Clock.DateOf(occurrence);
        await RemindAsync(today, cancellationToken);
        await ExpireAsync(today, cancellationToken);
        await cleanup.StartScheduledAsync(today, cancellationToken);
    }

    private async Task RemindAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var months = options.CurrentValue.EvaluationMonthsBeforeExpiry;
        // Due when the expiry day (the day after the last valid day) is at most `months` away.
        var lastValidDayWithin = today.AddMonths(months).AddDays(-1);
        List<NormativeDocument> due;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            due = await db.Documents.AsNoTracking()
                .Where(d => DocumentStatusNames.InForce.Contains(d.Status) && d.ExpiresOn != null && d.ExpiresOn >= today && d.ExpiresOn <= lastValidDayWithin
                    && (d.EvaluationRemindedFor == null || d.EvaluationRemindedFor != d.ExpiresOn))
                .ToListAsync(cancellationToken);
        }
        foreach (var document in due)
        {
            var expiresOn = document.ExpiresOn!.Value;
            // Queued first, under an id kept by document and period: a crash before the flag is set
            // sends nothing twice, and the reminder is never lost behind a set flag.
            await outbox.PublishOnceAsync(OutboxPublisher.StableId("normative-evaluation", document.Id.ToString(), Iso(expiresOn)),
                NotificationOutbox.MessageType, new NotificationRequest
                {
                    Recipients = [$"{document.IssuerCode}:owner", $"{document.IssuerCode}:legal", $"{document.DraftUnit}:owner"],
                    Kind = NotificationKind.Reminder,
                    Title = $"规范性文件有效期即将届满，请组织评估：{document.Title}",
                    Body = $"《{document.Title}》（{document.Number}）有效期至 {expiresOn:yyyy年M月d日}。请在届满前组织评估：需继续执行的，重新登记延长有效期；需修改的，按程序修订；不再执行的，届满自动失效。",
                    Link = $"/normative-documents/{document.Id}",
                    InstanceId = document.InstanceId,
                }.ToPayload(), document.InstanceId, cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // Only the run that flips the flag writes the history entry.
            var claimed = await db.Documents
                .Where(d => d.Id == document.Id && (d.EvaluationRemindedFor == null || d.EvaluationRemindedFor != expiresOn) && d.ExpiresOn == expiresOn)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.EvaluationRemindedFor, expiresOn).SetProperty(d => d.Revision, d => d.Revision + 1), cancellationToken);
            if (claimed == 0)
            {
                continue;
            }
            db.History.Add(DocumentStart.History(document.Id, calendar.Now(), "EvaluationReminded", WorkflowActor.System,
                new JsonObject { ["expiresOn"] = Iso(expiresOn), ["asOf"] = Iso(today) }));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }

    private async Task ExpireAsync(DateOnly today, CancellationToken cancellationToken)
    {
        List<NormativeDocument> due;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            due = await db.Documents.AsNoTracking()
                .Where(d => DocumentStatusNames.InForce.Contains(d.Status) && d.ExpiresOn != null && d.ExpiresOn < today)
                .ToListAsync(cancellationToken);
        }
        foreach (var document in due)
        {
            var expiredOn = document.ExpiresOn!.Value.AddDays(1);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var claimed = await db.Documents
                .Where(d => d.Id == document.Id && d.Status == document.Status && d.ExpiresOn == document.ExpiresOn)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DocumentStatus.Expired).SetProperty(d => d.ExpiredOn, expiredOn)
                    .SetProperty(d => d.Revision, d => d.Revision + 1), cancellationToken);
            if (claimed == 0)
            {
                continue; // another run expired it, or it was extended meanwhile
            }
            var data = new JsonObject { ["expiresOn"] = Iso(document.ExpiresOn.Value), ["expiredOn"] = Iso(expiredOn), ["number"] = document.Number };
            db.History.Add(DocumentStart.History(document.Id, calendar.Now(), "Expired", WorkflowActor.System, data));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            await JournalIfRunningAsync(document.InstanceId, data, cancellationToken);
        }
    }

    /// <summary>An instance still running (filing not done, say) gets the expiry in its own journal too.</summary>
    private async Task JournalIfRunningAsync(Guid instanceId, JsonObject data, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var instance = await scope.ServiceProvider.GetRequiredService<IWorkflowQueries>().GetInstanceAsync(instanceId, cancellationToken);
        if (instance?.Status == InstanceStatus.Running)
        {
            await scope.ServiceProvider.GetRequiredService<IWorkflowJournal>().AppendAsync(instanceId, "NormativeDocumentExpired", null, data, WorkflowActor.System, cancellationToken);
        }
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
