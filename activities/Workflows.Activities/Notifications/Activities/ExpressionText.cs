using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Workflows.Engine.Scripting;

namespace Workflows.Activities.Notifications.Activities;

/// <summary>
/// <c>${...}</c> placeholders in BPMN attribute text. A plain variable path (<c>${title}</c>,
/// <c>${applicant.name}</c>) is read directly and a missing one reads as empty, because a title
/// should not fault a procedure; anything else is a JavaScript expression run in the sandbox.
/// </summary>
internal static partial class ExpressionText
{
    /// <summary>The placeholders of a text, or the problem with its syntax.</summary>
    public static IReadOnlyList<string> Placeholders(string text, out string? problem)
    {
        problem = null;
        var found = new List<string>();
        var index = 0;
        while ((index = text.IndexOf("${", index, StringComparison.Ordinal)) >= 0)
        {
            var end = text.IndexOf('}', index + 2);
            if (end < 0)
            {
                problem = $"'{text}' has a '${{' without its closing '}}'.";
                return found;
            }
            found.Add(text[(index + 2)..end].Trim());
            index = end + 1;
        }
        return found;
    }

    public static string Fill(string text, JsonObject variables, IScriptEvaluator scripts)
    {
        var result = new StringBuilder(text.Length);
        var index = 0;
        while (true)
        {
            var start = text.IndexOf("${", index, StringComparison.Ordinal);
            var end = start < 0 ? -1 : text.IndexOf('}', start + 2);
            if (end < 0)
            {
                return result.Append(text, index, text.Length - index).ToString();
            }
            result.Append(text, index, start - index);
            result.Append(Display(Evaluate(text[(start + 2)..end].Trim(), variables, scripts)));
            index = end + 1;
        }
    }

    public static JsonNode? Evaluate(string expression, JsonObject variables, IScriptEvaluator scripts)
    {
        if (!VariablePath().IsMatch(expression))
        {
            return scripts.Evaluate(expression, variables);
        }
        JsonNode? node = variables;
        foreach (var part in expression.Split('.'))
        {
            node = node is JsonObject obj ? obj[part] : null;
        }
        return node;
    }

    /// <summary>How a value reads in a sentence: lists joined with the Chinese enumeration comma.</summary>
    public static string Display(JsonNode? value) => value switch
    {
        null => "",
        JsonArray items => string.Join("、", items.Select(Display)),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => value.ToJsonString(),
    };

    [GeneratedRegex(@"^[\p{L}_$][\p{L}\p{N}_$]*(\.[\p{L}_$][\p{L}\p{N}_$]*)*$")]
    private static partial Regex VariablePath();
}
