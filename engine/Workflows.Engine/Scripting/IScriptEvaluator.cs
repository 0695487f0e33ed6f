using System.Text.Json.Nodes;

namespace Workflows.Engine.Scripting;

/// <summary>
/// Sandboxed JavaScript for conditions, expressions and script tasks: no CLR access, bounded
/// time, memory and recursion. Variables go in as JSON and come out as JSON.
/// </summary>
public interface IScriptEvaluator
{
    /// <summary>Evaluates a sequence-flow or completion condition to a boolean (JavaScript truthiness).</summary>
    /// <exception cref="ScriptException">Syntax error, runtime error or a limit exceeded.</exception>
    bool EvaluateCondition(string expression, JsonObject variables);

    /// <summary>Evaluates an expression such as <c>reviewers</c> or <c>amount * 2</c> to a JSON value.</summary>
    JsonNode? Evaluate(string expression, JsonObject variables);

    /// <summary>
    /// Runs a script task's script. The script sees the variables as globals and may call
    /// <c>execution.setVariable(name, value)</c>; the value of the last statement is the result.
    /// </summary>
    ScriptResult Run(string script, JsonObject variables);

    /// <summary>Checks syntax only; returns null when the source parses, else the parser's message.</summary>
    string? CheckSyntax(string source, bool isExpression);
}

public sealed record ScriptResult(JsonNode? Value, IReadOnlyDictionary<string, JsonNode?> SetVariables);

public sealed class ScriptException(string message, Exception? inner = null) : Exception(message, inner);
