using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workflows.Engine;
using Workflows.Engine.Runtime;
using Workflows.Engine.Tasks;
using Workflows.Procedures.MajorDecisions.Persistence;
using Workflows.Procedures.MajorDecisions.Records;

namespace Workflows.Procedures.MajorDecisions.Catalogue;

public sealed record CatalogueView(DecisionCatalogue Catalogue, IReadOnlyList<CatalogueItem> Items, IReadOnlyList<CatalogueChange> Changes);

/// <summary>
/// The yearly catalogue of major decision matters (art. 3; 2021-2025 outline). Drafted freely with a
/// reason for every change, published once the Party committee has agreed, and from then on adjusted
/// only by a collective decision that the change names. Every change is kept.
/// </summary>
public sealed class DecisionCatalogues(
    IDbContextFactory<MajorDecisionsDbContext> dbFactory,
    IUnitDirectory units,
    IOptions<MajorDecisionOptions> options,
    TaskDeadlines deadlines,
    TimeProvider clock)
{
    public async Task<CatalogueView?> GetAsync(int year, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var catalogue = await db.Catalogues.AsNoTracking().SingleOrDefaultAsync(c => c.Year == year, cancellationToken);
        if (catalogue is null)
        {
            return null;
        }
        var items = await db.CatalogueItems.AsNoTracking().Where(i => i.Year == year).OrderBy(i => i.Number).ToListAsync(cancellationToken);
        var changes = await db.CatalogueChanges.AsNoTracking().Where(c => c.Year == year).OrderBy(c => c.ChangedAt).ToListAsync(cancellationToken);
        return new CatalogueView(catalogue, items, changes);
    }

    public async Task<CatalogueView> CreateAsync(int year, JsonObject? body, WorkflowActor actor, CancellationToken cancellationToken)
    {
        var check = new RecordCheck(body, "");
        var decisionBody = check.Text("decisionBody", required: false, max: 64) ?? options.Value.DefaultDecisionBody;
        check.Require(year is >= 2000 and <= 2100, "year", "year 须在 2000 至 2100 之间。");
        if (await units.NameOfAsync(decisionBody, cancellationToken) is null)
        {
            check.Fail("decisionBody", $"没有代码为「{decisionBody}」的单位。");
        }
        ThrowIfInvalid(check);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Catalogues.AnyAsync(c => c.Year == year, cancellationToken))
        {
            throw new WorkflowConflictException($"{year} 年度决策事项目录已经存在。");
        }
        var now = clock.GetUtcNow();
        db.Catalogues.Add(new DecisionCatalogue { Year = year, DecisionBody = decisionBody, Status = CatalogueStatus.Draft, CreatedAt = now, CreatedBy = actor.UserName });
        db.CatalogueChanges.Add(Change(year, null, "create", "编制年度决策事项目录", null, null, null, actor, now));
        await db.SaveChangesAsync(cancellationToken);
        return (await GetAsync(year, cancellationToken))!;
    }

    public async Task<CatalogueView> AddItemAsync(int year, JsonObject? body, WorkflowActor actor, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var catalogue = await FindAsync(db, year, cancellationToken);
        var check = new RecordCheck(body, "");
        var item = new CatalogueItem { Id = Guid.CreateVersion7(), Year = year, Title = "", LeadUnit = "" };
        await ReadItemAsync(check, item, partial: false, cancellationToken);
        var (reason, meeting) = ReadReason(check, catalogue);
        ThrowIfInvalid(check);
        var now = clock.GetUtcNow();
        item.Number = (await db.CatalogueItems.Where(i => i.Year == year).MaxAsync(i => (int?)i.Number, cancellationToken) ?? 0) + 1;
        item.AddedAt = item.UpdatedAt = now;
        db.CatalogueItems.Add(item);
        db.CatalogueChanges.Add(Change(year, item.Id, "add", reason!, meeting, null, Snapshot(item), actor, now));
        await db.SaveChangesAsync(cancellationToken);
        return (await GetAsync(year, cancellationToken))!;
    }

    public async Task<CatalogueView> ModifyItemAsync(int year, Guid itemId, JsonObject? body, WorkflowActor actor, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var catalogue = await FindAsync(db, year, cancellationToken);
        var item = await FindItemAsync(db, year, itemId, cancellationToken);
        var before = Snapshot(item);
        var check = new RecordCheck(body, "");
        await ReadItemAsync(check, item, partial: true, cancellationToken);
        var (reason, meeting) = ReadReason(check, catalogue);
        check.Require(Snapshot(item) != before || !check.Valid, "body", "没有任何修改：请给出要调整的字段。");
        ThrowIfInvalid(check);
        var now = clock.GetUtcNow();
        item.UpdatedAt = now;
        db.CatalogueChanges.Add(Change(year, item.Id, "modify", reason!, meeting, before, Snapshot(item), actor, now));
        await db.SaveChangesAsync(cancellationToken);
        return (await GetAsync(year, cancellationToken))!;
    }

    public async Task<CatalogueView> RemoveItemAsync(int year, Guid itemId, JsonObject? body, WorkflowActor actor, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var catalogue = await FindAsync(db, year, cancellationToken);
        var item = await FindItemAsync(db, year, itemId, cancellationToken);
        var check = new RecordCheck(body, "");
        var (reason, meeting) = ReadReason(check, catalogue);
        ThrowIfInvalid(check);
        var now = clock.GetUtcNow();
        var before = Snapshot(item);
        item.Removed = true;
        item.UpdatedAt = now;
        db.CatalogueChanges.Add(Change(year, item.Id, "remove", reason!, meeting, before, Snapshot(item), actor, now));
        await db.SaveChangesAsync(cancellationToken);
        return (await GetAsync(year, cancellationToken))!;
    }

    /// <summary>Publishes the catalogue once the Party committee has agreed to it.</summary>
    public async Task<CatalogueView> PublishAsync(int year, JsonObject? body, WorkflowActor actor, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var catalogue = await FindAsync(db, year, cancellationToken);
        var check = new RecordCheck(body, "");
        var agreed = check.Date("partyCommitteeAgreedOn");
        var today = deadlines.Clock.Today();
        check.Require(agreed is null || agreed <= today, "partyCommitteeAgreedOn", "partyCommitteeAgreedOn 晚于今天。");
        ThrowIfInvalid(check);
        if (catalogue.Status == CatalogueStatus.Published)
        {
            throw new WorkflowConflictException($"{year} 年度目录已于 {catalogue.PublishedOn:yyyy-MM-dd} 公布；此后的调整须经集体讨论决定。");
        }
        if (!await db.CatalogueItems.AnyAsync(i => i.Year == year && !i.Removed, cancellationToken))
        {
            throw new WorkflowValidationException("目录中没有事项。", [new ValidationError("items", "目录中没有事项，不能公布。")]);
        }
        var now = clock.GetUtcNow();
        catalogue.Status = CatalogueStatus.Published;
        catalogue.PartyCommitteeAgreedOn = agreed;
        catalogue.PublishedOn = today;
        db.CatalogueChanges.Add(Change(year, null, "publish", $"经同级党委同意（{agreed:yyyy-MM-dd}）后公布", null, null, null, actor, now));
        await db.SaveChangesAsync(cancellationToken);
        return (await GetAsync(year, cancellationToken))!;
    }

    private async Task ReadItemAsync(RecordCheck check, CatalogueItem item, bool partial, CancellationToken cancellationToken)
    {
        if (check.Text("title", required: !partial, max: 500) is { } title)
        {
            item.Title = title;
        }
        if (check.Text("leadUnit", required: !partial, max: 64) is { } unit)
        {
            if (await units.NameOfAsync(unit, cancellationToken) is null)
            {
                check.Fail("leadUnit", $"没有代码为「{unit}」的单位。");
            }
            item.LeadUnit = unit;
        }
        item.LegalBasis = check.Text("legalBasis", required: false, max: 2000) ?? item.LegalBasis;
        item.PlannedCompletion = check.Text("plannedCompletion", required: false, max: 100) ?? item.PlannedCompletion;
        item.Remarks = check.Text("remarks", required: false, max: 2000) ?? item.Remarks;
    }

    /// <summary>Every change needs a reason; once published, also the collective decision that made it.</summary>
    private static (string? Reason, (string Type, DateOnly Date, string? Reference)? Meeting) ReadReason(RecordCheck check, DecisionCatalogue catalogue)
    {
        var reason = check.Text("reason", max: 2000);
        var meeting = check.Object("collectiveDecision", required: false);
        if (meeting is null)
        {
            if (catalogue.Status == CatalogueStatus.Published)
            {
                check.Fail("collectiveDecision", "目录公布后的调整须经集体讨论决定：请给出 collectiveDecision（meetingType、meetingDate、reference）。");
            }
            return (reason, null);
        }
        var type = meeting.OneOf("meetingType", DecisionRecords.MeetingTypes);
        var date = meeting.Date("meetingDate");
        var reference = meeting.Text("reference", required: false, max: 200);
        return (reason, type is null || date is null ? null : (type, date.Value, reference));
    }

    private static async Task<DecisionCatalogue> FindAsync(MajorDecisionsDbContext db, int year, CancellationToken cancellationToken) =>
        await db.Catalogues.SingleOrDefaultAsync(c => c.Year == year, cancellationToken)
            ?? throw new WorkflowNotFoundException($"没有 {year} 年度的决策事项目录。");

    private static async Task<CatalogueItem> FindItemAsync(MajorDecisionsDbContext db, int year, Guid itemId, CancellationToken cancellationToken)
    {
        var item = await db.CatalogueItems.SingleOrDefaultAsync(i => i.Id == itemId && i.Year == year, cancellationToken)
            ?? throw new WorkflowNotFoundException($"{year} 年度目录中没有事项 {itemId}。");
        return item.Removed ? throw new WorkflowConflictException("该事项已调出目录。") : item;
    }

    private static string Snapshot(CatalogueItem item) => EngineJson.Write(new JsonObject
    {
        ["number"] = item.Number,
        ["title"] = item.Title,
        ["leadUnit"] = item.LeadUnit,
        ["legalBasis"] = item.LegalBasis,
        ["plannedCompletion"] = item.PlannedCompletion,
        ["remarks"] = item.Remarks,
        ["removed"] = item.Removed,
    });

    private static CatalogueChange Change(int year, Guid? itemId, string action, string reason, (string Type, DateOnly Date, string? Reference)? meeting,
        string? before, string? after, WorkflowActor actor, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        Year = year,
        ItemId = itemId,
        Action = action,
        Reason = reason,
        MeetingType = meeting?.Type,
        MeetingDate = meeting?.Date,
        MeetingReference = meeting?.Reference,
        Before = before,
        After = after,
        ChangedBy = actor.UserName,
        ChangedAt = now,
    };

    private static void ThrowIfInvalid(RecordCheck check)
    {
        if (!check.Valid)
        {
            throw new WorkflowValidationException(string.Join(" ", check.Errors.Select(e => e.Message)), check.Errors);
        }
    }
}
