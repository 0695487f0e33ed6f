using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Workflows.Activities.Notifications;
using Workflows.Activities.Notifications.Recipients;
using Workflows.Activities.Notifications.Templates;
using Workflows.Engine.Outbox;
using Workflows.Engine.Persistence;
using Workflows.Engine.Tasks;
using Workflows.Procedures.Duties;

namespace Workflows.Procedures.Digests;

/// <summary>One line of a digest: an open task and when it is due.</summary>
public sealed record DigestItem(string TaskName, string? BusinessKey, DateTimeOffset DueAt);

/// <summary>Who was sent a digest, under which outbox message id.</summary>
public sealed record QuarterlyDigestRun(DutyPeriod Quarter, IReadOnlyDictionary<string, Guid> Units, IReadOnlyDictionary<string, Guid> Users);

/// <summary>
/// 季度到期事项提示: at the start of a quarter, each unit's supervisors get the open tasks of the
/// unit's instances that fall due in the quarter or are overdue, and each person who can act on
/// such tasks gets their own. Each digest is queued under an id derived from the quarter and the
/// recipient, so a second run of the same quarter queues nothing new.
/// </summary>
public sealed class QuarterlyDigestSender(
    IDbContextFactory<WorkflowDbContext> dbFactory,
    IRecipientDirectory directory,
    OutboxPublisher publisher,
    DutySchedule schedule,
    IOptions<DutiesOptions> options,
    ILogger<QuarterlyDigestSender> logger)
{
    private sealed record Row(string? Name, string ActivityId, DateTimeOffset DueAt, string? Assignee, string? CandidateGroups, string? CandidateUsers, string? BusinessKey, string? UnitCode);

    /// <param name="asOf">What counts as overdue: due before this instant. The run passes its occurrence, so a retry sorts the same way.</param>
    public async Task<QuarterlyDigestRun> SendAsync(DutyPeriod quarter, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var end = schedule.Clock.StartOf(quarter.LastDay.AddDays(1));
        var rows = await OpenTasksDueBeforeAsync(end, cancellationToken);

        var units = new Dictionary<string, Guid>(StringComparer.OrdinalIgnoreCase);
        foreach (var unit in rows.Where(r => !string.IsNullOrEmpty(r.UnitCode)).GroupBy(r => r.UnitCode!, StringComparer.OrdinalIgnoreCase).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var recipient = $"{unit.Key}:{options.Value.QuarterlyDigest.SupervisorRole}";
            units[unit.Key] = await PublishAsync(quarter, "unit", unit.Key, recipient, null, [.. unit], asOf, cancellationToken);
        }

        var users = new Dictionary<string, List<Row>>(StringComparer.OrdinalIgnoreCase);
        var groups = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
        {
            foreach (var user in await HoldersAsync(row, groups, cancellationToken))
            {
                (users.TryGetValue(user, out var list) ? list : users[user] = []).Add(row);
            }
        }
        var userMessages = new Dictionary<string, Guid>(StringComparer.OrdinalIgnoreCase);
        foreach (var (user, tasks) in users.OrderBy(u => u.Key, StringComparer.Ordinal))
        {
            userMessages[user] = await PublishAsync(quarter, "user", user, "user:" + user, "/tasks", tasks, asOf, cancellationToken);
        }
        logger.LogInformation("Quarterly digest {Quarter}: {Tasks} open tasks, {Units} unit digests, {Users} personal digests",
            quarter.Id, rows.Count, units.Count, userMessages.Count);
        return new QuarterlyDigestRun(quarter, units, userMessages);
    }

    /// <summary>One query on the (Status, DueAt) index of wf_tasks, joined to the instances for unit and business key.</summary>
    private async Task<List<Row>> OpenTasksDueBeforeAsync(DateTimeOffset end, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await (
            from task in db.Tasks.AsNoTracking()
            where task.Status == UserTaskStatus.Open && task.Kind == HumanTaskKind.Step && task.DueAt != null && task.DueAt < end
            join instance in db.Instances.AsNoTracking() on task.InstanceId equals instance.Id
            select new { task.Name, task.ActivityId, task.DueAt, task.Assignee, task.CandidateGroups, task.CandidateUsers, instance.BusinessKey, instance.UnitCode })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new Row(r.Name, r.ActivityId, r.DueAt!.Value, r.Assignee, r.CandidateGroups, r.CandidateUsers, r.BusinessKey, r.UnitCode))];
    }

    /// <summary>The people who may act on the task: its assignee, else its candidate users and the holders of its candidate groups.</summary>
    private async Task<IReadOnlyCollection<string>> HoldersAsync(Row row, Dictionary<string, IReadOnlyList<string>> cache, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(row.Assignee))
        {
            return [row.Assignee.Trim()];
        }
        var holders = new HashSet<string>(Split(row.CandidateUsers), StringComparer.OrdinalIgnoreCase);
        foreach (var group in Split(row.CandidateGroups))
        {
            if (!cache.TryGetValue(group, out var members))
            {
                // A bare group is a role, as TaskAccess reads it; unit:role and unit:* are recipient specs already.
                var spec = RecipientSpec.Parse(group.Contains(':', StringComparison.Ordinal) ? group : "role:" + group);
                members = cache[group] = [.. (await directory.ResolveAsync(spec, cancellationToken)).Select(p => p.UserName)];
            }
            holders.UnionWith(members);
        }
        return holders;
    }

    private async Task<Guid> PublishAsync(
        DutyPeriod quarter, string audience, string name, string recipient, string? link, IReadOnlyList<Row> tasks, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var ordered = tasks.OrderBy(t => t.DueAt).ThenBy(t => t.Name ?? t.ActivityId, StringComparer.Ordinal).ThenBy(t => t.BusinessKey, StringComparer.Ordinal).ToList();
        var request = new NotificationRequest
        {
            Recipients = [recipient],
            Kind = NotificationKind.Digest,
            Template = NotificationTemplateKeys.QuarterlyDigest,
            Data = new JsonObject
            {
                ["year"] = quarter.Year,
                ["quarter"] = quarter.Index,
                ["due"] = Items(ordered.Where(t => t.DueAt >= asOf)),
                ["overdue"] = Items(ordered.Where(t => t.DueAt < asOf)),
            },
            Link = link,
        };
        var id = OutboxPublisher.StableId(QuarterlyDigestJob.JobKey, quarter.Id, audience, name.ToLowerInvariant());
        return await publisher.PublishOnceAsync(id, NotificationOutbox.MessageType, request.ToPayload(), null, cancellationToken);
    }

    private static JsonArray Items(IEnumerable<Row> rows) => new([.. rows.Select(r => (JsonNode)new JsonObject
    {
        ["taskName"] = r.Name ?? r.ActivityId,
        ["businessKey"] = r.BusinessKey,
        ["dueAt"] = r.DueAt.ToString("O", CultureInfo.InvariantCulture),
    })]);

    private static string[] Split(string? list) =>
        string.IsNullOrWhiteSpace(list) ? [] : list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
