using System.Globalization;
using System.Text.Json.Nodes;
using Jint;
using JsEngine = Jint.Engine;
using Jint.Native;
using Jint.Runtime;
using Microsoft.Extensions.Options;

namespace Workflows.Engine.Scripting;

/// <summary>
/// JavaScript on Jint, sandboxed: strict mode, no CLR interop, no <c>eval</c>/<c>new Function</c>,
/// and per-evaluation limits on time, statements, memory, recursion and regular expressions.
/// A fresh engine runs every evaluation, so nothing a script does survives it; parsed sources
/// are cached and shared, which keeps a condition to the cost of building an engine.
/// </summary>
/// <remarks>
/// Scripts see each variable as a global. Strict mode means assigning an undeclared name
/// (<c>x = 1</c>) is a ReferenceError: declare locals with <c>let</c>/<c>const</c> and store results
/// with <c>execution.setVariable</c>. Assigning to a global that holds a variable only changes the
/// script's copy. A variable named <c>execution</c> is hidden by the execution object in script tasks.
/// </remarks>
public sealed class JintScriptEvaluator : IScriptEvaluator
{
    private readonly ScriptOptions _limits;
    private readonly PreparedScriptCache _cache;
    private readonly ScriptClock _clock;
    private readonly TimeZoneInfo _zone;

    public JintScriptEvaluator(
        IOptions<ScriptOptions>? options = null,
        TimeProvider? timeProvider = null,
        IOptions<WorkflowEngineOptions>? engineOptions = null)
    {
        _limits = options?.Value ?? new ScriptOptions();
        _limits.Validate();
        var zoneId = engineOptions?.Value.TimeZone ?? new WorkflowEngineOptions().TimeZone;
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone))
        {
            throw new InvalidOperationException($"Time zone '{zoneId}' ({WorkflowEngineOptions.Section}:TimeZone) is not known to this system.");
        }

        _zone = zone;
        _clock = new ScriptClock(timeProvider ?? TimeProvider.System, zone);
        _cache = new PreparedScriptCache(_limits.CacheCapacity, _limits.RegexTimeout);
    }

    internal int CachedSources => _cache.Count;

    public bool EvaluateCondition(string expression, JsonObject variables)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(variables);
        var source = _cache.Get(Unwrap(expression), isExpression: true);
        return Execute(source, variables, install: null, static (_, value) => TypeConverter.ToBoolean(value));
    }

    public JsonNode? Evaluate(string expression, JsonObject variables)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(variables);
        var source = _cache.Get(Unwrap(expression), isExpression: true);
        return Execute(source, variables, install: null, static (engine, value) => JsonBridge.ToJsonNode(engine, value, "the expression's value"));
    }

    public ScriptResult Run(string script, JsonObject variables)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(variables);
        var source = _cache.Get(script, isExpression: false);
        var execution = new ExecutionApi(variables);
        return Execute(
            source,
            variables,
            execution.Install,
            (engine, value) => new ScriptResult(JsonBridge.ToJsonNode(engine, value, "the script's result"), execution.SetVariables));
    }

    public string? CheckSyntax(string source, bool isExpression)
    {
        ArgumentNullException.ThrowIfNull(source);
        return _cache.Get(isExpression ? Unwrap(source) : source, isExpression).Error;
    }

    /// <summary>
    /// Camunda writes conditions as <c>${...}</c> (JUEL) and some tools as <c>#{...}</c>. No
    /// JavaScript expression can start with <c>${</c> or <c>#{</c>, so removing a whole-string
    /// wrapper never changes the meaning of plain JavaScript. The wrapper is blanked rather than
    /// cut out so that syntax-error positions still point into the designer's own text.
    /// </summary>
    internal static string Unwrap(string expression)
    {
        var span = expression.AsSpan();
        var start = span.Length - span.TrimStart().Length;
        var end = span.TrimEnd().Length - 1;
        if (end - start < 2 || span[start] is not ('$' or '#') || span[start + 1] != '{' || span[end] != '}')
        {
            return expression;
        }

        return string.Create(expression.Length, (start, end, expression), static (chars, state) =>
        {
            state.expression.AsSpan().CopyTo(chars);
            chars[state.start] = ' ';
            chars[state.start + 1] = ' ';
            chars[state.end] = ' ';
        });
    }

    private T Execute<T>(PreparedSource source, JsonObject variables, Action<JsEngine>? install, Func<JsEngine, JsValue, T> complete)
    {
        if (source.Script is not { } script)
        {
            throw new ScriptException(source.Error ?? "The script could not be parsed.");
        }

        using var engine = CreateEngine();
        JsonBridge.ExposeVariables(engine, variables);
        install?.Invoke(engine);

        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        T result;
        try
        {
            // Jint's limits stay armed after Evaluate returns, so getters and toJSON methods run
            // while the result becomes JSON are bounded as well.
            var value = engine.Evaluate(script);
            result = complete(engine, value);
        }
        catch (Exception e) when (e is not ScriptException and not OutOfMemoryException)
        {
            throw ScriptErrors.Translate(e, _limits);
        }

        // Jint checks memory between statements, so one built-in call in the last statement
        // ('x'.repeat(1e8)) can overshoot unseen; this catches it before anyone uses the result.
        if (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore > _limits.MemoryLimit)
        {
            throw ScriptErrors.MemoryExceeded(_limits);
        }

        return result;
    }

    private JsEngine CreateEngine() => new(o =>
    {
        o.Strict();
        o.DisableStringCompilation();
        o.TimeoutInterval(_limits.Timeout);
        if (_limits.MaxStatements > 0)
        {
            o.MaxStatements(_limits.MaxStatements);
        }

        o.LimitMemory(_limits.MemoryLimit);
        o.LimitRecursion(_limits.RecursionLimit);
        o.RegexTimeoutInterval(_limits.RegexTimeout);

        // Without it, deep nesting inside built-ins (JSON.stringify of a 100 000-level array)
        // overflows the native stack and kills the host process; with it, a catchable RangeError.
        o.Constraints.StackOverflowGuard = true;

        // Atomics.wait would block the thread for as long as the script asks, past every limit.
        o.AgentCanSuspend = false;
        o.TimeSystem = _clock;
        o.TimeZone = _zone;
        o.Culture = CultureInfo.InvariantCulture;
    });
}
