using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workflows.Host.Tests.Infrastructure;

namespace Workflows.Host.Tests.Calendar;

/// <summary>
/// The working-day calendar as admins keep it: on 21 December 2026 a review task of 10 working days
/// reaches into 2027, for which no holiday notice is loaded. The admin enters 2027 through the API;
/// the open deadline moves and the move is in the instance's journal.
/// </summary>
public sealed class CalendarYearsApiTests(December2026HostFactory host) : IClassFixture<December2026HostFactory>
{
    private const string Key = "year-end-review";

    [Fact]
    public async Task AddingAYear_MovesTheOpenDeadline_JournalsIt_AndClearsTheHealthWarning()
    {
        await HostApi.PublishAsync(host, HostApi.SingleTask(Key, """name="年末合法性审查" fz:candidateGroups="reviewer" fz:due="10WD" """));
        var instanceId = await HostApi.StartAsync(host, Key);
        var task = await HostApi.OpenTaskAsync(host, instanceId);
        // 12-22 … 12-31 are 8 working days; 2027 has no data, so New Year's Day counts as the 9th and Monday 01-04 the 10th.
        Assert.Equal(new DateTimeOffset(2027, 1, 4, 23, 59, 59, ClockedHostFactory.Beijing), HostApi.InBeijing(task.GetProperty("dueAt")));
        using var anonymous = host.CreateClient();
        var health = await anonymous.GetFromJsonAsync<JsonElement>("/health");
        var calendarCheck = health.GetProperty("entries").GetProperty("calendar");
        Assert.Equal("Degraded", calendarCheck.GetProperty("status").GetString());
        Assert.Contains("2027", calendarCheck.GetProperty("description").GetString());

        using var admin = await host.ClientForAsync("admin");
        var response = await admin.PutAsJsonAsync("/api/calendar/years/2027", new
        {
            holidays = new[] { "2027-01-01", "2027-01-02", "2027-01-03" },
            makeUpWorkingDays = Array.Empty<string>(),
            source = "测试数据：元旦",
            reason = "录入2027年元旦放假安排",
        });

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var set = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2027, set.GetProperty("year").GetInt32());
        Assert.Equal(1, set.GetProperty("version").GetInt32());
        Assert.True(set.GetProperty("deadlinesRecomputed").GetInt32() >= 1);

        var moved = await HostApi.OpenTaskAsync(host, instanceId);
        Assert.Equal(new DateTimeOffset(2027, 1, 5, 23, 59, 59, ClockedHostFactory.Beijing), HostApi.InBeijing(moved.GetProperty("dueAt")));
        using var owner = await host.ClientForAsync("owner");
        var entry = Assert.Single(await HostApi.HistoryAsync(owner, instanceId), e => e.GetProperty("kind").GetString() == "DeadlineRecomputed");
        Assert.Equal("admin", entry.GetProperty("actor").GetString());
        Assert.Equal(2027, entry.GetProperty("data").GetProperty("year").GetInt32());
        Assert.Equal(task.GetProperty("id").GetGuid().ToString(), entry.GetProperty("data").GetProperty("taskId").GetString());
        Assert.Equal(new DateTimeOffset(2027, 1, 5, 23, 59, 59, ClockedHostFactory.Beijing), HostApi.InBeijing(entry.GetProperty("data").GetProperty("dueAt")));
        Assert.True((await owner.GetFromJsonAsync<JsonElement>($"/api/instances/{instanceId}/history/verify")).GetProperty("valid").GetBoolean());

        health = await anonymous.GetFromJsonAsync<JsonElement>("/health");
        Assert.Equal("Healthy", health.GetProperty("entries").GetProperty("calendar").GetProperty("status").GetString());

        // Any signed-in user reads the calendar and its history.
        var years = (await owner.GetFromJsonAsync<JsonElement>("/api/calendar/years")).EnumerateArray().ToList();
        var year = Assert.Single(years, y => y.GetProperty("year").GetInt32() == 2027);
        Assert.Equal(3, year.GetProperty("holidays").GetInt32());
        Assert.Equal(0, year.GetProperty("makeUpWorkingDays").GetInt32());
        Assert.Equal("admin", year.GetProperty("changedBy").GetString());
        Assert.Equal("测试数据：元旦", year.GetProperty("source").GetString());
        var dates = await owner.GetFromJsonAsync<JsonElement>("/api/calendar/years/2027");
        Assert.Equal(["2027-01-01", "2027-01-02", "2027-01-03"], dates.GetProperty("holidays").EnumerateArray().Select(d => d.GetString()));

