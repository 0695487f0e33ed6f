using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Workflows.Engine.Scripting;

namespace Workflows.Engine.Tests.Scripting;

internal static class ScriptTestData
{
    public static JsonObject Vars(string json = "{}") => JsonNode.Parse(json)!.AsObject();

    public static JintScriptEvaluator Evaluator(Action<ScriptOptions>? configure = null, TimeProvider? time = null)
    {
        var options = new ScriptOptions();
        configure?.Invoke(options);
        return new JintScriptEvaluator(Options.Create(options), time);
    }
}
