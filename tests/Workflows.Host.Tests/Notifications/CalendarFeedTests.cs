using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ical.Net.CalendarComponents;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Host.Accounts;
using Workflows.Host.CalendarFeed;
using Workflows.Host.Tests.Infrastructure;
using IcalCalendar = Ical.Net.Calendar;

namespace Workflows.Host.Tests.Notifications;

/// <summary>
/// The per-user .ics feed of due dates: read as a calendar client would (no sign-in, the secret
/// address only) and parsed with Ical.Net.
/// </summary>
public sealed class CalendarFeedTests(SmtpNotificationHostFactory host) : IClassFixture<SmtpNotificationHostFactory>
{
    [Fact]
    public async Task Feed_HasTheReviewersTask_OnItsDueDayInShanghai_WithAReminderAndTheTaskLink()
    {
        await NotifyFlow.PublishAsync(host, "feed-day-flow");
        var instanceId = await NotifyFlow.StartAsync(host, "feed-day-flow", "县发改〔2026〕11号", "关于规范行政裁量权基准的通知");
        using var reviewer = await host.ClientForAsync("reviewer");
        var taskId = (await NotifyFlow.ReviewTaskAsync(reviewer, instanceId)).GetProperty("id").GetGuid();

        var calendar = await FeedAsync(await FeedUrlAsync("reviewer"));

        var due = Assert.Single(calendar.Events, e => e.Uid == DueDateCalendar.UidOf(taskId));
        // RULES.md: 7 working days from Monday 2026-09-28 run across National Day to the end of 13 October.
        Assert.True(due.IsAllDay);
        Assert.Equal(new DateOnly(2026, 10, 13), due.DtStart!.Date);
        Assert.Equal(new DateOnly(2026, 10, 14), due.DtEnd!.Date);
        Assert.Equal("合法性审查（县发改〔2026〕11号）", due.Summary);
        Assert.Equal(new Uri($"{SmtpNotificationHostFactory.PublicBaseUrl}/tasks/{taskId}"), due.Url);
        Assert.Equal(SmtpNotificationHostFactory.Start.UtcDateTime, due.DtStamp!.AsUtc);
        var alarm = Assert.Single(due.Alarms);
        Assert.Equal("DISPLAY", alarm.Action);
        Assert.Equal("-PT15H", alarm.Trigger!.Duration.ToString()); // 09:00 the day before
    }

    [Fact]
    public async Task Feed_ShowsADueTime_InAsiaShanghai_ForAnHourlyDeadline()
    {
        await NotifyFlow.PublishAsync(host, "feed-time-flow", due: "PT2H");
        var instanceId = await NotifyFlow.StartAsync(host, "feed-time-flow", "县司法〔2026〕12号", "紧急复核");
        using var reviewer = await host.ClientForAsync("reviewer");
        var taskId = (await NotifyFlow.ReviewTaskAsync(reviewer, instanceId)).GetProperty("id").GetGuid();

        var calendar = await FeedAsync(await FeedUrlAsync("reviewer"));

        var due = Assert.Single(calendar.Events, e => e.Uid == DueDateCalendar.UidOf(taskId));
        Assert.False(due.IsAllDay);
        Assert.Equal("Asia/Shanghai", due.DtStart!.TzId);
        Assert.Equal(new DateTime(2026, 9, 28, 11, 0, 0), due.DtStart.Value);
        Assert.Equal(new DateTime(2026, 9, 28, 3, 0, 0, DateTimeKind.Utc), due.DtStart.AsUtc);
        Assert.Contains(calendar.TimeZones, z => z.TzId == "Asia/Shanghai");
        Assert.Equal("-PT1H", Assert.Single(due.Alarms).Trigger!.Duration.ToString());
    }

    [Fact]
    public async Task Feed_ListsOnlyOpenTasksThePersonMayActOn()
    {
        await NotifyFlow.PublishAsync(host, "feed-scope-flow");
        var open = await NotifyFlow.StartAsync(host, "feed-scope-flow", "县发改〔2026〕13号", "仍在审查");
        var done = await NotifyFlow.StartAsync(host, "feed-scope-flow", "县发改〔2026〕14号", "已审查完毕");
        using var reviewer = await host.ClientForAsync("reviewer");
        var openTask = (await NotifyFlow.ReviewTaskAsync(reviewer, open)).GetProperty("id").GetGuid();
        var doneTask = (await NotifyFlow.ReviewTaskAsync(reviewer, done)).GetProperty("id").GetGuid();
        var completed = await reviewer.PostAsJsonAsync($"/api/tasks/{doneTask}/complete", new { outcome = "approve" });
        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);

        var reviewers = await FeedAsync(await FeedUrlAsync("reviewer"));
        var owners = await FeedAsync(await FeedUrlAsync("owner"));

