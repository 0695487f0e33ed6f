namespace Workflows.Procedures.MajorDecisions;

public sealed class MajorDecisionOptions
{
    public const string Section = "Workflows:MajorDecisions";

    /// <summary>The decision body (决策机关) a proposal goes to unless it names another: the county government in the demo.</summary>
    public string DefaultDecisionBody { get; set; } = "county-gov";

    /// <summary>Install and publish the built-in <c>major-decision.bpmn</c> at start.</summary>
    public bool InstallDefinition { get; set; } = true;
}
