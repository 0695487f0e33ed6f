using System.Globalization;
using System.Text.RegularExpressions;
using Acornima;
using Jint;
using Jint.Runtime;

namespace Workflows.Engine.Scripting;

/// <summary>
/// Turns whatever Jint throws into a <see cref="ScriptException"/> whose message a procedure
/// designer can act on; the original stays as the inner exception for the logs.
/// </summary>
internal static class ScriptErrors
{
    public static string Syntax(ParseErrorException error)
    {
        // Acornima's column is zero-based; editors count from one.
        return error.LineNumber > 0
            ? string.Create(CultureInfo.InvariantCulture, $"Syntax error at line {error.LineNumber}, column {error.Column + 1}: {error.Description}")
            : $"Syntax error: {error.Description}";
    }

    public static ScriptException Translate(Exception error, ScriptOptions limits)
    {
        var message = error switch
        {
            // The script's own error ("approved is not defined", "boom"): its text is the message.
            JavaScriptException js => js.Message,
            // Before TimeoutException, from which it derives.
            RegexMatchTimeoutException => Invariant($"A regular expression in the script exceeded the time limit of {limits.RegexTimeout.TotalMilliseconds:0} ms"),
            TimeoutException => Invariant($"Script exceeded the time limit of {limits.Timeout.TotalMilliseconds:0} ms"),
            StatementsCountOverflowException => Invariant($"Script exceeded the limit of {limits.MaxStatements} statements"),
            MemoryLimitExceededException => $"Script exceeded the memory limit of {Bytes(limits.MemoryLimit)}",
            RecursionDepthOverflowException => Invariant($"Script exceeded the recursion limit of {limits.RecursionLimit} nested calls"),
            InsufficientExecutionStackException => "Script is nested too deeply",
            ScriptPreparationException { InnerException: ParseErrorException parse } => Syntax(parse),
            ParseErrorException parse => Syntax(parse),
            JintException jint => $"Script failed: {jint.Message}",
            _ => $"Script failed: {error.Message}",
        };
        return new ScriptException(message, error);
    }

    public static ScriptException MemoryExceeded(ScriptOptions limits) =>
        new($"Script exceeded the memory limit of {Bytes(limits.MemoryLimit)}");

    private static string Bytes(long bytes) =>
        bytes % (1024 * 1024) == 0
            ? Invariant($"{bytes / (1024 * 1024)} MB")
            : Invariant($"{bytes} bytes");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
