using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workflows.Host.Tests.Infrastructure;

namespace Workflows.Host.Tests.Flows;

/// <summary>A class of its own: moving the simulated clock would disturb the due dates other flows assert.</summary>
public sealed class TimerFlowTests(SimulatedClockHostFactory host) : IClassFixture<SimulatedClockHostFactory>
{
    [Fact]
    public async Task Timer_Fires_WhenSimulatedClockAdvances()
    {
        using var admin = await host.ClientForAsync("admin");
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d-wait" targetNamespace="urn:test">
              <bpmn:process id="wait-three-days" isExecutable="true">
                <bpmn:startEvent id="start" />
                <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait" />
                <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDuration>P3D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
                <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="end" />
                <bpmn:endEvent id="end" />
              </bpmn:process>
            </bpmn:definitions>
            """;
        await ApiFlowTests.UploadAsync(admin, xml, HttpStatusCode.Created);
        var instance = await (await admin.PostAsJsonAsync("/api/instances", new { definitionKey = "wait-three-days" })).Content.ReadFromJsonAsync<JsonElement>();
        var id = instance.GetProperty("id").GetGuid();
        Assert.Equal(["wait"], instance.GetProperty("activeActivityIds").EnumerateArray().Select(a => a.GetString()));

        var advanced = await (await admin.PostAsJsonAsync("/api/clock/advance", new { by = "P3DT1H" })).Content.ReadFromJsonAsync<JsonElement>();

        Assert.True(advanced.GetProperty("fired").GetInt32() >= 1);
        Assert.Equal("Completed", (await admin.GetFromJsonAsync<JsonElement>($"/api/instances/{id}")).GetProperty("status").GetString());
    }

}
