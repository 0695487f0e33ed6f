using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Workflows.Engine;
using Workflows.Engine.Calendar;
using Workflows.Engine.Persistence;
using Workflows.Engine.Runtime;
using Workflows.Engine.Tasks;
using Workflows.Procedures.MajorDecisions;
using Workflows.Procedures.MajorDecisions.Persistence;
using Workflows.Procedures.MajorDecisions.Records;
using Workflows.Procedures.MajorDecisions.Register;
using Workflows.Procedures.NormativeDocuments.Register;
using Workflows.Procedures.Units;

namespace Workflows.Procedures.AnnualReport;

/// <summary>
/// Counts an annual report's figures from the registers and the engine, never from anything a
/// person typed into the report: the major-decision register (brought up to date with each
/// instance's journal first), the normative-document register, and the engine's tasks.
/// </summary>
public sealed class AnnualReportFiguresCounter(
    IServiceScopeFactory scopes,
    DecisionRegister decisions,
    RegisterQueries documents,
    IDbContextFactory<WorkflowDbContext> engineDb,
    Units.IUnitDirectory units,
    TimeProvider time,
    IOptions<WorkflowEngineOptions> engineOptions)
{
    // A county has a few dozen decisions and documents a year; the registers' own lists are read whole.
    private const int All = 100_000;

    private static readonly string[] StatutorySteps =
    [
        Applicability.ActivityOf(Applicability.PublicParticipation),
        Applicability.ActivityOf(Applicability.Hearing),
        Applicability.ActivityOf(Applicability.ExpertConsultation),
        Applicability.ActivityOf(Applicability.RiskAssessment),
        DecisionSteps.LegalityReview,
    ];

    private readonly CalendarClock _clock = new(time, engineOptions.Value.TimeZone);

    public async Task<AnnualReportFigures> CountAsync(int year, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 2000);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9998);
        var window = new YearWindow(year, _clock.StartOf(new DateOnly(year, 1, 1)), _clock.StartOf(new DateOnly(year + 1, 1, 1)));
        var now = time.GetUtcNow();
        var (decisionFigures, decided, decidedReviewed, decisionReviews) = await CountDecisionsAsync(window, cancellationToken);
        var (documentFigures, registered, registeredReviewed) = await CountDocumentsAsync(window, cancellationToken);
        var documentReviews = await CountCompletedAsync("normative-document", "legality-review", window, cancellationToken);
        var subjects = decided + registered;
        var reviewed = decidedReviewed + registeredReviewed;
        var rate = subjects == 0 ? (decimal?)null : Math.Round(100m * reviewed / subjects, 1, MidpointRounding.AwayFromZero);
        var legality = new LegalityReviewFigures(decisionReviews, documentReviews, subjects, reviewed, rate);
        var overdue = await CountOverdueAsync(window, now, cancellationToken);
        return new AnnualReportFigures(year, now, decisionFigures, legality, documentFigures, overdue);
    }

    private async Task<(DecisionFigures Figures, int Decided, int DecidedReviewed, int Reviews)> CountDecisionsAsync(YearWindow window, CancellationToken cancellationToken)
    {
        IReadOnlyList<Decision> register;
        await using (var scope = scopes.CreateAsyncScope())
        {
            register = await decisions.ListAsync(new DecisionFilter(Take: All), scope.ServiceProvider.GetRequiredService<IWorkflowQueries>(), cancellationToken);
        }
        int proposed = 0, started = 0, decided = 0, published = 0, decidedReviewed = 0, reviews = 0;
        var stepDone = StatutorySteps.ToDictionary(s => s, _ => 0, StringComparer.Ordinal);
        foreach (var decision in register)
        {
            var records = await decisions.RecordsAsync(decision.Id, cancellationToken);
            var inYear = records.Where(r => window.Contains(r.RecordedAt)).ToList();
            proposed += window.Contains(decision.ProposedAt) ? 1 : 0;
            started += inYear.Any(r => r.Kind == DecisionSteps.Proposal && (bool?)JsonNode.Parse(r.Content)?["started"] == true) ? 1 : 0;
            published += window.Contains(decision.PublishedOn) ? 1 : 0;
            foreach (var step in StatutorySteps)
            {
                stepDone[step] += inYear.Any(r => r.Kind == step) ? 1 : 0;
            }
            reviews += inYear.Count(r => r.Kind == DecisionSteps.LegalityReview);
            if (window.Contains(decision.DecidedOn))
            {
                decided++;
                decidedReviewed += records.Any(r => r.Kind == DecisionSteps.LegalityReview) ? 1 : 0;
            }
        }
        var figures = new DecisionFigures(proposed, started, decided, published,
            stepDone[StatutorySteps[0]], stepDone[StatutorySteps[1]], stepDone[StatutorySteps[2]], stepDone[StatutorySteps[3]], stepDone[StatutorySteps[4]]);
        return (figures, decided, decidedReviewed, reviews);
    }

    private async Task<(NormativeDocumentFigures Figures, int Registered, int RegisteredReviewed)> CountDocumentsAsync(YearWindow window, CancellationToken cancellationToken)
    {
        var register = await documents.SearchAsync(new RegisterSearch(Take: All), cancellationToken);
        var registered = register.Where(d => window.Contains(d.RegisteredOn)).ToList();
        var published = register.Where(d => window.Contains(d.PublishedOn)).ToList();
        var required = FilingAuthorities.ChineseNames.Keys.ToList();
        var filedOnTime = published.Count(d => required.All(a => d.Filings.Any(f => f.Authority == a && f.OnTime)));
        var filedLate = published.Count(d => d.Filings.Any(f => !f.OnTime));
        var notFiled = published.Count - filedOnTime - filedLate;
        var figures = new NormativeDocumentFigures(
            registered.Count, published.Count, filedOnTime, filedLate, notFiled, register.Count(d => window.Contains(d.ExpiredOn)));
        return (figures, registered.Count, registered.Count(d => !string.IsNullOrEmpty(d.LegalityResult)));
    }

    private async Task<int> CountCompletedAsync(string definitionKey, string activityId, YearWindow window, CancellationToken cancellationToken)
    {
        var (start, end) = (window.Start, window.End);
        await using var db = await engineDb.CreateDbContextAsync(cancellationToken);
        return await (
            from task in db.Tasks.AsNoTracking()
            join instance in db.Instances.AsNoTracking() on task.InstanceId equals instance.Id
            where instance.DefinitionKey == definitionKey && task.ActivityId == activityId && task.Status == UserTaskStatus.Completed
                && task.CompletedAt >= start && task.CompletedAt < end
            select task.Id).CountAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<UnitSupervisionFigures>> CountOverdueAsync(YearWindow window, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (start, end) = (window.Start, window.End);
        await using var db = await engineDb.CreateDbContextAsync(cancellationToken);
        var rows = await (
            from task in db.Tasks.AsNoTracking()
            join instance in db.Instances.AsNoTracking() on task.InstanceId equals instance.Id
            // A supervision task closes with the step it supervises; it was an escalation all the same.
            where (task.Kind == HumanTaskKind.Step && task.Status != UserTaskStatus.Cancelled && task.DueAt >= start && task.DueAt < end)
                || (task.Kind == HumanTaskKind.Escalation && task.CreatedAt >= start && task.CreatedAt < end)
            select new { task.Id, task.Kind, task.CandidateGroups, task.DueAt, task.CompletedAt, task.Status, task.ParentTaskId, instance.UnitCode })
            .ToListAsync(cancellationToken);
        var parentIds = rows.Where(r => r.ParentTaskId is not null).Select(r => r.ParentTaskId!.Value).Distinct().ToList();
        var parents = await (
            from task in db.Tasks.AsNoTracking()
            join instance in db.Instances.AsNoTracking() on task.InstanceId equals instance.Id
            where parentIds.Contains(task.Id)
            select new { task.Id, task.CandidateGroups, instance.UnitCode })
            .ToDictionaryAsync(p => p.Id, p => UnitOf(p.CandidateGroups, p.UnitCode), cancellationToken);

        var overdue = rows
            .Where(r => r.Kind == HumanTaskKind.Step && (r.Status == UserTaskStatus.Open ? now : r.CompletedAt ?? now) > r.DueAt)
            .GroupBy(r => UnitOf(r.CandidateGroups, r.UnitCode))
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var escalations = rows
            .Where(r => r.Kind == HumanTaskKind.Escalation)
            .GroupBy(r => r.ParentTaskId is { } parent && parents.TryGetValue(parent, out var unit) ? unit : UnitOf(r.CandidateGroups, r.UnitCode))
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var names = (await units.ListAsync(cancellationToken)).ToDictionary(u => u.Code, u => u.Name, StringComparer.OrdinalIgnoreCase);
        return [.. overdue.Keys.Union(escalations.Keys).Order(StringComparer.Ordinal).Select(unit => new UnitSupervisionFigures(
            unit,
            unit.Length == 0 ? "未指定单位" : names.GetValueOrDefault(unit, unit),
            overdue.GetValueOrDefault(unit),
            escalations.GetValueOrDefault(unit)))];
    }

    /// <summary>
    /// The unit a task belongs to: the unit of its first <c>unit:role</c> candidate group (the legal
    /// affairs office for a review assigned to <c>legal-office:legal</c>), else its instance's unit.
    /// </summary>
    public static string UnitOf(string? candidateGroups, string? instanceUnit)
    {
        foreach (var group in (candidateGroups ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = group.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && group[..colon] is var unit && unit != "*")
            {
                return unit;
            }
        }
        return instanceUnit ?? "";
    }

    private readonly record struct YearWindow(int Year, DateTimeOffset Start, DateTimeOffset End)
    {
        public bool Contains(DateTimeOffset instant) => instant >= Start && instant < End;

        public bool Contains(DateOnly? day) => day?.Year == Year;
    }
}
