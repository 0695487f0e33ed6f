using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Workflows.Engine.Activities;
using Workflows.Engine.Runtime;
using Workflows.Engine.Scripting;

namespace Workflows.Procedures.PublicConsultation;

/// <summary>
/// Reads the <c>fz:</c> attributes of the participation activities. An attribute that is one whole
/// <c>${expression}</c> yields the expression's value as it is (a list of fields, a number); any
/// other text has its <c>${...}</c> placeholders filled in. A plain variable path is read directly;
/// anything else runs as JavaScript in the engine's sandbox.
/// </summary>
public static partial class AttributeValues
{
    /// <summary>
    /// The variables an activity's attributes see: the task's variables, plus <c>businessKey</c> and
    /// <c>instanceId</c> (unless a variable of that name exists), so <c>decision:${businessKey}</c> works.
    /// </summary>
    public static JsonObject Scope(ActivityContext context)
    {
        var scope = (JsonObject)context.Variables.DeepClone();
        scope.TryAdd("businessKey", context.BusinessKey);
        scope.TryAdd("instanceId", context.InstanceId.ToString());
        return scope;
    }

    /// <summary>The attribute's value: the raw value of a whole <c>${...}</c>, otherwise the filled-in text.</summary>
    public static JsonNode? Value(string text, JsonObject scope, IScriptEvaluator scripts, string elementId, string attribute)
    {
        var trimmed = text.Trim();
        if (WholeExpression().Match(trimmed) is { Success: true } whole)
        {
            return Evaluate(whole.Groups[1].Value.Trim(), scope, scripts, elementId, attribute);
        }
        return JsonValue.Create(Fill(trimmed, scope, scripts, elementId, attribute));
    }

    /// <summary>Text with every placeholder replaced; lists read with the Chinese enumeration comma.</summary>
    public static string Fill(string text, JsonObject scope, IScriptEvaluator scripts, string elementId, string attribute)
    {
        var result = new StringBuilder(text.Length);
        var index = 0;
        while (index < text.Length)
        {
            var start = text.IndexOf("${", index, StringComparison.Ordinal);
            var end = start < 0 ? -1 : text.IndexOf('}', start + 2);
            if (end < 0)
            {
                result.Append(text, index, text.Length - index);
                break;
            }
            result.Append(text, index, start - index);
            result.Append(Display(Evaluate(text[(start + 2)..end].Trim(), scope, scripts, elementId, attribute)));
            index = end + 1;
        }
        return result.ToString();
    }

    /// <summary>A list attribute: a JSON array, or text separated by commas (<c>,</c> <c>，</c>) or <c>、</c>.</summary>
    public static IReadOnlyList<string> List(JsonNode? value) => value switch
    {
        null => [],
        JsonArray items => [.. items.Select(Display).SelectMany(Split).Distinct(StringComparer.OrdinalIgnoreCase)],
        _ => [.. Split(Display(value)).Distinct(StringComparer.OrdinalIgnoreCase)],
    };

    /// <summary>Syntax problems of the attribute's placeholders, for publish-time validation.</summary>
    public static IEnumerable<string> CheckSyntax(string? text, IScriptEvaluator scripts, string attribute)
    {
        if (text is null)
        {
            yield break;
        }
        var index = 0;
        while ((index = text.IndexOf("${", index, StringComparison.Ordinal)) >= 0)
        {
            var end = text.IndexOf('}', index + 2);
            if (end < 0)
            {
                yield return ProcedureText.Format("Placeholder.Unclosed", attribute, text);
                yield break;
            }
            var expression = text[(index + 2)..end].Trim();
            if (expression.Length == 0)
            {
                yield return ProcedureText.Format("Placeholder.Empty", attribute, text);
            }
            else if (!VariablePath().IsMatch(expression) && scripts.CheckSyntax(expression, isExpression: true) is { } error)
            {
                yield return ProcedureText.Format("Placeholder.DoesNotParse", attribute, expression, error);
            }
            index = end + 1;
        }
    }

    public static bool HasPlaceholder(string text) => text.Contains("${", StringComparison.Ordinal);

    private static JsonNode? Evaluate(string expression, JsonObject scope, IScriptEvaluator scripts, string elementId, string attribute)
    {
        if (VariablePath().IsMatch(expression))
        {
            JsonNode? node = scope;
            foreach (var part in expression.Split('.'))
            {
                node = node is JsonObject obj ? obj[part] : null;
            }
            return node?.DeepClone();
        }
        try
        {
            return scripts.Evaluate(expression, scope);
        }
        catch (ScriptException ex)
        {
            throw new WorkflowExecutionException(elementId, $"{attribute}: the expression '{expression}' failed: {ex.Message}", ex);
        }
    }

    private static string Display(JsonNode? value) => value switch
    {
        null => "",
        JsonArray items => string.Join("、", items.Select(Display)),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => value.ToJsonString(),
    };

    private static IEnumerable<string> Split(string text) =>
        text.Split([',', '，', '、', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [GeneratedRegex(@"^\$\{([^}]*)\}$")]
    private static partial Regex WholeExpression();

    [GeneratedRegex(@"^[\p{L}_$][\p{L}\p{N}_$]*(\.[\p{L}_$][\p{L}\p{N}_$]*)*$")]
    private static partial Regex VariablePath();
}
