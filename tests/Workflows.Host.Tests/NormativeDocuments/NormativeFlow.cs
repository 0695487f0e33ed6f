using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workflows.Host.Tests.Infrastructure;

namespace Workflows.Host.Tests.NormativeDocuments;

/// <summary>Drives normative documents through the API as the people of the demo county would.</summary>
public sealed class NormativeFlow(HostFactory host)
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    public async Task<HttpClient> As(string user) => await host.ClientForAsync(user);

    public async Task<JsonElement> StartAsync(object body)
    {
        using var owner = await As("owner");
        var response = await owner.PostAsJsonAsync("/api/normative-documents", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>A document that skips public comment (with its reason) and affects no market actors: drafting leads straight to legality review.</summary>
    public Task<JsonElement> StartShortAsync(string issuer, string title, int validityYears = 5) => StartAsync(new
    {
        title,
        issuer,
        publicCommentExempt = true,
        publicCommentExemptReason = "涉及国家秘密，依法不予公开",
        marketActorsAffected = false,
        validityYears,
    });

    public async Task<JsonElement> DocumentAsync(Guid id)
    {
        using var admin = await As("admin");
        return await admin.GetFromJsonAsync<JsonElement>($"/api/normative-documents/{id}");
    }

    public async Task<JsonElement> InstanceAsync(Guid instanceId)
    {
        using var admin = await As("admin");
        return await admin.GetFromJsonAsync<JsonElement>($"/api/instances/{instanceId}");
    }

    public async Task<JsonElement> OpenTaskAsync(Guid instanceId, string activityId)
    {
        using var admin = await As("admin");
        var tasks = await admin.GetFromJsonAsync<JsonElement>($"/api/tasks?instanceId={instanceId}");
        return Assert.Single(tasks.EnumerateArray(), t => t.GetProperty("activityId").GetString() == activityId);
    }

    public async Task<HttpResponseMessage> CompleteAsync(string user, Guid instanceId, string activityId, object? variables = null, string? outcome = null)
    {
        var task = await OpenTaskAsync(instanceId, activityId);
        using var client = await As(user);
        return await client.PostAsJsonAsync($"/api/tasks/{task.GetProperty("id").GetGuid()}/complete", new { outcome, variables });
    }

    public async Task CompleteOkAsync(string user, Guid instanceId, string activityId, object? variables = null, string? outcome = null)
    {
        var response = await CompleteAsync(user, instanceId, activityId, variables, outcome);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{activityId}: {await response.Content.ReadAsStringAsync()}");
    }

    public async Task<IReadOnlyList<string>> ActiveAsync(Guid instanceId) =>
        [.. (await InstanceAsync(instanceId)).GetProperty("activeActivityIds").EnumerateArray().Select(a => a.GetString()!)];

    public async Task AdvanceToAsync(DateTimeOffset to)
    {
        using var admin = await As("admin");
        var response = await admin.PostAsJsonAsync("/api/clock/advance", new { to });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    public async Task AdvanceByAsync(string by)
    {
        using var admin = await As("admin");
        var response = await admin.PostAsJsonAsync("/api/clock/advance", new { by });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    public async Task<DateOnly> TodayAsync()
    {
        using var admin = await As("admin");
        var now = (await admin.GetFromJsonAsync<JsonElement>("/api/clock")).GetProperty("now").GetDateTimeOffset();
        return DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(8)).DateTime);
    }

    /// <summary>
    /// Takes short documents (no public comment, no market actors) to the registration step: drafted,
    /// two weeks on the clock for the legality review's minimum window, reviewed lawful, adopted.
    /// </summary>
    public async Task<List<(Guid Id, Guid Instance)>> DriveToRegistrationAsync(params (string Issuer, string Title)[] documents)
    {
        var started = new List<(Guid, Guid)>();
        foreach (var (issuer, title) in documents)
        {
            var document = await StartShortAsync(issuer, title);
            var instance = document.GetProperty("instanceId").GetGuid();
            await DraftAsync(instance);
            started.Add((document.GetProperty("id").GetGuid(), instance));
        }
        await AdvanceByAsync("P14D");
        var today = await TodayAsync();
        foreach (var (_, instance) in started)
        {
            await ReviewAsync(instance);
            await DeliberateAsync(instance, today);
        }
        return started;
    }

    public static DateTimeOffset Beijing(int year, int month, int day, int hour = 9) => new(year, month, day, hour, 0, 0, TimeSpan.FromHours(8));

    public Task DraftAsync(Guid instanceId) =>
        CompleteOkAsync("owner", instanceId, "drafting", new { assessmentNotes = "制定必要性、合法性、可行性评估：确有必要，与上位法不抵触。" });

    public Task ReviewAsync(Guid instanceId, string outcome = "lawful") =>
        CompleteOkAsync("legal", instanceId, "legality-review", new { legalityOpinion = "经审核，该文件制定主体合法、内容合法、程序合法。" }, outcome);

    public Task DeliberateAsync(Guid instanceId, DateOnly meetingDate) =>
        CompleteOkAsync("leader", instanceId, "collective-deliberation",
            new { meetingDate = meetingDate.ToString("yyyy-MM-dd"), meetingType = "县政府常务会议", minutes = "会议审议通过，同意印发。" }, "adopt");

    public async Task<HttpResponseMessage> RegisterAsync(Guid documentId, string user = "legal")
    {
        using var client = await As(user);
        return await client.PostAsync($"/api/normative-documents/{documentId}/register", null);
    }

    public async Task<JsonElement> PublishAsync(Guid documentId, string channel, DateOnly? effectiveOn = null)
    {
        using var legal = await As("legal");
        var response = await legal.PostAsJsonAsync($"/api/normative-documents/{documentId}/publish",
            new { channel, url = $"https://www.example.gov.cn/zwgk/{documentId:N}.html", effectiveOn = effectiveOn?.ToString("yyyy-MM-dd") });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<JsonElement> FileAsync(Guid documentId, string authority)
    {
        using var legal = await As("legal");
        var response = await legal.PostAsJsonAsync($"/api/normative-documents/{documentId}/filings", new { authority, reference = "备案回执" });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var giveUp = DateTime.UtcNow + Deadline;
        while (!await condition())
        {
            if (DateTime.UtcNow > giveUp)
            {
                Assert.Fail($"Gave up waiting for {what} after {Deadline.TotalSeconds} s.");
            }
            // Polling the background worker (Hangfire runs the outbox), not standing in for a timer.
            await Task.Delay(100);
        }
    }

    public async Task<List<JsonElement>> InboxAsync(string user)
    {
        using var client = await As(user);
        return [.. (await client.GetFromJsonAsync<JsonElement>("/api/inbox?take=500")).EnumerateArray()];
    }
}
