using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Workflows.Activities.Documents;
using Workflows.Engine;
using Workflows.Engine.Calendar;
using Workflows.Engine.Persistence;
using Workflows.Engine.Runtime;
using Workflows.Procedures.Duties;

namespace Workflows.Procedures.AnnualReport;

/// <summary>One government's report on one year: its instance and its current draft.</summary>
public sealed record AnnualReportCase(int Year, Guid InstanceId, string? Unit, string Status, IReadOnlyList<string> ActiveActivityIds, StoredDocument? Draft);

/// <summary>
/// The government's annual reports. A report is an instance of <c>annual-report</c> started by the
/// government-annual-report duty for the year after the one reported on; starting one by hand goes
/// through the same duty launch, so the scheduler never starts a second one for that year.
/// </summary>
public sealed class AnnualReportCases(
    DutyCatalogue catalogue,
    DutyLauncher launcher,
    IDbContextFactory<WorkflowDbContext> engineDb,
    IServiceScopeFactory scopes,
    DocumentStore documents,
    TimeProvider time,
    IOptions<WorkflowEngineOptions> engineOptions)
{
    public const int FirstYear = 2000;

    private readonly CalendarClock _clock = new(time, engineOptions.Value.TimeZone);

    /// <summary>The earliest and latest year the product can report on today: up to the current year, whose figures run to date.</summary>
    public (int First, int Last) Years => (FirstYear, _clock.Today().Year);

    /// <exception cref="WorkflowValidationException">The year is outside <see cref="Years"/>, naming <c>year</c>.</exception>
    public void CheckYear(int year, bool mustBeOver = false)
    {
        var today = _clock.Today();
        var last = mustBeOver ? today.Year - 1 : today.Year;
        if (year < FirstYear || year > last)
        {
            var message = mustBeOver
                ? $"只能为已经结束的年度（{FirstYear}–{last}）编写年度报告，{year} 年不在其中。"
                : $"没有 {year} 年的数据：年度须在 {FirstYear}–{last} 之间。";
            throw new WorkflowValidationException(message, [new ValidationError("year", message)]);
        }
    }

    /// <summary>Starts the report on <paramref name="year"/> for every responsible government that has none yet.</summary>
    /// <exception cref="WorkflowValidationException">The year has not ended yet.</exception>
    /// <exception cref="WorkflowConflictException">The duty is switched off or starts another procedure.</exception>
    public async Task<DutyLaunch> StartAsync(int year, CancellationToken cancellationToken)
    {
        CheckYear(year, mustBeOver: true);
        var duty = Duty();
        return await launcher.LaunchAsync(duty, new DutyPeriod(year + 1, DutyFrequency.Yearly, 1), cancellationToken);
    }

    /// <summary>The reports on <paramref name="year"/>, one per government, oldest first.</summary>
    public async Task<IReadOnlyList<AnnualReportCase>> FindAsync(int year, CancellationToken cancellationToken)
    {
        var prefix = Duty().BusinessKeyPrefix(new DutyPeriod(year + 1, DutyFrequency.Yearly, 1));
        await using var db = await engineDb.CreateDbContextAsync(cancellationToken);
        var instances = await db.Instances.AsNoTracking()
            .Where(i => i.DefinitionKey == AnnualReportSteps.DefinitionKey && i.BusinessKey != null && i.BusinessKey.StartsWith(prefix))
            .OrderBy(i => i.StartedAt)
            .Select(i => new { i.Id, i.UnitCode, i.Status })
            .ToListAsync(cancellationToken);
        var cases = new List<AnnualReportCase>();
        foreach (var instance in instances)
        {
            await using var scope = scopes.CreateAsyncScope();
            var view = await scope.ServiceProvider.GetRequiredService<IWorkflowQueries>().GetInstanceAsync(instance.Id, cancellationToken);
            cases.Add(new AnnualReportCase(year, instance.Id, instance.UnitCode, instance.Status.ToString(), view?.ActiveActivityIds ?? [],
                await CurrentDraftAsync(instance.Id, cancellationToken)));
        }
        return cases;
    }

    /// <summary>The latest draft in the case file: generated or uploaded, whichever came last.</summary>
    public async Task<StoredDocument?> CurrentDraftAsync(Guid instanceId, CancellationToken cancellationToken) =>
        (await documents.ListAsync(instanceId, null, cancellationToken)).LastOrDefault(d => d.Kind == AnnualReportSteps.DraftKind);

    private Duty Duty()
    {
        var duty = catalogue.Find(BuiltInDuties.GovernmentAnnualReport);
        if (duty is null || duty.DefinitionKey != AnnualReportSteps.DefinitionKey || duty.Frequency != DutyFrequency.Yearly)
        {
            throw new WorkflowConflictException(string.Create(CultureInfo.InvariantCulture,
                $"政府法治政府建设年度报告职责（{BuiltInDuties.GovernmentAnnualReport}）未启用，或未按年度启动流程 {AnnualReportSteps.DefinitionKey}。"));
        }
        return duty;
    }
}
