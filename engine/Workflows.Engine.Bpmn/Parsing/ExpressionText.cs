namespace Workflows.Engine.Bpmn.Parsing;

/// <summary>Normalises the expression text modelers write into BPMN files.</summary>
internal static class ExpressionText
{
    /// <summary>
    /// Drops a Camunda-style <c>${...}</c> or <c>#{...}</c> wrapper when it spans the whole text;
    /// <c>${a} &amp;&amp; ${b}</c> is left alone because its first brace closes early.
    /// </summary>
    public static string? Unwrap(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var trimmed = text.Trim();
        if (trimmed.Length < 3 || (trimmed[0] != '$' && trimmed[0] != '#') || trimmed[1] != '{'
            || ClosingBrace(trimmed, 1) != trimmed.Length - 1)
        {
            return trimmed;
        }
        var inner = trimmed[2..^1].Trim();
        return inner.Length == 0 ? null : inner;
    }

    /// <summary>Comma-separated names, trimmed, empty entries dropped.</summary>
    public static IReadOnlyList<string> SplitList(string? text) =>
        text is null ? [] : [.. text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

    /// <summary>Splits on commas that are not inside parentheses: <c>user(a), group(b)</c>.</summary>
    public static IEnumerable<string> SplitTopLevel(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || (text[i] == ',' && depth == 0))
            {
                var part = text[start..i].Trim();
                if (part.Length > 0)
                {
                    yield return part;
                }
                start = i + 1;
            }
            else if (text[i] == '(')
            {
                depth++;
            }
            else if (text[i] == ')' && depth > 0)
            {
                depth--;
            }
        }
    }

    /// <summary>Index of the brace closing the one at <paramref name="open"/>, skipping string literals; -1 if none.</summary>
    private static int ClosingBrace(string text, int open)
    {
        var depth = 0;
        char? quote = null;
        for (var i = open; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is not null)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == quote)
                {
                    quote = null;
                }
            }
            else if (c is '\'' or '"' or '`')
            {
                quote = c;
            }
            else if (c == '{')
            {
                depth++;
            }
            else if (c == '}' && --depth == 0)
            {
                return i;
            }
        }
        return -1;
    }
}
