namespace Workflows.Engine.Tests.Runtime;

/// <summary>Wraps process elements into a complete BPMN 2.0 file, as a modeler would save it.</summary>
internal static class Bpmn
{
    public static string Process(string id, string body, string? extra = null) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                          xmlns:fz="urn:fazhi:bpmn:1.0"
                          xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                          id="defs_{id}" targetNamespace="urn:test">
          {extra}
          <bpmn:process id="{id}" name="{id}" isExecutable="true">
            {body}
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>A sequence flow with an id derived from its ends.</summary>
    public static string Flow(string from, string to, string? condition = null, string? id = null)
    {
        id ??= $"{from}_{to}";
        return condition is null
            ? $"""<bpmn:sequenceFlow id="{id}" sourceRef="{from}" targetRef="{to}" />"""
            : $"""<bpmn:sequenceFlow id="{id}" sourceRef="{from}" targetRef="{to}"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><![CDATA[{condition}]]></bpmn:conditionExpression></bpmn:sequenceFlow>""";
    }

    public static string UserTask(string id, string groups = "reviewer", string? extra = null) =>
        $"""<bpmn:userTask id="{id}" name="{id}" fz:candidateGroups="{groups}" {extra ?? ""} />""";
}
