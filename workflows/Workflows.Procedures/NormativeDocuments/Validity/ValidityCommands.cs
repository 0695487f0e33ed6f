using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workflows.Engine.Runtime;
using Workflows.Procedures.NormativeDocuments.Persistence;
using Workflows.Procedures.NormativeDocuments.Register;

namespace Workflows.Procedures.NormativeDocuments.Validity;

/// <param name="ValidityYears">The new period's length, at most 5 years.</param>
/// <param name="Evaluation">The evaluation that found the document should stay in force (评估意见).</param>
public sealed record ReregisterRequest(int? ValidityYears, string? Evaluation);

/// <summary>Re-registration (重新登记): after evaluation, a document in force gets a new validity period following the current one.</summary>
public sealed class ValidityCommands(
    IDbContextFactory<NormativeDocumentsDbContext> dbFactory,
    PublicationCommands documents,
    NormativeCalendar calendar,
    IOptionsMonitor<NormativeDocumentOptions> options)
{
    public async Task<NormativeDocument> ReregisterAsync(Guid documentId, ReregisterRequest request, WorkflowActor actor, CancellationToken cancellationToken)
    {
        if (!actor.IsInRole("legal") && !actor.IsInRole("admin"))
        {
            throw new WorkflowForbiddenException("重新登记由合法性审查人员 (legal) 办理。");
        }
        var settings = options.CurrentValue;
        var errors = new InputErrors();
        var years = request.ValidityYears ?? 0;
        if (years < 1 || years > settings.MaxValidityYears)
        {
            errors.Add("validityYears", $"新的有效期为 1 至 {settings.MaxValidityYears} 年。");
        }
        var evaluation = errors.Text("evaluation", request.Evaluation, 10_000, "评估意见");
        errors.ThrowIfAny();

        await using (var read = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var current = await read.Documents.AsNoTracking().SingleOrDefaultAsync(d => d.Id == documentId, cancellationToken)
                ?? throw new WorkflowNotFoundException($"规范性文件 {documentId} 不存在。");
            if (!DocumentStatusNames.InForce.Contains(current.Status) || current.ExpiresOn is null || current.ExpiresOn < calendar.Today())
            {
                throw new WorkflowConflictException($"只有现行有效的文件可以重新登记延长有效期；该文件状态为「{DocumentStatusNames.ChineseOf(current.Status)}」。");
            }
        }
        return await documents.SaveAsync(documentId, actor, cancellationToken, (db, d) =>
        {
            var effectiveOn = d.ExpiresOn!.Value.AddDays(1);
            var expiresOn = effectiveOn.AddYears(years).AddDays(-1);
            var index = db.ValidityPeriods.Where(p => p.DocumentId == d.Id).Max(p => (int?)p.Index) ?? 0;
            db.ValidityPeriods.Add(new ValidityPeriod
            {
                Id = Guid.CreateVersion7(), DocumentId = d.Id, Index = index + 1, EffectiveOn = effectiveOn, ExpiresOn = expiresOn,
                Years = years, Evaluation = evaluation, RecordedBy = actor.UserName, RecordedAt = calendar.Now(),
            });
            var previous = d.ExpiresOn.Value;
            d.ExpiresOn = expiresOn;
            d.ValidityYears = years;
            d.Status = DocumentStatus.Extended;
            return ("Reregistered", new JsonObject
            {
                ["previousExpiresOn"] = previous.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["expiresOn"] = expiresOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["validityYears"] = years,
                ["evaluation"] = evaluation,
            });
        });
    }
}
