using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workflows.Host.Tests.Infrastructure;

namespace Workflows.Host.Tests.Notifications;

/// <summary>
/// A <c>notify</c> task started over the API reaches the reviewer's inbox and mailbox through the
/// outbox and the host's Hangfire; the inbox API serves each person their own items only.
/// </summary>
public sealed class InboxApiTests(SmtpNotificationHostFactory host) : IClassFixture<SmtpNotificationHostFactory>
{
    [Fact]
    public async Task NotifyTask_ReachesTheReviewersInbox_AndOnlyTheyCanMarkIt()
    {
        using var reviewer = await host.ClientForAsync("reviewer");
        using var owner = await host.ClientForAsync("owner");
        await reviewer.PostAsync("/api/inbox/read-all", null); // a clean slate whatever ran before
        await NotifyFlow.PublishAsync(host, "inbox-flow");

        var instanceId = await NotifyFlow.StartAsync(host, "inbox-flow", "县发改〔2026〕7号", "关于调整城市供水价格的决定");
        var item = await NotifyFlow.WaitForInboxItemAsync(reviewer, instanceId);

        Assert.Equal("请审查：关于调整城市供水价格的决定", item.GetProperty("title").GetString());
        Assert.Equal("事项「关于调整城市供水价格的决定」已提交，请按期完成合法性审查。", item.GetProperty("body").GetString());
        Assert.Equal("assignment", item.GetProperty("kind").GetString());
        Assert.Equal($"/instances/{instanceId}", item.GetProperty("link").GetString());
        Assert.Equal(JsonValueKind.Null, item.GetProperty("readAt").ValueKind);
        Assert.Equal(SmtpNotificationHostFactory.Start, item.GetProperty("createdAt").GetDateTimeOffset());
        await NotifyFlow.WaitForTaskAnnouncementAsync(reviewer, instanceId);
        Assert.Equal(2, await UnreadAsync(reviewer)); // the notify item and the review task's announcement (新待办)

        // Not the owner's: invisible to them, and marking it answers as for an id that does not exist.
        var ownersItems = await owner.GetFromJsonAsync<JsonElement>("/api/inbox");
        Assert.DoesNotContain(ownersItems.EnumerateArray(), i => i.GetProperty("id").GetGuid() == item.GetProperty("id").GetGuid());
        var itemId = item.GetProperty("id").GetGuid();
        var foreign = await Problem.AssertAsync(await owner.PostAsync($"/api/inbox/{itemId}/read", null), HttpStatusCode.NotFound);
        var missing = await Problem.AssertAsync(await owner.PostAsync($"/api/inbox/{Guid.NewGuid()}/read", null), HttpStatusCode.NotFound);
        Assert.Equal(foreign.GetProperty("title").GetString(), missing.GetProperty("title").GetString());
        Assert.Equal(2, await UnreadAsync(reviewer));

        Assert.Equal(HttpStatusCode.NoContent, (await reviewer.PostAsync($"/api/inbox/{itemId}/read", null)).StatusCode);
        Assert.Equal(1, await UnreadAsync(reviewer));
        var read = (await reviewer.GetFromJsonAsync<JsonElement>("/api/inbox")).EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == itemId);
        Assert.Equal(SmtpNotificationHostFactory.Start, read.GetProperty("readAt").GetDateTimeOffset());
        Assert.DoesNotContain((await reviewer.GetFromJsonAsync<JsonElement>("/api/inbox?unread=true")).EnumerateArray(), i => i.GetProperty("id").GetGuid() == itemId);
    }

    [Fact]
    public async Task NotifyTask_EmailsTheReviewer_InChinese_WithTheLinkUnderThePublicAddress()
    {
        await NotifyFlow.PublishAsync(host, "mail-flow");

        var instanceId = await NotifyFlow.StartAsync(host, "mail-flow", "县司法〔2026〕3号", "关于行政执法公示的规定");

        ReceivedMail? mail = null;
        await NotifyFlow.WaitUntilAsync(() =>
        {
            mail = host.Smtp.Received().FirstOrDefault(m => m.Message.TextBody?.Contains(instanceId.ToString(), StringComparison.Ordinal) == true);
            return mail is not null;
        }, "the reviewer's email");
        Assert.Equal(["reviewer@fazhi.local"], mail!.EnvelopeTo);
        Assert.Equal("请审查：关于行政执法公示的规定", mail.Message.Subject);
        Assert.Equal("noreply@fazhi.example.gov.cn", mail.Message.From.Mailboxes.Single().Address);
        Assert.Equal("审查科员（县司法局）", mail.Message.To.Mailboxes.Single().Name);
        Assert.Contains("事项「关于行政执法公示的规定」已提交", mail.Message.TextBody);
        Assert.Contains($"{SmtpNotificationHostFactory.PublicBaseUrl}/instances/{instanceId}", mail.Message.TextBody);
        Assert.Contains($"href=\"{SmtpNotificationHostFactory.PublicBaseUrl}/instances/{instanceId}\"", mail.Message.HtmlBody);
        Assert.False(string.IsNullOrEmpty(mail.Message.MessageId));
    }

    [Fact]
    public async Task ReadAll_MarksEveryUnreadItemOfTheCaller_AndNoOneElses()
    {
        using var reviewer = await host.ClientForAsync("reviewer");
        using var supervisor = await host.ClientForAsync("supervisor");
        await reviewer.PostAsync("/api/inbox/read-all", null);
        await supervisor.PostAsync("/api/inbox/read-all", null);
        await NotifyFlow.PublishAsync(host, "read-all-flow", recipients: "reviewer, supervisor");

        var first = await NotifyFlow.StartAsync(host, "read-all-flow", "县发改〔2026〕8号", "关于城市停车收费的决定");
        var second = await NotifyFlow.StartAsync(host, "read-all-flow", "县发改〔2026〕9号", "关于农贸市场管理的办法");
        // The reviewer has, per instance, the notify item and the announcement of the review task (新待办).
        foreach (var instanceId in new[] { first, second })
        {
            await NotifyFlow.WaitForInboxItemAsync(reviewer, instanceId);
            await NotifyFlow.WaitForTaskAnnouncementAsync(reviewer, instanceId);
            await NotifyFlow.WaitForInboxItemAsync(supervisor, instanceId);
        }
        Assert.Equal(4, await UnreadAsync(reviewer));

        var marked = await reviewer.PostAsync("/api/inbox/read-all", null);
        Assert.Equal(HttpStatusCode.OK, marked.StatusCode);
        Assert.Equal(4, (await marked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("marked").GetInt32());
        Assert.Equal(0, await UnreadAsync(reviewer));
        Assert.Empty((await reviewer.GetFromJsonAsync<JsonElement>("/api/inbox?unread=true")).EnumerateArray());
        Assert.Equal(2, await UnreadAsync(supervisor));
    }

    [Fact]
    public async Task ListInbox_Returns400NamingTheParameter_WhenTheQueryIsBad()
    {
        using var reviewer = await host.ClientForAsync("reviewer");

        var take = await Problem.AssertAsync(await reviewer.GetAsync("/api/inbox?take=0"), HttpStatusCode.BadRequest);
        var both = await Problem.AssertAsync(await reviewer.GetAsync("/api/inbox?unread=maybe&take=many"), HttpStatusCode.BadRequest);

        Assert.Equal(["take"], Problem.Targets(take));
        Assert.Equal(["unread", "take"], Problem.Targets(both));
    }

    [Fact]
    public async Task Inbox_Returns401_WithoutAToken()
    {
        using var anonymous = host.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/inbox")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/inbox/count")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/inbox/read-all", null)).StatusCode);
    }

    private static async Task<int> UnreadAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/inbox/count")).GetProperty("unread").GetInt32();
}
