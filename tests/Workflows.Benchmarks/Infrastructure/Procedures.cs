namespace Workflows.Benchmarks.Infrastructure;

/// <summary>The two BPMN processes the benchmarks run, as a modeler would save them.</summary>
public static class Procedures
{
    public const string LegalityReview = "bench-legality-review";
    public const string TimedStep = "bench-timed-step";

    /// <summary>
    /// A legality review (合法性审查) due on a date from a variable, with the three-rung ladder of
    /// issue 3: remind 3 working days before, remind on the due day, escalate 1 working day after.
    /// Each open task therefore holds three pending ladder timers.
    /// </summary>
    public static string LegalityReviewXml => Wrap(LegalityReview, """
        <bpmn:startEvent id="start" />
        <bpmn:userTask id="review" name="合法性审查" fz:candidateGroups="legal" fz:due="${dueDate}">
          <bpmn:extensionElements>
            <fz:ladder>
              <fz:remind before="3WD" />
              <fz:remind before="0WD" />
              <fz:escalate after="1WD" to="{unit}:supervisor" />
            </fz:ladder>
          </bpmn:extensionElements>
        </bpmn:userTask>
        <bpmn:endEvent id="end" />
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
        <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="end" />
        """);

    /// <summary>
    /// Waits on an intermediate timer until <c>fireAt</c>, then opens a user task: firing the timer
    /// is a full engine step (token moves, journal entries, a new task) in one transaction.
    /// </summary>
    public static string TimedStepXml => Wrap(TimedStep, """
        <bpmn:startEvent id="start" />
        <bpmn:intermediateCatchEvent id="wait">
          <bpmn:timerEventDefinition><bpmn:timeDate>${fireAt}</bpmn:timeDate></bpmn:timerEventDefinition>
        </bpmn:intermediateCatchEvent>
        <bpmn:userTask id="followUp" name="跟进" fz:candidateGroups="legal" />
        <bpmn:endEvent id="end" />
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait" />
        <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="followUp" />
        <bpmn:sequenceFlow id="f3" sourceRef="followUp" targetRef="end" />
        """);

    private static string Wrap(string id, string body) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                          xmlns:fz="urn:fazhi:bpmn:1.0"
                          id="defs_{id}" targetNamespace="urn:fazhi:benchmarks">
          <bpmn:process id="{id}" name="{id}" isExecutable="true">
            {body}
          </bpmn:process>
        </bpmn:definitions>
        """;
}
