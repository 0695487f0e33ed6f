namespace Workflows.Engine.Bpmn.Model;

public static class BpmnNamespaces
{
    public const string Model = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    public const string Di = "http://www.omg.org/spec/BPMN/20100524/DI";
    public const string Fazhi = "urn:fazhi:bpmn:1.0";
    public const string Camunda = "http://camunda.org/schema/1.0/bpmn";
    public const string Flowable = "http://flowable.org/bpmn";
    public const string Activiti = "http://activiti.org/bpmn";

    /// <summary>Canonical prefixes in lookup order: our own first, then the common modelers'.</summary>
    public static readonly IReadOnlyList<string> ExtensionPrefixes = ["fz", "camunda", "flowable"];

    /// <summary>Maps an extension namespace URI to the canonical prefix stored in the model.</summary>
    public static string? CanonicalPrefix(string namespaceUri) => namespaceUri switch
    {
        Fazhi => "fz",
        Camunda => "camunda",
        Flowable or Activiti => "flowable",
        _ => null,
    };
}
