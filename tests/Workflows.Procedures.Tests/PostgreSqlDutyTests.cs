using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Activities.Notifications;
using Workflows.Engine.Scheduling;
using Workflows.Procedures.Digests;
using Workflows.Procedures.Duties;
using Workflows.Procedures.Tests.Support;
using static Workflows.Procedures.Tests.Support.ProceduresHost;

namespace Workflows.Procedures.Tests;

/// <summary>The same scheduler runs on PostgreSQL: the business-key prefix query, the digest's join and the stable outbox ids.</summary>
public sealed class PostgreSqlDutyTests : IAsyncLifetime
{
    private const string Q2 = "季度到期事项提示：2026年第二季度";
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task DutiesAndDigest_OnPostgreSql_StartOncePerUnitAndDigestOncePerRecipient()
    {
        await using var host = await StartAsync(Local(2025, 12, 20, 12), database: _database);

        await host.AdvanceToAsync(Local(2026, 1, 5, 12));
        var job = host.Services.GetServices<IRecurringJob>().Single(j => j.Key == "duty:normative-catalogue");
        await job.RunAsync(Local(2026, 1, 4, 9), CancellationToken.None);

        var catalogue = await host.DutyInstancesAsync(BuiltInDuties.NormativeCatalogue);
        Assert.Equal(4, catalogue.Count);
        Assert.All(catalogue, i => Assert.Equal(Local(2026, 1, 4, 9), i.StartedAt));

        await host.AdvanceToAsync(Local(2026, 4, 1, 10));
        var digest = host.Services.GetServices<IRecurringJob>().Single(j => j.Key == QuarterlyDigestJob.JobKey);
        await digest.RunAsync(Local(2026, 4, 1, 9), CancellationToken.None);
        await host.DrainOutboxAsync();

        // Q1's catalogue and report steps are overdue now; the publication steps are not open yet.
        var items = await host.Inbox.ListAsync("drc-owner");
        // The first digest went out with the duties on 2026-01-04; this is the second quarter's.
        var mine = Assert.Single(items, i => i.Kind == NotificationKind.Digest && i.Title == Q2);
        Assert.Contains("· 公布上一年度规范性文件目录（duty:normative-catalogue:2026:county-drc），办理期限：2026年3月31日", mine.Body, StringComparison.Ordinal);
        Assert.Contains("· 报送部门法治政府建设年度报告（duty:department-annual-report:2026:county-drc），办理期限：2026年3月1日", mine.Body, StringComparison.Ordinal);
        var unit = Assert.Single(await host.Inbox.ListAsync("drc-supervisor"), i => i.Kind == NotificationKind.Digest && i.Title == Q2);
        Assert.Contains("已逾期事项（2项）", unit.Body, StringComparison.Ordinal);
        Assert.Equal(1, await host.NotificationsAsync(db => db.InboxItems.CountAsync(i => i.Recipient == "gov-supervisor" && i.Title == Q2)));
    }
}
