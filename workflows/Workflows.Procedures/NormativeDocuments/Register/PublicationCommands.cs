using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workflows.Engine.Runtime;
using Workflows.Engine.Tasks;
using Workflows.Procedures.NormativeDocuments.Persistence;
using Workflows.Procedures.NormativeDocuments.Process;
using A = Workflows.Procedures.NormativeDocuments.Process.NormativeProcess.Activities;

namespace Workflows.Procedures.NormativeDocuments.Register;

/// <param name="Channel">The issuing body's one official channel; it is the default, and no other is accepted.</param>
/// <param name="PublishedOn">Today when omitted; not in the future, not before registration.</param>
/// <param name="EffectiveOn">施行日期: the publication date when omitted.</param>
public sealed record PublishRequest(string? Channel, string? Url, DateOnly? PublishedOn, DateOnly? EffectiveOn);

/// <param name="Authority"><c>higher-government</c> or <c>congress-standing-committee</c>.</param>
public sealed record FilingRequest(string? Authority, DateOnly? FiledOn, string? Reference);

/// <summary>Publication on the one issuing channel (统一发布) and filing (备案), the steps after registration.</summary>
public sealed class PublicationCommands(
    IDbContextFactory<NormativeDocumentsDbContext> dbFactory,
    RegisterCommands register,
    WorkflowStep step,
    NormativeCalendar calendar,
    IOptionsMonitor<NormativeDocumentOptions> options)
{
    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public async Task<NormativeDocument> PublishAsync(Guid documentId, PublishRequest request, WorkflowActor actor, CancellationToken cancellationToken)
    {
        var document = await register.LoadAsync(documentId, cancellationToken);
        var task = await step.RequireOpenAsync(document.InstanceId, A.Publication, "统一发布", actor, cancellationToken);
        if (document.PublishedOn is null)
        {
            var settings = options.CurrentValue;
            var today = calendar.Today();
            var errors = new InputErrors();
            var channel = settings.Issuers.GetValueOrDefault(document.IssuerCode)?.Channel;
            var requested = string.IsNullOrWhiteSpace(request.Channel) ? channel : request.Channel.Trim();
            if (channel is null || requested != channel)
            {
                errors.Add("channel", $"统一发布载体为「{channel}」；规范性文件须在该载体发布。");
            }
            if (!WebAddress.TryParse(request.Url?.Trim(), out var url) || url.OriginalString.Length > 2000)
            {
                errors.Add("url", "请填写发布页面的网址（http 或 https，至多 2000 个字符）。");
            }
            var publishedOn = request.PublishedOn ?? today;
            if (publishedOn > today || publishedOn < document.RegisteredOn)
            {
                errors.Add("publishedOn", $"发布日期须在登记日期 {Iso(document.RegisteredOn ?? today)} 与今天 {Iso(today)} 之间。");
            }
            var effectiveOn = request.EffectiveOn ?? publishedOn;
            if (effectiveOn < publishedOn || effectiveOn > publishedOn.AddYears(1))
            {
                errors.Add("effectiveOn", "施行日期不得早于发布日期，也不得晚于发布后一年。");
            }
            if (document.Status != DocumentStatus.Registered)
            {
                errors.Add("status", "只有已登记编号的文件才能发布。");
            }
            errors.ThrowIfAny();
            document = await SaveAsync(documentId, actor, cancellationToken, (db, d) =>
            {
                d.PublishedOn = publishedOn;
                d.EffectiveOn = effectiveOn;
                d.ExpiresOn = effectiveOn.AddYears(d.ValidityYears).AddDays(-1);
                d.PublicationChannel = channel;
                d.PublicationUrl = url!.OriginalString;
                d.Status = DocumentStatus.Published;
                db.ValidityPeriods.Add(new ValidityPeriod
                {
                    Id = Guid.CreateVersion7(), DocumentId = d.Id, Index = 1, EffectiveOn = effectiveOn, ExpiresOn = d.ExpiresOn.Value,
                    Years = d.ValidityYears, RecordedBy = actor.UserName, RecordedAt = calendar.Now(),
                });
                return ("Published", new JsonObject
                {
                    ["channel"] = channel, ["url"] = d.PublicationUrl, ["publishedOn"] = Iso(publishedOn),
                    ["effectiveOn"] = Iso(effectiveOn), ["expiresOn"] = Iso(d.ExpiresOn.Value),
                });
            });
        }
        await step.CompleteAsync(task, new JsonObject { [NormativeProcess.Outputs.PublishedOn] = Iso(document.PublishedOn!.Value) },
            $"已在{document.PublicationChannel}发布：{document.PublicationUrl}", actor, cancellationToken);
        return document;
    }

    public async Task<FilingRecord> FileAsync(Guid documentId, FilingRequest request, WorkflowActor actor, CancellationToken cancellationToken)
    {
        var authority = request.Authority?.Trim();
        var activityId = authority switch
        {
            FilingAuthorities.HigherGovernment => A.FilingGovernment,
            FilingAuthorities.CongressStandingCommittee => A.FilingCongress,
            _ => throw InputErrors.One("authority", $"备案机关须为 {FilingAuthorities.HigherGovernment}（上一级人民政府）或 {FilingAuthorities.CongressStandingCommittee}（本级人大常委会）。"),
        };
        var document = await register.LoadAsync(documentId, cancellationToken);
        var task = await step.RequireOpenAsync(document.InstanceId, activityId, "报送备案", actor, cancellationToken);
        bool otherFiled;
        await using (var read = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var filings = await read.Filings.AsNoTracking().Where(f => f.DocumentId == documentId).ToListAsync(cancellationToken);
            if (filings.FirstOrDefault(f => f.Authority == authority) is { } existing)
            {
                await CompleteFilingAsync(task, existing, actor, cancellationToken);
                return existing;
            }
            // Both filings at once race on the document's revision: one of them gets a 409 and retries.
            otherFiled = filings.Count > 0;
        }
        var today = calendar.Today();
        var errors = new InputErrors();
        var filedOn = request.FiledOn ?? today;
        if (document.PublishedOn is not { } publishedOn)
        {
            throw InputErrors.One("status", "文件尚未发布，不能报送备案。");
        }
        if (filedOn > today || filedOn < publishedOn)
        {
            errors.Add("filedOn", $"报送备案日期须在发布日期 {Iso(publishedOn)} 与今天 {Iso(today)} 之间。");
        }
        var reference = request.Reference?.Trim();
        if (reference?.Length > 200)
        {
            errors.Add("reference", "备案文号或回执编号不得超过 200 个字符。");
        }
        errors.ThrowIfAny();
        // Counted from publication, as the rule says, not from when the step happened to open.
        var dueOn = calendar.LastDay(publishedOn, options.CurrentValue.FilingPeriod);
        var record = new FilingRecord
        {
            Id = Guid.CreateVersion7(), DocumentId = documentId, Authority = authority!, FiledOn = filedOn, DueOn = dueOn,
            OnTime = filedOn <= dueOn, Reference = string.IsNullOrEmpty(reference) ? null : reference, RecordedBy = actor.UserName, RecordedAt = calendar.Now(),
        };
        await SaveAsync(documentId, actor, cancellationToken, (db, d) =>
        {
            db.Filings.Add(record);
            if (otherFiled && d.Status == DocumentStatus.Published)
            {
                d.Status = DocumentStatus.Filed;
                d.FiledOn = filedOn;
            }
            return (record.OnTime ? "Filed" : "FiledLate", new JsonObject
            {
                ["authority"] = authority, ["filedOn"] = Iso(filedOn), ["dueOn"] = Iso(dueOn), ["onTime"] = record.OnTime, ["reference"] = record.Reference,
            });
        });
        await CompleteFilingAsync(task, record, actor, cancellationToken);
        return record;
    }

    private Task CompleteFilingAsync(Engine.Runtime.TaskView task, FilingRecord record, WorkflowActor actor, CancellationToken cancellationToken) =>
        step.CompleteAsync(task, new JsonObject { [NormativeProcess.Outputs.FiledOn] = Iso(record.FiledOn) },
            record.OnTime ? $"已于 {Iso(record.FiledOn)} 报送{FilingAuthorities.ChineseNames[record.Authority]}备案" : $"逾期报送备案：期限至 {Iso(record.DueOn)}，实际 {Iso(record.FiledOn)}",
            actor, cancellationToken);

    /// <summary>Changes one document in one transaction with its history entry; a concurrent change makes this one fail as a conflict.</summary>
    internal async Task<NormativeDocument> SaveAsync(Guid documentId, WorkflowActor actor, CancellationToken cancellationToken,
        Func<NormativeDocumentsDbContext, NormativeDocument, (string Kind, JsonObject Data)> change)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var document = await db.Documents.SingleAsync(d => d.Id == documentId, cancellationToken);
        var (kind, data) = change(db, document);
        document.Revision++;
        db.History.Add(DocumentStart.History(documentId, calendar.Now(), kind, actor, data));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (RegistrationNumbering.IsRace(ex))
        {
            throw new WorkflowConflictException("该文件同时被他人修改，请刷新后重试。");
        }
        return document;
    }
}
