using System.Text.Json.Nodes;
using Workflows.Engine.Activities;
using Workflows.Engine.Bpmn.Model;
using Workflows.Engine.Instances;

namespace Workflows.Engine.Runtime.Execution;

internal sealed class StepActivityContext(InstanceExecution exec, Token token, ServiceTask element) : ActivityContext
{
    private JsonObject? _variables;

    public override Guid InstanceId => exec.Instance.Id;
    public override string DefinitionKey => exec.Instance.DefinitionKey;
    public override string? BusinessKey => exec.Instance.BusinessKey;
    public override ServiceTask Element => element;
    public override DateTimeOffset Now => exec.Now;
    public override JsonObject Variables => _variables ??= exec.ScopeVariables(token);
    public override IServiceProvider Services => exec.Session.Services;

    public override void SetVariable(string name, JsonNode? value)
    {
        exec.Variables[name] = value?.DeepClone();
        if (_variables is not null)
        {
            _variables[name] = value?.DeepClone();
        }
    }

    public override Guid Enqueue(string type, JsonObject payload) => exec.Session.Enqueue(type, payload, exec.Instance.Id);

    public override void Record(string kind, JsonObject? data = null) => exec.Record(kind, element.Id, data);
}
