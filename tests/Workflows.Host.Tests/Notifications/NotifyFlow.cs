using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Workflows.Host.Tests.Infrastructure;

namespace Workflows.Host.Tests.Notifications;

/// <summary>
/// A procedure that tells the reviewers (a <c>notify</c> service task) and then waits for their
/// legality review, driven through the API as a client would.
/// </summary>
public static class NotifyFlow
{
    /// <summary>How long the host's Hangfire gets to run the outbox before a test gives up.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    public static string Bpmn(string key, string due = "7WD", string recipients = "reviewer") => $$"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:fz="urn:fazhi:bpmn:1.0"
                          id="{{key}}-definitions" targetNamespace="urn:fazhi:tests">
          <bpmn:process id="{{key}}" name="送审通知（测试）" isExecutable="true">
            <bpmn:startEvent id="submitted" />
            <bpmn:sequenceFlow id="to-tell" sourceRef="submitted" targetRef="tell" />
            <bpmn:serviceTask id="tell" name="通知审查人员" fz:type="notify" fz:kind="assignment" fz:recipients="{{recipients}}"
                              fz:title="请审查：${title}" fz:body="事项「${title}」已提交，请按期完成合法性审查。" />
            <bpmn:sequenceFlow id="to-review" sourceRef="tell" targetRef="review" />
            <bpmn:userTask id="review" name="合法性审查" fz:candidateGroups="reviewer" fz:due="{{due}}" />
            <bpmn:sequenceFlow id="to-end" sourceRef="review" targetRef="done" />
            <bpmn:endEvent id="done" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    public static async Task PublishAsync(HostFactory host, string key, string due = "7WD", string recipients = "reviewer")
    {
        using var admin = await host.ClientForAsync("admin");
        var response = await admin.PostAsync("/api/definitions?publish=true", new StringContent(Bpmn(key, due, recipients), Encoding.UTF8, "application/xml"));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Starts an instance as the owner; returns its id.</summary>
    public static async Task<Guid> StartAsync(HostFactory host, string key, string businessKey, string title)
    {
        using var owner = await host.ClientForAsync("owner");
        var response = await owner.PostAsJsonAsync("/api/instances", new { definitionKey = key, businessKey, variables = new { title } });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>The instance's open review task as the reviewer sees it.</summary>
    public static async Task<JsonElement> ReviewTaskAsync(HttpClient reviewer, Guid instanceId)
    {
        var tasks = await reviewer.GetFromJsonAsync<JsonElement>($"/api/tasks?instanceId={instanceId}&mine=true");
        return Assert.Single(tasks.EnumerateArray());
    }

    /// <summary>
    /// Polls the inbox until the instance's <c>notify</c> item is there (the outbox runs in the background).
    /// The engine also announces each new task (新待办, with its task id); that item is not the one sought.
    /// </summary>
    public static Task<JsonElement> WaitForInboxItemAsync(HttpClient client, Guid instanceId) =>
        WaitForInboxItemAsync(client, instanceId, forTask: false);

    /// <summary>Polls the inbox until the new-task announcement (新待办) of the instance's task is there.</summary>
    public static Task<JsonElement> WaitForTaskAnnouncementAsync(HttpClient client, Guid instanceId) =>
        WaitForInboxItemAsync(client, instanceId, forTask: true);

    private static async Task<JsonElement> WaitForInboxItemAsync(HttpClient client, Guid instanceId, bool forTask)
    {
        JsonElement? found = null;
        await WaitUntilAsync(async () =>
        {
            var items = await client.GetFromJsonAsync<JsonElement>("/api/inbox?take=500");
            found = items.EnumerateArray().Cast<JsonElement?>()
                .FirstOrDefault(i => i!.Value.GetProperty("instanceId").ValueKind == JsonValueKind.String
                    && i.Value.GetProperty("instanceId").GetGuid() == instanceId
                    && (i.Value.GetProperty("taskId").ValueKind == JsonValueKind.String) == forTask);
            return found is not null;
        }, $"the {(forTask ? "new-task" : "notify")} inbox item of instance {instanceId}");
        return found!.Value;
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
            // Polling a background worker, not standing in for a timer: the clock under test is not involved.
            await Task.Delay(100);
        }
    }

    public static Task WaitUntilAsync(Func<bool> condition, string what) => WaitUntilAsync(() => Task.FromResult(condition()), what);
}