        // A correction is a new version; the history keeps both, with who, when and why.
        var corrected = await admin.PutAsJsonAsync("/api/calendar/years/2027", new
        {
            holidays = new[] { "2027-01-01", "2027-01-02", "2027-01-03", "2027-02-06" },
            makeUpWorkingDays = new[] { "2027-02-20" },
            reason = "更正：补录",
        });
        Assert.Equal(2, (await corrected.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32());
        var history = (await owner.GetFromJsonAsync<JsonElement>("/api/calendar/years/2027/history")).EnumerateArray().ToList();
        Assert.Equal([1, 2], history.Select(h => h.GetProperty("version").GetInt32()));
        Assert.Equal(["录入2027年元旦放假安排", "更正：补录"], history.Select(h => h.GetProperty("reason").GetString()));
        Assert.All(history, h => Assert.Equal("admin", h.GetProperty("changedBy").GetString()));
        Assert.Equal(host.Start, history[0].GetProperty("changedAt").GetDateTimeOffset());
        Assert.Equal(["2027-02-20"], history[1].GetProperty("makeUpWorkingDays").EnumerateArray().Select(d => d.GetString()));
    }

    [Fact]
    public async Task ListYears_ShowsTheShippedNotices()
    {
        using var reviewer = await host.ClientForAsync("reviewer");

        var years = (await reviewer.GetFromJsonAsync<JsonElement>("/api/calendar/years")).EnumerateArray().ToList();

        var y2026 = Assert.Single(years, y => y.GetProperty("year").GetInt32() == 2026);
        Assert.Equal("system", y2026.GetProperty("changedBy").GetString());
        Assert.True(y2026.GetProperty("holidays").GetInt32() > 20);
        Assert.True(y2026.GetProperty("makeUpWorkingDays").GetInt32() > 0);
        var dates = await reviewer.GetFromJsonAsync<JsonElement>("/api/calendar/years/2026");
        Assert.Contains("2026-10-01", dates.GetProperty("holidays").EnumerateArray().Select(d => d.GetString()));
        Assert.Contains("2026-10-10", dates.GetProperty("makeUpWorkingDays").EnumerateArray().Select(d => d.GetString()));
        await Problem.AssertAsync(await reviewer.GetAsync("/api/calendar/years/2031"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task SetYear_Returns400NamingEachBadDate()
    {
        using var admin = await host.ClientForAsync("admin");

        var unreadable = await Problem.AssertAsync(await admin.PutAsJsonAsync("/api/calendar/years/2028", new
        {
            holidays = new[] { "2028-01-01", "2028-02-30", "明年元旦" },
            makeUpWorkingDays = new[] { "2028/01/08" },
            reason = " ",
        }), HttpStatusCode.BadRequest);
        Assert.Equal(["holidays[1]", "holidays[2]", "makeUpWorkingDays[0]", "reason"], Problem.Targets(unreadable));
        Assert.Contains("明年元旦", unreadable.GetProperty("errors")[1].GetProperty("message").GetString());

        var inconsistent = await Problem.AssertAsync(await admin.PutAsJsonAsync("/api/calendar/years/2028", new
        {
            holidays = new[] { "2028-01-01", "2027-12-31" },
            makeUpWorkingDays = new[] { "2028-01-05" },
            reason = "录入有误的数据",
        }), HttpStatusCode.BadRequest);
        var messages = string.Join(" | ", inconsistent.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("message").GetString()));
        Assert.Contains("2027-12-31", messages); // listed under 2028 but belongs to 2027
        Assert.Contains("2028-01-05", messages); // a Wednesday cannot be a make-up working day
        Assert.Empty((await admin.GetFromJsonAsync<JsonElement>("/api/calendar/years/2028/history")).EnumerateArray());
    }
}
