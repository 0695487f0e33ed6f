using Workflows.Engine.Bpmn.Model;

namespace Workflows.Engine.Definitions;

/// <summary>
/// A rule a module holds a whole process to when it is published, beyond what any one element's
/// checks can see: a statutory procedure that admins may adapt must still keep its gates (a major
/// decision without its legality review guard is not a major decision). Each issue names its element.
/// </summary>
public interface IProcessRule
{
    IEnumerable<BpmnIssue> Validate(ProcessModel process);
}
