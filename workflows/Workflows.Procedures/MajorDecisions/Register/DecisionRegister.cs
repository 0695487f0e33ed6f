using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workflows.Engine.Runtime;
using Workflows.Procedures.MajorDecisions.Persistence;
using Workflows.Procedures.MajorDecisions.Records;

namespace Workflows.Procedures.MajorDecisions.Register;

public sealed record DecisionFilter(int? Year = null, DecisionStatus? Status = null, string? LeadUnit = null, string? Search = null, int Skip = 0, int Take = 100);

/// <summary>
/// The register of major decision matters: a proposal enters it and starts the procedure at once,
/// so nothing about a decision exists outside its instance and journal.
/// </summary>
public sealed class DecisionRegister(
    IDbContextFactory<MajorDecisionsDbContext> dbFactory,
    IWorkflowRuntime runtime,
    DecisionProjection projection,
    IUnitDirectory units,
    IOptions<MajorDecisionOptions> options,
    TimeProvider clock)
{
    /// <summary>Checks the proposal, starts an instance of <c>major-decision</c> with it, and enters it in the register.</summary>
    /// <exception cref="WorkflowValidationException">A field is missing or wrong; nothing was started.</exception>
    public async Task<Decision> ProposeAsync(JsonObject body, WorkflowActor actor, IWorkflowQueries queries, Guid? adjusts, CancellationToken cancellationToken)
    {
        var check = DecisionRecords.Proposal(body, "");
        var title = check.Text("title", max: 500);
        var year = check.Number("catalogueYear", 2000, 2100);
        var itemId = check.Id("catalogueItemId", required: false);
        var decisionBody = check.Text("decisionBody", required: false, max: 64) ?? options.Value.DefaultDecisionBody;
        if (string.IsNullOrEmpty(actor.UnitCode))
        {
            check.Fail("proposerUnit", "提出决策建议的人员须属于某一单位。");
        }
        if (await units.NameOfAsync(decisionBody, cancellationToken) is null)
        {
            check.Fail("decisionBody", $"没有代码为「{decisionBody}」的单位。");
        }
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (itemId is { } id && year is { } y
                && !await db.CatalogueItems.AnyAsync(i => i.Id == id && i.Year == y && !i.Removed, cancellationToken))
            {
                check.Fail("catalogueItemId", $"{y} 年度决策事项目录中没有此事项（或已调出目录）。");
            }
        }
        if (!check.Valid)
        {
            throw new WorkflowValidationException(string.Join(" ", check.Errors.Select(e => e.Message)), check.Errors);
        }
        var proposal = new JsonObject
        {
            ["reasons"] = body["reasons"]!.DeepClone(),
            ["legalBasis"] = body["legalBasis"]!.DeepClone(),
            ["firstPlan"] = body["firstPlan"]!.DeepClone(),
            ["marketActorsAffected"] = body["marketActorsAffected"]!.DeepClone(),
            ["proposerUnit"] = actor.UnitCode,
        };
        var variables = new JsonObject
        {
            [DecisionSteps.Start.Title] = title,
            [DecisionSteps.Start.DecisionBody] = decisionBody,
            [DecisionSteps.Start.CatalogueYear] = year,
            [DecisionSteps.Start.CatalogueItemId] = itemId?.ToString(),
            [DecisionSteps.Start.Proposal] = proposal,
            [DecisionSteps.Start.Adjusts] = adjusts?.ToString(),
        };
        var instance = await runtime.StartAsync(new StartInstance(DecisionSteps.DefinitionKey, title, variables), actor, cancellationToken);
        var decision = new Decision
        {
            Id = instance.Id,
            Title = title!,
            CatalogueYear = year!.Value,
            CatalogueItemId = itemId,
            DecisionBody = decisionBody,
            ProposerUnit = actor.UnitCode,
            ProposedBy = actor.UserName,
            ProposedAt = instance.StartedAt,
            MarketActorsAffected = (bool)body["marketActorsAffected"]!,
            AdjustsDecisionId = adjusts,
            Status = DecisionStatus.Proposed,
            UpdatedAt = clock.GetUtcNow(),
        };
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            db.Decisions.Add(decision);
            await db.SaveChangesAsync(cancellationToken);
        }
        await projection.SyncAsync(decision.Id, queries, cancellationToken);
        return (await FindAsync(decision.Id, cancellationToken))!;
    }

    public async Task<Decision?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Decisions.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
    }

    public async Task<IReadOnlyList<DecisionRecord>> RecordsAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Records.AsNoTracking().Where(r => r.DecisionId == id).OrderBy(r => r.Sequence).ToListAsync(cancellationToken);
    }

    /// <summary>Lists the register; decisions still moving are brought up to date first (a county has a handful a year).</summary>
    public async Task<IReadOnlyList<Decision>> ListAsync(DecisionFilter filter, IWorkflowQueries queries, CancellationToken cancellationToken)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var moving = await db.Decisions.AsNoTracking()
                .Where(d => d.Status != DecisionStatus.Archived && d.Status != DecisionStatus.Cancelled && d.Status != DecisionStatus.NotStarted)
                .Select(d => d.Id).ToListAsync(cancellationToken);
            foreach (var id in moving)
            {
                await projection.SyncAsync(id, queries, cancellationToken);
            }
        }
        await using var read = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = read.Decisions.AsNoTracking();
        if (filter.Year is { } year)
        {
            query = query.Where(d => d.CatalogueYear == year);
        }
        if (filter.Status is { } status)
        {
            query = query.Where(d => d.Status == status);
        }
        if (!string.IsNullOrWhiteSpace(filter.LeadUnit))
        {
            query = query.Where(d => d.LeadUnit == filter.LeadUnit);
        }
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            query = query.Where(d => d.Title.Contains(filter.Search));
        }
        // Instants are UTC ticks on SQLite (UtcInstants), so the order is the database's on both providers.
        return await query.OrderByDescending(d => d.ProposedAt).Skip(filter.Skip).Take(filter.Take).ToListAsync(cancellationToken);
    }
}
