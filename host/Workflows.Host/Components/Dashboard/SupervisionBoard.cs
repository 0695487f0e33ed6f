using Microsoft.EntityFrameworkCore;
using Workflows.Engine.Instances;
using Workflows.Engine.Persistence;
using Workflows.Engine.Runtime;
using Workflows.Engine.Tasks;
using Workflows.Host.Accounts;
using Workflows.Host.Components.Shared;
using Workflows.Host.Components.Tasks;

namespace Workflows.Host.Components.Dashboard;

/// <summary>One open task as supervision (督办) sees it: whose unit it lies with and where it stands against its deadline.</summary>
public sealed record SupervisedTask(
    TaskView Task, string? UnitCode, string UnitName, string ProcedureName, string? CaseTitle, DueStatus Due, int? WorkingDaysLeft)
{
    public bool IsEscalation => Task.Kind == HumanTaskKind.Escalation;
}

/// <summary>A unit's open steps by due status.</summary>
public sealed record UnitLoad(string? UnitCode, string UnitName, int Overdue, int DueSoon, int OnTime)
{
    public int Total => Overdue + DueSoon + OnTime;
}

/// <summary>A procedure's cases by status and its open steps.</summary>
public sealed record ProcedureLoad(string Key, string Name, int Running, int Completed, int Faulted, int OpenSteps, int Overdue);

/// <summary>Everything on the dashboard, counted from the engine's tables at one moment.</summary>
public sealed record SupervisionSnapshot(
    DateTimeOffset At,
    IReadOnlyList<SupervisedTask> Tasks,
    IReadOnlyList<UnitLoad> Units,
    IReadOnlyList<ProcedureLoad> Procedures)
{
    public IEnumerable<SupervisedTask> Steps => Tasks.Where(t => !t.IsEscalation);

    public IEnumerable<SupervisedTask> Escalations => Tasks.Where(t => t.IsEscalation);

    public int Count(DueStatus due) => Steps.Count(t => t.Due == due);

    /// <summary>The list behind a figure: every argument given narrows it.</summary>
    public IReadOnlyList<SupervisedTask> Filter(SupervisionFilter filter) =>
    [
        .. Tasks.Where(t =>
                (filter.Escalations ? t.IsEscalation : !t.IsEscalation)
                && (filter.Due is not { } due || t.Due == due)
                && (filter.Unit is null || string.Equals(filter.Unit, t.UnitCode ?? SupervisionBoard.NoUnit, StringComparison.OrdinalIgnoreCase))
                && (filter.Procedure is null || t.Task.DefinitionKey == filter.Procedure))
            .OrderBy(t => t.Due).ThenBy(t => t.Task.DueAt ?? DateTimeOffset.MaxValue),
    ];
}

/// <param name="Unit">A unit code, or <see cref="SupervisionBoard.NoUnit"/> for work no unit holds.</param>
public sealed record SupervisionFilter(string? Unit = null, DueStatus? Due = null, string? Procedure = null, bool Escalations = false);

/// <summary>
/// The supervisor's view (督办) across every unit: open steps by unit and due status — due soon is
/// within three working days on the working-day calendar, as in 待办 — escalations, and each
/// procedure's cases. A task lies with the unit of its candidate group (<c>unit:role</c>), else of the
/// person it is assigned to or claimed by, else of the unit that started the case (承办单位).
/// </summary>
public sealed class SupervisionBoard(ScopedReads reads, DueClassifier due)
{
    /// <summary>The filter value for work no unit holds.</summary>
    public const string NoUnit = "-";