        Assert.Contains(reviewers.Events, e => e.Uid == DueDateCalendar.UidOf(openTask));
        Assert.DoesNotContain(reviewers.Events, e => e.Uid == DueDateCalendar.UidOf(doneTask));
        // The owner started the instance but cannot act on the review: not in their calendar.
        Assert.DoesNotContain(owners.Events, e => e.Uid == DueDateCalendar.UidOf(openTask));
    }

    [Fact]
    public async Task Rotation_RetiresTheOldAddress_AndTheSameTaskKeepsItsUid()
    {
        await NotifyFlow.PublishAsync(host, "feed-rotate-flow");
        var instanceId = await NotifyFlow.StartAsync(host, "feed-rotate-flow", "县发改〔2026〕15号", "轮换订阅地址");
        using var reviewer = await host.ClientForAsync("reviewer");
        var taskId = (await NotifyFlow.ReviewTaskAsync(reviewer, instanceId)).GetProperty("id").GetGuid();
        var oldUrl = await FeedUrlAsync("reviewer");
        var before = await FeedAsync(oldUrl);

        var newUrl = await FeedUrlAsync("reviewer");

        Assert.NotEqual(oldUrl, newUrl);
        using var client = host.CreateClient();
        await Problem.AssertAsync(await client.GetAsync(new Uri(oldUrl).PathAndQuery), HttpStatusCode.NotFound);
        var after = await FeedAsync(newUrl);
        Assert.Equal(
            before.Events.Single(e => e.Uid == DueDateCalendar.UidOf(taskId)).DtStart,
            after.Events.Single(e => e.Uid == DueDateCalendar.UidOf(taskId)).DtStart);
    }

    [Fact]
    public async Task Feed_Returns404Problem_ForATokenNeverIssued()
    {
        using var client = host.CreateClient();

        await Problem.AssertAsync(await client.GetAsync("/calendar/not-a-real-token.ics"), HttpStatusCode.NotFound);
        await Problem.AssertAsync(await client.GetAsync($"/calendar/{new string('x', 43)}.ics"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task FeedToken_IsStoredOnlyAsItsHash()
    {
        var url = await FeedUrlAsync("legal");
        var token = Path.GetFileNameWithoutExtension(new Uri(url).AbsolutePath);

        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        var legal = await db.Users.SingleAsync(u => u.UserName == "legal");
        var stored = await db.CalendarFeedTokens.SingleAsync(t => t.UserId == legal.Id);

        Assert.NotEqual(token, stored.TokenHash);
        Assert.DoesNotContain(token, stored.TokenHash, StringComparison.Ordinal);
        Assert.Equal(CalendarFeedTokens.Hash(token), stored.TokenHash);
        Assert.True(token.Length >= 43, token); // 256 bits
    }

    [Fact]
    public async Task Feed_Returns423_OnceTheAccountIsLocked()
    {
        const string userName = "feed-locked-user", password = "Locked@12345";
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<WorkflowUser>>();
            Assert.True((await users.CreateAsync(new WorkflowUser { UserName = userName, UnitCode = "legal-office" }, password)).Succeeded);
        }
        string path;
        using (var client = await host.ClientForAsync(userName, password))
        {
            var response = await client.PostAsync("/api/calendar/feed-token", null);
            path = new Uri((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!).PathAndQuery;
        }
        using var anonymous = host.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(path)).StatusCode);

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<WorkflowUser>>();
            var user = (await users.FindByNameAsync(userName))!;
            Assert.True((await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue)).Succeeded);
        }

        await Problem.AssertAsync(await anonymous.GetAsync(path), HttpStatusCode.Locked);
    }

    [Fact]
    public async Task FeedToken_Returns401_WithoutAToken()
    {
        using var anonymous = host.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/calendar/feed-token", null)).StatusCode);
    }

    private async Task<string> FeedUrlAsync(string userName)
    {
        using var client = await host.ClientForAsync(userName);
        var response = await client.PostAsync("/api/calendar/feed-token", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var url = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!;
        Assert.StartsWith($"{SmtpNotificationHostFactory.PublicBaseUrl}/calendar/", url);
        Assert.EndsWith(".ics", url);
        return url;
    }

    /// <summary>Fetches the feed as a calendar client does: no Authorization header, the secret path only.</summary>
    private async Task<IcalCalendar> FeedAsync(string url)
    {
        using var client = host.CreateClient();
        var response = await client.GetAsync(new Uri(url).PathAndQuery);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        var calendar = IcalCalendar.Load(text);
        Assert.NotNull(calendar);
        Assert.All(calendar.Events, (CalendarEvent e) => Assert.False(string.IsNullOrEmpty(e.Uid)));
        return calendar;
    }
}
