using System.Text.Json;
using System.Text.Json.Nodes;
using Jint;
using JsEngine = Jint.Engine;
using Jint.Native;
using Jint.Native.Json;
using JsJsonSerializer = Jint.Native.Json.JsonSerializer;

namespace Workflows.Engine.Scripting;

/// <summary>
/// Moves values across the sandbox wall as JSON text only, so no CLR object (and with it no
/// reflection, no type, no method) ever becomes reachable from a script.
/// </summary>
internal static class JsonBridge
{
    private static readonly JsonDocumentOptions ResultParsing = new() { MaxDepth = 64 };

    public static void ExposeVariables(JsEngine engine, JsonObject variables)
    {
        var parser = new JsonParser(engine);
        foreach (var (name, node) in variables)
        {
            engine.SetValue(name, ToJsValue(parser, node, name));
        }
    }

    public static JsValue ToJsValue(JsonParser parser, JsonNode? node, string name)
    {
        if (node is null)
        {
            return JsValue.Null;
        }

        string json;
        try
        {
            json = node.ToJsonString();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or NotSupportedException)
        {
            throw new ScriptException($"Variable '{name}' cannot be given to a script: it is not valid JSON ({e.Message})", e);
        }

        try
        {
            return parser.Parse(json);
        }
        catch (Exception e) when (e is not ScriptException)
        {
            throw new ScriptException($"Variable '{name}' cannot be given to a script: {e.Message}", e);
        }
    }

    /// <summary>JSON.stringify semantics: undefined becomes null, NaN and Infinity become null.</summary>
    /// <param name="what">Names the value in messages, e.g. "the result" or "variable 'x'".</param>
    public static JsonNode? ToJsonNode(JsEngine engine, JsValue value, string what)
    {
        if (value.IsUndefined() || value.IsNull())
        {
            return null;
        }

        if (NonJsonKind(value) is { } kind)
        {
            throw new ScriptException($"{Capitalise(what)} is {kind}, which has no JSON value");
        }

        var json = new JsJsonSerializer(engine).Serialize(value, JsValue.Undefined, JsValue.Undefined);
        if (json.IsUndefined())
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(json.AsString(), documentOptions: ResultParsing);
        }
        catch (JsonException e)
        {
            throw new ScriptException($"{Capitalise(what)} cannot be converted to JSON: {e.Message}", e);
        }
    }

    /// <summary>Values JSON.stringify would silently drop; named so the designer learns why.</summary>
    public static string? NonJsonKind(JsValue value) =>
        value.IsCallable() ? "a function" : value.IsSymbol() ? "a symbol" : null;

    private static string Capitalise(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
