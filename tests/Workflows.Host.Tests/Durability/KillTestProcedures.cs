namespace Workflows.Host.Tests.Durability;

/// <summary>
/// The procedure the kill test drives: every durable part at once. A parallel fork into three
/// branches: a draft followed by a call activity (whose completion resumes the parent through the
/// outbox and Hangfire), a legality review, and a short intermediate timer (Quartz) followed by a
/// countersignature (a parallel multi-instance user task, one per signer); a join; an approval.
/// </summary>
public static class KillTestProcedures
{
    public const string ParentKey = "durable-decision";
    public const string ChildKey = "durable-consultation";

    /// <summary>The intermediate timer; short, so that it falls due while the host is down.</summary>
    public static readonly TimeSpan TimerDuration = TimeSpan.FromSeconds(3);

    /// <summary>Who countersigns: the multi-instance task makes one task per entry, assigned to that user.</summary>
    public static readonly string[] Signers = ["reviewer", "legal", "leader"];

    /// <summary>The user tasks of one parent instance, each with how many tasks it must make in all.</summary>
    public static readonly IReadOnlyDictionary<string, int> ParentTasks = new Dictionary<string, int>
    {
        ["draft"] = 1,
        ["legalReview"] = 1,
        ["countersign"] = Signers.Length,
        ["approve"] = 1,
    };

    public const string ChildTask = "expertOpinion";

    public static string Parent => $$"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:fz="urn:fazhi:bpmn:1.0" id="d-{{ParentKey}}" targetNamespace="urn:fazhi:test">
          <bpmn:process id="{{ParentKey}}" name="重大行政决策（耐久性测试）" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:parallelGateway id="fork" />
            <bpmn:userTask id="draft" name="起草决策草案" fz:candidateGroups="owner" />
            <bpmn:callActivity id="consult" name="专家论证" calledElement="{{ChildKey}}" />
            <bpmn:userTask id="legalReview" name="合法性审查" fz:candidateGroups="legal" />
            <bpmn:intermediateCatchEvent id="wait" name="公示期">
              <bpmn:timerEventDefinition><bpmn:timeDuration>PT{{(int)TimerDuration.TotalSeconds}}S</bpmn:timeDuration></bpmn:timerEventDefinition>
            </bpmn:intermediateCatchEvent>
            <bpmn:userTask id="countersign" name="会签" fz:assignee="${signer}">
              <bpmn:multiInstanceLoopCharacteristics fz:collection="signers" fz:elementVariable="signer" />
            </bpmn:userTask>
            <bpmn:parallelGateway id="join" />
            <bpmn:userTask id="approve" name="集体讨论决定" fz:candidateGroups="leader" />
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="fork" />
            <bpmn:sequenceFlow id="f2" sourceRef="fork" targetRef="draft" />
            <bpmn:sequenceFlow id="f3" sourceRef="draft" targetRef="consult" />
            <bpmn:sequenceFlow id="f4" sourceRef="consult" targetRef="join" />
            <bpmn:sequenceFlow id="f5" sourceRef="fork" targetRef="legalReview" />
            <bpmn:sequenceFlow id="f6" sourceRef="legalReview" targetRef="join" />
            <bpmn:sequenceFlow id="f7" sourceRef="fork" targetRef="wait" />
            <bpmn:sequenceFlow id="f8" sourceRef="wait" targetRef="countersign" />
            <bpmn:sequenceFlow id="f9" sourceRef="countersign" targetRef="join" />
            <bpmn:sequenceFlow id="f10" sourceRef="join" targetRef="approve" />
            <bpmn:sequenceFlow id="f11" sourceRef="approve" targetRef="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    public static string Child => $$"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:fz="urn:fazhi:bpmn:1.0" id="d-{{ChildKey}}" targetNamespace="urn:fazhi:test">
          <bpmn:process id="{{ChildKey}}" name="专家论证（耐久性测试）" isExecutable="true">
            <bpmn:startEvent id="cs" />
            <bpmn:userTask id="{{ChildTask}}" name="专家意见" fz:candidateGroups="expert" />
            <bpmn:endEvent id="ce" />
            <bpmn:sequenceFlow id="c1" sourceRef="cs" targetRef="{{ChildTask}}" />
            <bpmn:sequenceFlow id="c2" sourceRef="{{ChildTask}}" targetRef="ce" />
          </bpmn:process>
        </bpmn:definitions>
        """;
}
