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

    /// <summary>What to draw instead of an element the engine cannot run, or "" when there is no hint.</summary>
    public static string HintFor(string elementType) =>
        EngineText.Find("Hint." + elementType) is { } hint ? EngineText.Format("Hint.Separator", hint) : "";

    /// <summary>"exclusiveGateway" → "Exclusive gateway" (排他网关 in Chinese), for messages a procedure designer reads.</summary>
    public static string Describe(string elementType)
    {
        if (EngineText.Find("Element." + elementType) is { } name)
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

    public static string Describe(string elementType, string id) => EngineText.Format("Describe", Describe(elementType), id);

    public static string WithArticle(string word) => ("aeiou".Contains(char.ToLowerInvariant(word[0])) ? "an " : "a ") + word;
}
