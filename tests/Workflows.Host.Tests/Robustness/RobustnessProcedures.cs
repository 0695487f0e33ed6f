using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Workflows.Host.Tests.Robustness;

/// <summary>Two small procedures to aim bad requests at, and the calls that set them up.</summary>
public static class RobustnessProcedures
{
    public const string Review = "robust-review";
    public const string Countersign = "robust-countersign";

    /// <summary>One review by the reviewer role.</summary>
    public static string ReviewXml => $$"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:fz="urn:fazhi:bpmn:1.0" id="d-{{Review}}" targetNamespace="urn:fazhi:test">
          <bpmn:process id="{{Review}}" name="合法性审查" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="review" name="审查" fz:candidateGroups="reviewer" />
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
            <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>A parallel fork into the legal office and the reviewer, a join, then the leader.</summary>
    public static string CountersignXml => $$"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:fz="urn:fazhi:bpmn:1.0" id="d-{{Countersign}}" targetNamespace="urn:fazhi:test">
          <bpmn:process id="{{Countersign}}" name="会签" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:parallelGateway id="fork" />
            <bpmn:userTask id="legalOpinion" fz:candidateGroups="legal" />
            <bpmn:userTask id="review" fz:candidateGroups="reviewer" />
            <bpmn:parallelGateway id="join" />
            <bpmn:userTask id="decide" fz:candidateGroups="leader" />
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="fork" />
            <bpmn:sequenceFlow id="f2" sourceRef="fork" targetRef="legalOpinion" />
            <bpmn:sequenceFlow id="f3" sourceRef="fork" targetRef="review" />
            <bpmn:sequenceFlow id="f4" sourceRef="legalOpinion" targetRef="join" />
            <bpmn:sequenceFlow id="f5" sourceRef="review" targetRef="join" />
            <bpmn:sequenceFlow id="f6" sourceRef="join" targetRef="decide" />
            <bpmn:sequenceFlow id="f7" sourceRef="decide" targetRef="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>Publishes a procedure; a second call with the same file stores nothing new.</summary>
    public static async Task PublishAsync(HttpClient admin, string xml)
    {
        var response = await admin.PostAsync("/api/definitions?publish=true", new StringContent(xml, Encoding.UTF8, "application/xml"));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    public static async Task<Guid> StartAsync(HttpClient starter, string definitionKey)
    {
        var response = await starter.PostAsJsonAsync("/api/instances", new { definitionKey, businessKey = $"robust-{Guid.NewGuid():N}" });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>The one open task of an instance at an activity, as the admin sees it.</summary>
    public static async Task<Guid> OpenTaskAsync(HttpClient admin, Guid instanceId, string activityId)
    {
        var tasks = await admin.GetFromJsonAsync<JsonElement>($"/api/tasks?instanceId={instanceId}");
        return Assert.Single(tasks.EnumerateArray(), t => t.GetProperty("activityId").GetString() == activityId).GetProperty("id").GetGuid();
    }

    public static async Task<List<JsonElement>> HistoryAsync(HttpClient client, Guid instanceId) =>
        [.. (await client.GetFromJsonAsync<JsonElement>($"/api/instances/{instanceId}/history")).EnumerateArray()];
}
