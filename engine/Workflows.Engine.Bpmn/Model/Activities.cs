namespace Workflows.Engine.Bpmn.Model;

/// <summary>Work done by someone or something: tasks, sub-processes, call activities.</summary>
public abstract class Activity : FlowNode
{
    public MultiInstanceCharacteristics? MultiInstance { get; init; }
    public List<BoundaryEvent> BoundaryEvents { get; } = [];
}

public sealed class MultiInstanceCharacteristics
{
    public bool IsSequential { get; init; }

    /// <summary>The variable holding the list to fan out over (<c>fz:collection</c> / <c>camunda:collection</c>).</summary>
    public string? Collection { get; init; }

    /// <summary>The name each instance sees its item under (<c>fz:elementVariable</c>).</summary>
    public string? ElementVariable { get; init; }

    /// <summary><c>loopCardinality</c>: a number or an expression, used when there is no collection.</summary>
    public string? LoopCardinality { get; init; }

    /// <summary>JavaScript over the variables plus nrOfInstances, nrOfActiveInstances, nrOfCompletedInstances.</summary>
    public string? CompletionCondition { get; init; }
}

public sealed class UserTask : Activity
{
    /// <summary>A user name or a <c>${variable}</c> expression.</summary>
    public string? Assignee { get; init; }
    public IReadOnlyList<string> CandidateGroups { get; init; } = [];
    public IReadOnlyList<string> CandidateUsers { get; init; } = [];

    /// <summary>Time allowed: ISO-8601 duration (calendar time) or <c>&lt;n&gt;WD</c> (working days).</summary>
    public string? Due { get; init; }
}

/// <summary>A service task or a send task: runs the activity named by <c>fz:type</c>.</summary>
public sealed class ServiceTask : Activity
{
    /// <summary><c>fz:type</c>, e.g. <c>email</c> or <c>notify</c>; null runs nothing.</summary>
    public string? ActivityType { get; init; }
}

public sealed class ScriptTask : Activity
{
    public string? ScriptFormat { get; init; }
    public string? Script { get; init; }

    /// <summary><c>camunda:resultVariable</c> / <c>fz:resultVariable</c>: where the script's value goes.</summary>
    public string? ResultVariable { get; init; }
}

public sealed class ReceiveTask : Activity
{
    public MessageEventDefinition? Message { get; init; }
}

public sealed class SubProcess : Activity, IFlowScope
{
    public List<FlowNode> Children { get; } = [];
    public List<SequenceFlow> Flows { get; } = [];
    IReadOnlyList<FlowNode> IFlowScope.Children => Children;
    IReadOnlyList<SequenceFlow> IFlowScope.Flows => Flows;

    public StartEvent? NoneStartEvent => Children.OfType<StartEvent>().FirstOrDefault(s => s.Trigger is null);
}

public sealed class CallActivity : Activity
{
    /// <summary>The key of the definition to start; its newest published version runs.</summary>
    public required string CalledElement { get; init; }
}
