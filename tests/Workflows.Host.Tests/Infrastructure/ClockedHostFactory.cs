using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Workflows.Host.Tests.Infrastructure;

/// <summary>
/// The host with the simulated clock (<c>Workflows__Clock__Mode=Simulated</c>) starting at
/// <see cref="Start"/>; one sealed subclass per moment a test class needs.
/// </summary>
public abstract class ClockedHostFactory : HostFactory
{
    public static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public abstract DateTimeOffset Start { get; }

    protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        .. base.Settings(),
        new("Workflows:Clock:Mode", "Simulated"),
        new("Workflows:Clock:Start", Start.ToString("O", CultureInfo.InvariantCulture)),
    ];
}

/// <summary>Monday 21 December 2026, 09:00: deadlines counted from here reach into 2027, for which the product ships no holiday data.</summary>
public sealed class December2026HostFactory : ClockedHostFactory
{
    public override DateTimeOffset Start => new(2026, 12, 21, 9, 0, 0, Beijing);
}

/// <summary>Monday 4 January 2027, 09:00: a year without holiday data has begun.</summary>
public sealed class January2027HostFactory : ClockedHostFactory
{
    public override DateTimeOffset Start => new(2027, 1, 4, 9, 0, 0, Beijing);
}

/// <summary>Tuesday 20 January 2026, 09:00: the RULES.md public-comment example, 30 days across the Spring Festival.</summary>
public sealed class CommentPeriodHostFactory : ClockedHostFactory
{
    public override DateTimeOffset Start => new(2026, 1, 20, 9, 0, 0, Beijing);
}

/// <summary>Calls the tests share: publishing a procedure, starting it, moving the clock, reading the journal.</summary>
public static class HostApi
{
    public static async Task PublishAsync(HostFactory host, string bpmn)
    {
        using var admin = await host.ClientForAsync("admin");
        var response = await admin.PostAsync("/api/definitions?publish=true", new StringContent(bpmn, Encoding.UTF8, "application/xml"));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Starts an instance as <paramref name="userName"/>; returns its id.</summary>
    public static async Task<Guid> StartAsync(HostFactory host, string definitionKey, string userName = "owner", object? variables = null, string? businessKey = null)
    {
        using var client = await host.ClientForAsync(userName);
        var response = await client.PostAsJsonAsync("/api/instances", new { definitionKey, businessKey, variables });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>The instance's one open task of the given kind, as an admin sees it.</summary>
    public static async Task<JsonElement> OpenTaskAsync(HostFactory host, Guid instanceId, string kind = "Step")
    {
        using var admin = await host.ClientForAsync("admin");
        var tasks = await admin.GetFromJsonAsync<JsonElement>($"/api/tasks?instanceId={instanceId}");
        return Assert.Single(tasks.EnumerateArray(), t => t.GetProperty("kind").GetString() == kind);
    }

    public static async Task<JsonElement> AdvanceAsync(HostFactory host, DateTimeOffset to)
    {
        using var admin = await host.ClientForAsync("admin");
        var response = await admin.PostAsJsonAsync("/api/clock/advance", new { to });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<List<JsonElement>> HistoryAsync(HttpClient client, Guid instanceId) =>
        [.. (await client.GetFromJsonAsync<JsonElement>($"/api/instances/{instanceId}/history")).EnumerateArray()];

    /// <summary>A due date or instant as the Beijing calendar date and time it stands for.</summary>
    public static DateTimeOffset InBeijing(JsonElement value) => value.GetDateTimeOffset().ToOffset(ClockedHostFactory.Beijing);

    /// <summary>A single user task process, for tests about one task's time.</summary>
    public static string SingleTask(string key, string taskAttributes, string extensionElements = "") => $$"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:fz="urn:fazhi:bpmn:1.0"
                          id="{{key}}-definitions" targetNamespace="urn:fazhi:tests">
          <bpmn:process id="{{key}}" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="to-task" sourceRef="start" targetRef="task" />
            <bpmn:userTask id="task" {{taskAttributes}}>{{extensionElements}}</bpmn:userTask>
            <bpmn:sequenceFlow id="to-end" sourceRef="task" targetRef="end" />
            <bpmn:endEvent id="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;
}
