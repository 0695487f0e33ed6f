using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Workflows.Activities.Notifications.Recipients;
using Workflows.Host.CalendarFeed;
using IcalCalendar = Ical.Net.Calendar;

namespace Workflows.Host.Tests.Notifications;

/// <summary>The same path on PostgreSQL: directory queries, the inbox, the pickup folder and the feed token table.</summary>
public sealed class PostgreSqlNotificationTests(PostgreSqlNotificationHostFactory host) : IClassFixture<PostgreSqlNotificationHostFactory>
{
    [Fact]
    public async Task NotifyTask_ReachesInboxAndPickupFolder_AndTheFeedListsTheTask_OnPostgreSql()
    {
        var directory = host.Services.GetRequiredService<IRecipientDirectory>();
        Assert.Equal(["reviewer"], (await directory.ResolveAsync(RecipientSpec.Parse("reviewer"), CancellationToken.None)).Select(p => p.UserName));
        Assert.Equal(["reviewer"], (await directory.ResolveAsync(RecipientSpec.Parse("Legal-Office:reviewer"), CancellationToken.None)).Select(p => p.UserName));
        Assert.Equal(5, (await directory.ResolveAsync(RecipientSpec.Parse("legal-office:*"), CancellationToken.None)).Count);

        await NotifyFlow.PublishAsync(host, "pg-notify-flow");
        var instanceId = await NotifyFlow.StartAsync(host, "pg-notify-flow", "县发改〔2026〕21号", "关于燃气价格听证的决定");
        using var reviewer = await host.ClientForAsync("reviewer");

        var item = await NotifyFlow.WaitForInboxItemAsync(reviewer, instanceId);
        Assert.Equal("请审查：关于燃气价格听证的决定", item.GetProperty("title").GetString());
        await NotifyFlow.WaitForTaskAnnouncementAsync(reviewer, instanceId);
        Assert.Equal(HttpStatusCode.NoContent, (await reviewer.PostAsync($"/api/inbox/{item.GetProperty("id").GetGuid()}/read", null)).StatusCode);
        // Left unread: the review task's announcement (新待办).
        Assert.Equal(1, (await reviewer.GetFromJsonAsync<JsonElement>("/api/inbox/count")).GetProperty("unread").GetInt32());

        await NotifyFlow.WaitUntilAsync(() => Directory.Exists(host.PickupFolder) && Directory.GetFiles(host.PickupFolder, "*.eml")
            .Select(f => MimeMessage.Load(f)).Any(m => m.TextBody?.Contains(instanceId.ToString(), StringComparison.Ordinal) == true), "the .eml file");

        var taskId = (await NotifyFlow.ReviewTaskAsync(reviewer, instanceId)).GetProperty("id").GetGuid();
        var first = await FeedPathAsync(reviewer);
        var second = await FeedPathAsync(reviewer);
        using var anonymous = host.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(first)).StatusCode);
        var calendar = IcalCalendar.Load(await anonymous.GetStringAsync(second))!;
        Assert.Contains(calendar.Events, e => e.Uid == DueDateCalendar.UidOf(taskId));
    }

    private static async Task<string> FeedPathAsync(HttpClient client)
    {
        var response = await client.PostAsync("/api/calendar/feed-token", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new Uri((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!).PathAndQuery;
    }
}
