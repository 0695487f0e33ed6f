using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workflows.Engine.Runtime;
using Workflows.Procedures.NormativeDocuments.Persistence;
using Workflows.Procedures.NormativeDocuments.Process;
using A = Workflows.Procedures.NormativeDocuments.Process.NormativeProcess.Activities;
using O = Workflows.Procedures.NormativeDocuments.Process.NormativeProcess.Outcomes;

namespace Workflows.Procedures.NormativeDocuments.Register;

/// <summary>
/// The register's commands for the registration (统一登记编号) step. Each checks its step is open and
/// the actor's, writes the register in one transaction, then completes the step.
/// </summary>
public sealed class RegisterCommands(
    IDbContextFactory<NormativeDocumentsDbContext> dbFactory,
    IWorkflowQueries queries,
    WorkflowStep step,
    NormativeCalendar calendar,
    IOptionsMonitor<NormativeDocumentOptions> options)
{
    private const int Attempts = 10;

    public async Task<NormativeDocument> RegisterAsync(Guid documentId, WorkflowActor actor, CancellationToken cancellationToken)
    {
        var document = await LoadAsync(documentId, cancellationToken);
        var task = await step.RequireOpenAsync(document.InstanceId, A.Registration, "统一登记编号", actor, cancellationToken);
        if (document.Number is null)
        {
            var record = await ProcedureRecord.ReadAsync(queries, document.InstanceId, cancellationToken);
            CheckIssuable(document, record);
            var issuer = options.CurrentValue.Issuers.GetValueOrDefault(document.IssuerCode)
                ?? throw InputErrors.One("issuer", $"制定机关 {document.IssuerCode} 未配置文号前缀 ({NormativeDocumentOptions.Section}:Issuers).");
            document = await NumberAsync(documentId, issuer.Prefix, record, actor, cancellationToken);
        }
        // A repeated call after a failed completion finds the number already given and only closes the step.
        await step.CompleteAsync(task, new JsonObject
        {
            [NormativeProcess.Outputs.RegistrationNumber] = document.Number,
        }, $"登记编号：{document.Number}", actor, cancellationToken);
        return document;
    }

    /// <summary>
    /// "Failing or missing: may not be issued": the gates the procedure already passed are checked
    /// once more against the journal before a number makes the document issuable.
    /// </summary>
    private static void CheckIssuable(NormativeDocument document, ProcedureRecord record)
    {
        if (document.MarketActorsAffected && record.Latest(A.FairCompetitionReview)?.Outcome != O.Pass)
        {
            throw InputErrors.One("fairCompetitionReview", "涉及市场主体经济活动的文件未经公平竞争审查或审查不通过，不得出台。");
        }
        if (record.Latest(A.LegalityReview)?.Outcome != O.Lawful)
        {
            throw InputErrors.One("legalityReview", "未经合法性审核或审核未认定合法的，不得提交集体审议和登记。");
        }
        if (record.Latest(A.CollectiveDeliberation)?.Outcome is not (O.Adopt or O.AdoptWithChanges))
        {
            throw InputErrors.One("collectiveDeliberation", "未经集体审议通过的，不得登记。");
        }
    }

    private async Task<NormativeDocument> NumberAsync(Guid documentId, string prefix, ProcedureRecord record, WorkflowActor actor, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var today = calendar.Today();
                // The counter first: its lock serialises registrations before the document row is read.
                var sequence = await RegistrationNumbering.NextAsync(db, (await db.Documents.AsNoTracking()
                    .Where(d => d.Id == documentId).Select(d => d.IssuerCode).SingleAsync(cancellationToken)), today.Year, cancellationToken);
                var document = await db.Documents.SingleAsync(d => d.Id == documentId, cancellationToken);
                if (document.Number is not null)
                {
                    await transaction.RollbackAsync(cancellationToken); // numbered meanwhile; the counter goes back
                    return document;
                }
                document.Sequence = sequence;
                document.Year = today.Year;
                document.CatalogueYear = today.Year;
                document.Number = RegistrationNumbering.Format(prefix, today.Year, sequence);
                document.RegisteredOn = today;
                document.Status = DocumentStatus.Registered;
                document.FairCompetitionResult = document.MarketActorsAffected ? record.Latest(A.FairCompetitionReview)?.Outcome : null;
                document.FairCompetitionConclusion = document.MarketActorsAffected ? record.Text(A.FairCompetitionReview, NormativeProcess.Outputs.FairCompetitionConclusion) : null;
                document.LegalityResult = record.Latest(A.LegalityReview)?.Outcome;
                document.LegalityOpinion = record.Text(A.LegalityReview, NormativeProcess.Outputs.LegalityOpinion);
                document.Revision++;
                db.History.Add(DocumentStart.History(documentId, calendar.Now(), "Registered", actor, new JsonObject
                {
                    ["number"] = document.Number,
                    ["registeredOn"] = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                }));
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return document;
            }
            catch (Exception ex) when (attempt < Attempts && RegistrationNumbering.IsRace(ex))
            {
                // Lost to a concurrent registration (first number of the year, or SQLite busy): take the lock again.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 25) * attempt), cancellationToken);
            }
        }
    }

    internal async Task<NormativeDocument> LoadAsync(Guid documentId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Documents.AsNoTracking().SingleOrDefaultAsync(d => d.Id == documentId, cancellationToken)
            ?? throw new WorkflowNotFoundException($"规范性文件 {documentId} 不存在。");
    }
}
