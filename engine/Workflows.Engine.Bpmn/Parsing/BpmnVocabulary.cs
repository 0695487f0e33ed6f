using System.Xml.Linq;
using Workflows.Engine.Bpmn.Model;

namespace Workflows.Engine.Bpmn.Parsing;

/// <summary>The BPMN 2.0 element names the parser reads, and how issues refer to them.</summary>
internal static class BpmnVocabulary
{
    public static readonly XNamespace Ns = BpmnNamespaces.Model;

    public static readonly XName Definitions = Ns + "definitions";
    public static readonly XName Process = Ns + "process";
    public static readonly XName Message = Ns + "message";
    public static readonly XName SequenceFlow = Ns + "sequenceFlow";
    public static readonly XName ExtensionElements = Ns + "extensionElements";
    public static readonly XName ConditionExpression = Ns + "conditionExpression";
    public static readonly XName MultiInstance = Ns + "multiInstanceLoopCharacteristics";
    public static readonly XName StandardLoop = Ns + "standardLoopCharacteristics";
    public static readonly XName LoopCardinality = Ns + "loopCardinality";
    public static readonly XName CompletionCondition = Ns + "completionCondition";
    public static readonly XName Script = Ns + "script";
    public static readonly XName PotentialOwner = Ns + "potentialOwner";
    public static readonly XName HumanPerformer = Ns + "humanPerformer";
    public static readonly XName ResourceAssignmentExpression = Ns + "resourceAssignmentExpression";
    public static readonly XName FormalExpression = Ns + "formalExpression";

    /// <summary>Every element of the tFlowNode substitution group; anything else in a process is not part of the graph.</summary>
    public static readonly IReadOnlySet<string> FlowNodeTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "startEvent", "endEvent", "intermediateCatchEvent", "intermediateThrowEvent", "boundaryEvent", "implicitThrowEvent",
        "task", "userTask", "serviceTask", "sendTask", "receiveTask", "scriptTask", "manualTask", "businessRuleTask",
        "subProcess", "adHocSubProcess", "transaction", "callActivity",
        "callChoreography", "subChoreography", "choreographyTask",
        "exclusiveGateway", "parallelGateway", "inclusiveGateway", "eventBasedGateway", "complexGateway",
    };

    /// <summary>Activities the engine cannot run; boundary events may still legally sit on them.</summary>
    public static readonly IReadOnlySet<string> ActivityTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "task", "userTask", "serviceTask", "sendTask", "receiveTask", "scriptTask", "manualTask", "businessRuleTask",
        "subProcess", "adHocSubProcess", "transaction", "callActivity",
    };

    public static readonly IReadOnlySet<string> EventDefinitionTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "timerEventDefinition", "messageEventDefinition", "signalEventDefinition", "errorEventDefinition",
        "escalationEventDefinition", "compensateEventDefinition", "conditionalEventDefinition",
        "linkEventDefinition", "cancelEventDefinition", "terminateEventDefinition", "eventDefinitionRef",
    };

    private static readonly Dictionary<string, string> Hints = new(StringComparer.Ordinal)
    {
        ["task"] = "an abstract task does nothing: make it a user, service, send, script or receive task",
        ["manualTask"] = "use a user task",
        ["businessRuleTask"] = "use a service or script task",
        ["inclusiveGateway"] = "use exclusive and parallel gateways",
        ["complexGateway"] = "use exclusive and parallel gateways",
        ["eventBasedGateway"] = "use a timer boundary event on a receive or user task",
        ["intermediateThrowEvent"] = "use a send or service task",
        ["transaction"] = "use an embedded sub-process",
        ["adHocSubProcess"] = "use an embedded sub-process",
    };

    public static string HintFor(string elementType) =>
        Hints.TryGetValue(elementType, out var hint) ? "; " + hint : "";

    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["subProcess"] = "Sub-process",
        ["adHocSubProcess"] = "Ad-hoc sub-process",
        ["eventBasedGateway"] = "Event-based gateway",
    };

    /// <summary>"exclusiveGateway" → "Exclusive gateway", for messages a procedure designer reads.</summary>
    public static string Describe(string elementType)
    {
        if (Names.TryGetValue(elementType, out var name))
        {
            return name;
        }
        var words = new System.Text.StringBuilder(elementType.Length + 4);
        foreach (var c in elementType)
        {
            if (char.IsUpper(c) && words.Length > 0)
            {
                words.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                words.Append(words.Length == 0 ? char.ToUpperInvariant(c) : c);
            }
        }
        return words.ToString();
    }

    public static string Describe(string elementType, string id) => $"{Describe(elementType)} '{id}'";

    public static string WithArticle(string word) => ("aeiou".Contains(char.ToLowerInvariant(word[0])) ? "an " : "a ") + word;
}
