using System.Text.Json.Nodes;
using Workflows.Activities.Notifications.Recipients;
using Workflows.Engine.Scripting;

namespace Workflows.Activities.Notifications.Activities;

/// <summary>
/// <c>fz:recipients</c>: comma-separated specs, any of which may be <c>${expr}</c> giving a
/// name, a comma-separated string or a list (<c>${reviewers}</c>).
/// </summary>
internal static class RecipientList
{
    /// <summary>Splits at commas outside <c>${...}</c>, so an expression may contain commas.</summary>
    public static IReadOnlyList<string> Split(string attribute)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < attribute.Length; i++)
        {
            if (attribute[i] == '{' && (depth > 0 || (i > 0 && attribute[i - 1] == '$')))
            {
                depth++;
            }
            else if (attribute[i] == '}' && depth > 0)
            {
                depth--;
            }
            else if (attribute[i] is ',' or '，' && depth == 0)
            {
                parts.Add(attribute[start..i]);
                start = i + 1;
            }
        }
        parts.Add(attribute[start..]);
        return [.. parts.Select(p => p.Trim()).Where(p => p.Length > 0)];
    }

    public static bool IsExpression(string part, out string expression)
    {
        var wrapped = part.StartsWith("${", StringComparison.Ordinal) && part.EndsWith('}');
        expression = wrapped ? part[2..^1].Trim() : "";
        return wrapped;
    }

    public static IEnumerable<string> Validate(string attribute, IScriptEvaluator scripts)
    {
        foreach (var part in Split(attribute))
        {
            if (IsExpression(part, out var expression))
            {
                if (scripts.CheckSyntax(expression, isExpression: true) is { } error)
                {
                    yield return ActivityText.Format("Notify.ExpressionDoesNotParse", "fz:recipients", part, error);
                }
                continue;
            }
            string? problem = null;
            try
            {
                RecipientSpec.Parse(part);
            }
            catch (FormatException ex)
            {
                problem = ex.Message;
            }
            if (problem is not null)
            {
                yield return ActivityText.Format("Notify.AttributeProblem", "fz:recipients", problem);
            }
        }
    }

    public static IReadOnlyList<string> Resolve(string attribute, JsonObject variables, IScriptEvaluator scripts)
    {
        var specs = new List<string>();
        foreach (var part in Split(attribute))
        {
            if (!IsExpression(part, out var expression))
            {
                specs.Add(part);
                continue;
            }
            var value = ExpressionText.Evaluate(expression, variables, scripts);
            var names = value is JsonArray items ? items.Select(ExpressionText.Display) : Split(ExpressionText.Display(value));
            specs.AddRange(names.Select(n => n.Trim()).Where(n => n.Length > 0));
        }
        return [.. specs.Distinct(StringComparer.OrdinalIgnoreCase)];
    }
}
