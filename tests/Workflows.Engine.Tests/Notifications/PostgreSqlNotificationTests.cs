using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Workflows.Activities.Notifications;
using Workflows.Activities.Notifications.Email;
using Workflows.Activities.Notifications.Inbox;
using Workflows.Activities.Notifications.Persistence;
using Workflows.Engine.Tests.Runtime;

namespace Workflows.Engine.Tests.Notifications;

/// <summary>The notification tables on a real PostgreSQL server: migrations, uniqueness and the inbox API.</summary>
public sealed class PostgreSqlNotificationTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private NotificationHost _host = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _host = await NotificationHost.StartAsync(smtpPort: null, _database);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Migrations_CreateTheTables_WithTheirOwnHistory()
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """SELECT string_agg(table_name, ',' ORDER BY table_name) FROM information_schema.tables WHERE table_name LIKE 'nt\_%' OR table_name = '__NotificationsMigrations'""",
            connection);

        Assert.Equal("__NotificationsMigrations,nt_email_deliveries,nt_inbox_items", (string?)await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Handle_Twice_WritesEachInboxItemAndEmailOnce_OnPostgreSql()
    {
        var id = await _host.PublishAsync(new NotificationRequest
        {
            Recipients = ["legal-office:*", "leader"],
            Kind = NotificationKind.Digest,
            Template = "quarterly-digest",
            Data = new() { ["year"] = 2026, ["quarter"] = 1, ["due"] = new System.Text.Json.Nodes.JsonArray(), ["overdue"] = new System.Text.Json.Nodes.JsonArray() },
        });

        await _host.HandleAgainAsync(id);
        await _host.HandleAgainAsync(id);

        var items = await _host.InboxItemsAsync(id);
        Assert.Equal(["leader", "legal", "reviewer", "supervisor"], items.Select(i => i.Recipient));
        Assert.All(items, i => Assert.Equal(("季度到期事项提示：2026年第一季度", NotificationKind.Digest), (i.Title, i.Kind)));
        Assert.All(items, i => Assert.Equal(EngineHarness.Monday, i.CreatedAt));
        Assert.Equal(3, (await _host.DeliveriesAsync(id)).Count(d => d.Status == EmailDeliveryStatus.Sent));
        Assert.Equal(3, Directory.GetFiles(_host.PickupFolder, "*.eml").Length);
    }

    [Fact]
    public async Task UniqueIndex_RefusesASecondItemForTheSameMessageAndRecipient()
    {
        var factory = _host.Services.GetRequiredService<IDbContextFactory<NotificationsDbContext>>();
        var source = Guid.CreateVersion7();
        await using var db = await factory.CreateDbContextAsync();
        db.InboxItems.Add(Item(source));
        await db.SaveChangesAsync();

        await using var again = await factory.CreateDbContextAsync();
        again.InboxItems.Add(Item(source));

        await Assert.ThrowsAsync<DbUpdateException>(() => again.SaveChangesAsync());
    }

    [Fact]
    public async Task Inbox_ListsCountsAndMarksRead_ForItsOwnerOnly()
    {
        var id = await _host.PublishAsync(new NotificationRequest { Recipients = ["user:owner", "user:reviewer"], Channels = NotificationChannels.InApp, Title = "材料补正通知" });
        await _host.ProcessAsync(id);
        var inbox = _host.Inbox;
        var item = Assert.Single(await inbox.ListAsync("owner"));

        Assert.Equal(1, await inbox.CountUnreadAsync("owner"));
        Assert.False(await inbox.MarkReadAsync(item.Id, "reviewer"));
        Assert.True(await inbox.MarkReadAsync(item.Id, "owner"));

        Assert.Equal(0, await inbox.CountUnreadAsync("owner"));
        Assert.Empty(await inbox.ListAsync("owner", unreadOnly: true));
        Assert.Equal(EngineHarness.Monday, (await inbox.ListAsync("owner")).Single().ReadAt);
        Assert.Equal(1, await inbox.MarkAllReadAsync("reviewer"));
        Assert.Equal(0, await inbox.CountUnreadAsync("reviewer"));
    }

    private static InboxItem Item(Guid source) => new()
    {
        Id = Guid.CreateVersion7(),
        Recipient = "owner",
        Title = "通知",
        CreatedAt = EngineHarness.Monday,
        SourceMessageId = source,
    };
}
