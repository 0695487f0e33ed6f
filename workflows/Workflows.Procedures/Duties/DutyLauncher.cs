using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Workflows.Engine.Calendar;
using Workflows.Engine.Persistence;
using Workflows.Engine.Runtime;
using Workflows.Procedures.Units;

namespace Workflows.Procedures.Duties;

/// <summary>What one launch did: the instances it started and the units it found already started.</summary>
public sealed record DutyLaunch(Duty Duty, DutyPeriod Period, IReadOnlyList<Guid> Started, IReadOnlyList<string> AlreadyStarted);

/// <summary>
/// Starts a duty's period: one instance per responsible unit, each with its own due date, under the
/// business key <c>duty:&lt;key&gt;:&lt;period&gt;:&lt;unit&gt;</c>. Units that already have that
/// instance (in any state: a cancelled duty was cancelled on purpose) are skipped, so a launch
/// that runs twice starts nothing the second time.
/// </summary>
public sealed class DutyLauncher(
    IWorkflowRuntime runtime,
    IDbContextFactory<WorkflowDbContext> dbFactory,
    IUnitDirectory units,
    DutySchedule schedule,
    IWorkingDayCalendar calendar,
    DutyDefinitionInstaller installer,
    ILogger<DutyLauncher> logger)
{
    // One launch at a time in this process: the outbox may deliver the same run twice at once.
    // Across processes only a unique business key in wf_instances would close the gap.
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<DutyLaunch> LaunchAsync(Duty duty, DutyPeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(duty);
        if (period.Frequency != duty.Frequency)
        {
            throw new ArgumentException($"{duty.Key} runs {duty.Frequency}, not {period.Frequency}.", nameof(period));
        }
        await installer.EnsureInstalledAsync(cancellationToken);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await LaunchCoreAsync(duty, period, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<DutyLaunch> LaunchCoreAsync(Duty duty, DutyPeriod period, CancellationToken cancellationToken)
    {
        var responsible = (await units.ListAsync(cancellationToken)).Where(duty.IsResponsible).OrderBy(u => u.Code, StringComparer.Ordinal).ToList();
        if (responsible.Count == 0)
        {
            logger.LogWarning("Duty {Duty} ({Name}) has no responsible unit in the unit directory; nothing starts for {Period}", duty.Key, duty.Name, period.Id);
        }
        var started = await ExistingBusinessKeysAsync(duty, period, cancellationToken);
        var warnings = Warnings(duty, period);
        var launched = new List<Guid>();
        var skipped = new List<string>();
        var failures = new List<Exception>();
        foreach (var unit in responsible)
        {
            if (started.Contains(duty.BusinessKey(period, unit.Code)))
            {
                skipped.Add(unit.Code);
                continue;
            }
            try
            {
                // The unit becomes the instance's unit: {unit} in the ladder and the quarterly digests follow it.
                var actor = new WorkflowActor(WorkflowActor.System.UserName, new HashSet<string>(), unit.Code);
                var instance = await runtime.StartAsync(
                    new StartInstance(duty.DefinitionKey, duty.BusinessKey(period, unit.Code), Variables(duty, period, unit, warnings)), actor, cancellationToken);
                launched.Add(instance.Id);
            }
            catch (Exception ex) when (ex is WorkflowException)
            {
                // The other units still get their duty; the run fails afterwards so the outbox retries this one.
                logger.LogError(ex, "Duty {Duty} could not start for unit {Unit} in {Period}", duty.Key, unit.Code, period.Id);
                failures.Add(ex);
            }
        }
        logger.LogInformation("Duty {Duty} for {Period}: started {Started}, already running {Skipped}", duty.Key, period.Id, launched.Count, skipped.Count);
        if (failures.Count > 0)
        {
            throw new AggregateException($"Duty {duty.Key} failed to start for {failures.Count} of {responsible.Count} units in {period.Id}.", failures);
        }
        return new DutyLaunch(duty, period, launched, skipped);
    }

    private async Task<HashSet<string>> ExistingBusinessKeysAsync(Duty duty, DutyPeriod period, CancellationToken cancellationToken)
    {
        var prefix = duty.BusinessKeyPrefix(period);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var keys = await db.Instances.AsNoTracking()
            .Where(i => i.BusinessKey != null && i.BusinessKey.StartsWith(prefix))
            .Select(i => i.BusinessKey!)
            .ToListAsync(cancellationToken);
        return new HashSet<string>(keys, StringComparer.Ordinal);
    }

    /// <summary>Every year the duty's dates rest on without holiday data: its start and each of its dates.</summary>
    private List<string> Warnings(Duty duty, DutyPeriod period)
    {
        var days = new List<DateOnly> { schedule.StartOf(period).Day, duty.Due.For(period) };
        days.AddRange(duty.Dates.Values.Select(d => d.For(period)));
        return [.. days.Select(d => d.Year).Distinct().Order().Where(y => !calendar.HasDataFor(y)).Select(y => CalendarWarning.NoHolidayData(y).Message)];
    }

    /// <summary>The variables the duty's BPMN reads; their names are part of the duty processes' contract.</summary>
    private static JsonObject Variables(Duty duty, DutyPeriod period, OrgUnit unit, IReadOnlyList<string> warnings)
    {
        var variables = new JsonObject
        {
            ["unit"] = unit.Code,
            ["unitName"] = unit.Name,
            ["unitKind"] = UnitKinds.NameOf(unit.Kind),
            ["ownerGroup"] = unit.Code + ":owner",
            ["dutyKey"] = duty.Key,
            ["dutyName"] = duty.Name,
            ["year"] = period.Year,
            ["period"] = period.Id,
            ["periodName"] = period.DisplayName,
            ["dueDate"] = Iso(duty.Due.For(period)),
            // What lists and the inbox call the case (its business key is for machines): 举办法治专题讲座（县发改局，2026年）.
            ["title"] = $"{duty.Name}（{unit.Name}，{period.DisplayName}）",
        };
        foreach (var (name, rule) in duty.Dates)
        {
            variables[name] = Iso(rule.For(period));
        }
        if (duty.CoversPreviousYear)
        {
            variables["coveredYear"] = period.Year - 1;
        }
        if (warnings.Count > 0)
        {
            variables["calendarWarnings"] = new JsonArray([.. warnings.Select(w => (JsonNode)w)]);
        }
        return variables;
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
