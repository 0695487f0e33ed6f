using System.Text.Json.Nodes;
using Jint;
using JsEngine = Jint.Engine;
using Jint.Native;
using Jint.Native.Json;
using Jint.Runtime;
using Jint.Runtime.Descriptors;
using Jint.Runtime.Interop;

namespace Workflows.Engine.Scripting;

/// <summary>
/// The <c>execution</c> object a script task sees, after Camunda's: <c>setVariable(name, value)</c>
/// records a variable for the engine to store, <c>getVariable(name)</c> reads one. The functions
/// are plain JavaScript functions that exchange JSON, not CLR objects.
/// </summary>
internal sealed class ExecutionApi(JsonObject variables)
{
    private readonly Dictionary<string, JsonNode?> _set = new(StringComparer.Ordinal);

    /// <summary>Every <c>setVariable</c> call, last write wins, values as they were at the call.</summary>
    public IReadOnlyDictionary<string, JsonNode?> SetVariables => _set;

    public void Install(JsEngine engine)
    {
        var execution = new JsObject(engine);
        execution.Set("setVariable", new ClrFunction(engine, "setVariable", (_, args) => SetVariable(engine, args), 2, PropertyFlag.Configurable));
        execution.Set("getVariable", new ClrFunction(engine, "getVariable", (_, args) => GetVariable(engine, args), 1, PropertyFlag.Configurable));
        engine.SetValue("execution", execution);
    }

    private JsValue SetVariable(JsEngine engine, JsValue[] args)
    {
        var name = NameArgument(engine, args, "setVariable");
        var value = args.Length > 1 ? args[1] : JsValue.Undefined;
        if (JsonBridge.NonJsonKind(value) is { } kind)
        {
            throw new JavaScriptException(engine.Intrinsics.TypeError, $"execution.setVariable: variable '{name}' cannot be {kind}; variables are stored as JSON");
        }

        // Serialised now, so that later changes to the same object in the script do not leak
        // into what was recorded.
        _set[name] = JsonBridge.ToJsonNode(engine, value, $"variable '{name}'");
        return JsValue.Undefined;
    }

    private JsValue GetVariable(JsEngine engine, JsValue[] args)
    {
        var name = NameArgument(engine, args, "getVariable");
        if (_set.TryGetValue(name, out var written))
        {
            return JsonBridge.ToJsValue(new JsonParser(engine), written, name);
        }

        return variables.TryGetPropertyValue(name, out var node)
            ? JsonBridge.ToJsValue(new JsonParser(engine), node, name)
            : JsValue.Undefined;
    }

    private static string NameArgument(JsEngine engine, JsValue[] args, string function)
    {
        if (args.Length == 0 || !args[0].IsString() || args[0].AsString().Length == 0)
        {
            throw new JavaScriptException(engine.Intrinsics.TypeError, $"execution.{function}: the variable name must be a non-empty string");
        }

        return args[0].AsString();
    }
}