    public Task<SupervisionSnapshot> LoadAsync(string noUnitName, CancellationToken cancellationToken) =>
        reads.RunAsync(async services =>
        {
            var queries = services.GetRequiredService<IWorkflowQueries>();
            var db = services.GetRequiredService<WorkflowDbContext>();
            var accounts = services.GetRequiredService<AccountsDbContext>();

            // Every open task, read from the engine's tables: the task list API stops at the 1,000 most
            // urgent, and a supervisor's counts must not silently stop there.
            var rows = await (
                    from t in db.Tasks.AsNoTracking()
                    where t.Status == UserTaskStatus.Open
                    join i in db.Instances.AsNoTracking() on t.InstanceId equals i.Id
                    select new { Task = t, i.DefinitionKey, i.BusinessKey, i.UnitCode })
                .ToListAsync(cancellationToken);
            var tasks = rows.Select(r => new TaskView(
                    r.Task.Id, r.Task.InstanceId, r.Task.ActivityId, r.Task.Name, r.Task.Assignee, r.Task.CandidateGroupList, r.Task.DueAt,
                    r.Task.Status, r.Task.CreatedAt, r.DefinitionKey, r.BusinessKey, r.Task.Outcome, r.Task.CompletedBy, r.Task.CompletedAt,
                    r.Task.Kind, r.Task.ParentTaskId, r.Task.EarliestCompletion, r.Task.ClockPausedAt is not null, r.Task.ClaimedBy))
                .ToList();
            var caseUnits = rows.GroupBy(r => r.Task.InstanceId).ToDictionary(g => g.Key, g => g.First().UnitCode);
            var titles = await CaseLabels.TitlesAsync(db, caseUnits.Keys, cancellationToken);
            var people = (await accounts.Users.AsNoTracking()
                    .Where(u => u.UserName != null && u.UnitCode != null)
                    .Select(u => new { u.UserName, u.UnitCode })
                    .ToListAsync(cancellationToken))
                .ToDictionary(u => u.UserName!, u => u.UnitCode!, StringComparer.OrdinalIgnoreCase);
            var units = (await accounts.Units.AsNoTracking().Select(u => new { u.Code, u.Name }).ToListAsync(cancellationToken))
                .ToDictionary(u => u.Code, u => u.Name, StringComparer.OrdinalIgnoreCase);
            var procedures = await CaseLabels.ProcedureNamesAsync(queries, cancellationToken);

            string? UnitOf(TaskView task)
            {
                foreach (var group in task.CandidateGroups)
                {
                    var colon = group.IndexOf(':');
                    if (colon > 0)
                    {
                        return group[..colon];
                    }
                }
                var person = task.Assignee ?? task.ClaimedBy;
                if (person is not null && people.TryGetValue(person, out var unit))
                {
                    return unit;
                }
                return caseUnits.GetValueOrDefault(task.InstanceId);
            }

            var supervised = tasks.Select(t =>
            {
                var unit = UnitOf(t);
                return new SupervisedTask(
                    t,
                    unit,
                    unit is null ? noUnitName : units.GetValueOrDefault(unit) ?? unit,
                    procedures.GetValueOrDefault(t.DefinitionKey) ?? t.DefinitionKey,
                    titles.GetValueOrDefault(t.InstanceId),
                    due.Classify(t),
                    due.WorkingDaysLeft(t));
            }).ToList();

            var byUnit = supervised.Where(t => !t.IsEscalation)
                .GroupBy(t => t.UnitCode ?? NoUnit, StringComparer.OrdinalIgnoreCase)
                .Select(g => new UnitLoad(
                    g.First().UnitCode, g.First().UnitName,
                    g.Count(t => t.Due == DueStatus.Overdue), g.Count(t => t.Due == DueStatus.DueSoon), g.Count(t => t.Due == DueStatus.OnTime)))
                .OrderByDescending(u => u.Overdue).ThenByDescending(u => u.DueSoon).ThenBy(u => u.UnitName, StringComparer.Ordinal)
                .ToList();

            var caseCounts = await db.Instances.AsNoTracking()
                .GroupBy(i => new { i.DefinitionKey, i.Status })
                .Select(g => new { g.Key.DefinitionKey, g.Key.Status, Count = g.Count() })
                .ToListAsync(cancellationToken);
            var byProcedure = caseCounts.Select(c => c.DefinitionKey)
                .Union(supervised.Select(t => t.Task.DefinitionKey))
                .Distinct(StringComparer.Ordinal)
                .Select(key =>
                {
                    int Cases(InstanceStatus status) => caseCounts.Where(c => c.DefinitionKey == key && c.Status == status).Sum(c => c.Count);
                    var steps = supervised.Where(t => !t.IsEscalation && t.Task.DefinitionKey == key).ToList();
                    return new ProcedureLoad(key, procedures.GetValueOrDefault(key) ?? key,
                        Cases(InstanceStatus.Running), Cases(InstanceStatus.Completed), Cases(InstanceStatus.Faulted),
                        steps.Count, steps.Count(t => t.Due == DueStatus.Overdue));
                })
                .OrderByDescending(p => p.Running).ThenBy(p => p.Name, StringComparer.Ordinal)
                .ToList();

            return new SupervisionSnapshot(services.GetRequiredService<TimeProvider>().GetUtcNow(), supervised, byUnit, byProcedure);
        });
}
