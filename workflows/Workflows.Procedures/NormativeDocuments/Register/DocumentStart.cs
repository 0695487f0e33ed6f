using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workflows.Engine.Runtime;
using Workflows.Procedures.NormativeDocuments.Persistence;
using Workflows.Procedures.NormativeDocuments.Process;

namespace Workflows.Procedures.NormativeDocuments.Register;

/// <param name="DraftUnit">The drafting unit; the starter's own unit when omitted.</param>
/// <param name="ValidityYears">At most 5 (the deployment's MaxValidityYears); the default setting when omitted.</param>
public sealed record StartDocumentRequest(
    string? Title,
    string? Issuer,
    string? DraftUnit,
    bool? BusinessRelated,
    bool? MarketActorsAffected,
    bool? PublicCommentExempt,
    string? PublicCommentExemptReason,
    int? ValidityYears);

/// <summary>
/// Starts a normative document: checks its settings, starts the <c>normative-document</c>
/// procedure with them and enters the document in the register as drafting.
/// </summary>
public sealed class DocumentStart(
    IDbContextFactory<NormativeDocumentsDbContext> dbFactory,
    IWorkflowRuntime runtime,
    NormativeCalendar calendar,
    IOptionsMonitor<NormativeDocumentOptions> options)
{
    public async Task<NormativeDocument> StartAsync(StartDocumentRequest request, WorkflowActor actor, CancellationToken cancellationToken)
    {
        if (!actor.IsInRole("owner") && !actor.IsInRole("admin"))
        {
            throw new WorkflowForbiddenException("起草规范性文件须由承办人员 (owner) 发起。");
        }
        var settings = options.CurrentValue;
        var errors = new InputErrors();
        var title = errors.Text("title", request.Title, 300, "文件标题");
        var issuerCode = request.Issuer?.Trim();
        IssuingBodyOptions? issuer = null;
        if (string.IsNullOrEmpty(issuerCode) || !settings.Issuers.TryGetValue(issuerCode, out issuer))
        {
            errors.Add("issuer", $"制定机关须为已配置的发文机关之一：{string.Join("、", settings.Issuers.Keys.Order())}。");
        }
        var draftUnit = string.IsNullOrWhiteSpace(request.DraftUnit) ? actor.UnitCode : request.DraftUnit.Trim();
        if (string.IsNullOrEmpty(draftUnit) || draftUnit.Length > 64)
        {
            errors.Add("draftUnit", "请填写起草单位（单位代码，至多 64 个字符）。");
        }
        var exempt = request.PublicCommentExempt ?? false;
        string? exemptReason = null;
        if (exempt)
        {
            // "Unless secret": skipping public comment is lawful only with the reason on record.
            exemptReason = errors.Text("publicCommentExemptReason", request.PublicCommentExemptReason, 2000, "不公开征求意见的理由（依法不予公开的情形）");
        }
        else if (!string.IsNullOrWhiteSpace(request.PublicCommentExemptReason))
        {
            errors.Add("publicCommentExemptReason", "只有不公开征求意见 (publicCommentExempt=true) 时才需说明理由。");
        }
        var validityYears = request.ValidityYears ?? settings.DefaultValidityYears;
        if (validityYears < 1 || validityYears > settings.MaxValidityYears)
        {
            errors.Add("validityYears", $"有效期为 1 至 {settings.MaxValidityYears} 年。");
        }
        errors.ThrowIfAny();

        var businessRelated = request.BusinessRelated ?? false;
        var id = Guid.CreateVersion7();
        var variables = new JsonObject
        {
            [NormativeProcess.Settings.DocumentId] = id.ToString(),
            [NormativeProcess.Settings.Title] = title,
            [NormativeProcess.Settings.Issuer] = issuerCode,
            [NormativeProcess.Settings.DraftUnit] = draftUnit,
            [NormativeProcess.Settings.BusinessRelated] = businessRelated,
            [NormativeProcess.Settings.MarketActorsAffected] = request.MarketActorsAffected ?? false,
            [NormativeProcess.Settings.PublicCommentExempt] = exempt,
            [NormativeProcess.Settings.PublicCommentExemptReason] = exemptReason,
            [NormativeProcess.Settings.CommentPeriod] = businessRelated ? settings.BusinessCommentPeriod : settings.CommentPeriod,
            [NormativeProcess.Settings.LegalityReviewMinimum] = WorkingDays(settings.LegalityReviewMinimumWorkingDays),
            [NormativeProcess.Settings.LegalityReviewDue] = WorkingDays(settings.LegalityReviewMaximumWorkingDays),
            [NormativeProcess.Settings.PublicationDue] = settings.PublicationPeriod,
            [NormativeProcess.Settings.FilingDue] = settings.FilingPeriod,
            [NormativeProcess.Settings.ValidityYears] = validityYears,
        };
        var instance = await runtime.StartAsync(new StartInstance(NormativeProcess.Key, id.ToString(), variables), actor, cancellationToken);

        var today = calendar.Today();
        var document = new NormativeDocument
        {
            Id = id,
            InstanceId = instance.Id,
            Title = title!,
            IssuerCode = issuerCode!,
            IssuerName = issuer!.Name,
            DraftUnit = draftUnit!,
            Status = DocumentStatus.Drafting,
            BusinessRelated = businessRelated,
            MarketActorsAffected = request.MarketActorsAffected ?? false,
            PublicCommentExempt = exempt,
            PublicCommentExemptReason = exemptReason,
            ValidityYears = validityYears,
            StartedOn = today,
            CatalogueYear = today.Year,
            CreatedAt = calendar.Now(),
            CreatedBy = actor.UserName,
        };
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            db.Documents.Add(document);
            db.History.Add(History(id, calendar.Now(), "DraftingStarted", actor, new JsonObject { ["instanceId"] = instance.Id.ToString(), ["settings"] = variables.DeepClone() }));
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // No instance without its register entry: the drafting guard would hold it forever anyway.
            await runtime.CancelAsync(instance.Id, "登记簿写入失败，撤销起草流程", WorkflowActor.System, CancellationToken.None);
            throw;
        }
        return document;
    }

    private static string WorkingDays(int days) => days.ToString(CultureInfo.InvariantCulture) + "WD";

    internal static RegisterHistoryEntry History(Guid documentId, DateTimeOffset at, string kind, WorkflowActor actor, JsonObject? data = null) => new()
    {
        Id = Guid.CreateVersion7(),
        DocumentId = documentId,
        At = at,
        Kind = kind,
        Actor = actor.UserName,
        Data = data?.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }),
    };
}
