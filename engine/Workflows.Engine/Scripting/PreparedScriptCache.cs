using System.Collections.Concurrent;
using Acornima;
using Acornima.Ast;
using Jint;
using JsEngine = Jint.Engine;

namespace Workflows.Engine.Scripting;

/// <summary>A parsed source ready to run on any engine, or the reason it cannot be.</summary>
internal sealed class PreparedSource
{
    private long _lastUse;

    private PreparedSource(Prepared<Script>? script, string? error)
    {
        Script = script;
        Error = error;
    }

    public Prepared<Script>? Script { get; }

    /// <summary>The syntax error, already worded for a procedure designer; null when the source parsed.</summary>
    public string? Error { get; }

    public long LastUse => Interlocked.Read(ref _lastUse);

    public static PreparedSource Parsed(Prepared<Script> script) => new(script, null);

    public static PreparedSource Failed(string error) => new(null, error);

    public void Touch(long tick) => Interlocked.Exchange(ref _lastUse, tick);
}

/// <summary>
/// Parsing is the costly part of evaluating a small condition, and a procedure holds a few
/// dozen distinct sources at most, so prepared scripts are shared by every evaluation and
/// thread. Bounded so that generated or edited sources cannot grow it without limit; failures
/// are cached too, so a broken condition does not cost a parse every time it is hit.
/// </summary>
internal sealed class PreparedScriptCache(int capacity, TimeSpan regexTimeout)
{
    private readonly ConcurrentDictionary<(bool IsExpression, string Source), PreparedSource> _entries = new();
    private readonly ScriptPreparationOptions _preparation = new()
    {
        ParsingOptions = new ScriptParsingOptions { RegexTimeout = regexTimeout, Tolerant = false },
    };

    private long _tick;
    private int _trimming;

    public int Count => _entries.Count;

    /// <param name="source">For expressions, the bare JavaScript expression (any <c>${...}</c> wrapper removed).</param>
    public PreparedSource Get(string source, bool isExpression)
    {
        var key = (isExpression, source);
        if (!_entries.TryGetValue(key, out var entry))
        {
            // Two threads may both parse a new source; the loser's work is discarded, which is
            // cheaper than holding a lock across a parse.
            entry = _entries.GetOrAdd(key, Prepare(source, isExpression));
            if (_entries.Count > capacity)
            {
                Trim();
            }
        }

        entry.Touch(Interlocked.Increment(ref _tick));
        return entry;
    }

    private PreparedSource Prepare(string source, bool isExpression)
    {
        try
        {
            if (isExpression)
            {
                if (string.IsNullOrWhiteSpace(source))
                {
                    return PreparedSource.Failed("The expression is empty.");
                }

                // Parsing as an expression first rejects statements ("a = 1; b") and reports
                // positions in the designer's own text; the parenthesised copy is what runs, so
                // an object literal is an object rather than a block. The newline ends a
                // trailing line comment.
                new Parser().ParseExpression(source, sourceFile: null, strict: true);
                source = "(" + source + "\n)";
            }

            return PreparedSource.Parsed(JsEngine.PrepareScript(source, source: null, strict: true, options: _preparation));
        }
        catch (ParseErrorException e)
        {
            return PreparedSource.Failed(ScriptErrors.Syntax(e));
        }
        catch (ScriptPreparationException e) when (e.InnerException is ParseErrorException inner)
        {
            return PreparedSource.Failed(ScriptErrors.Syntax(inner));
        }
        catch (Exception e) when (e is InsufficientExecutionStackException
                                   || e.InnerException is InsufficientExecutionStackException)
        {
            return PreparedSource.Failed("Syntax error: the source is nested too deeply to parse.");
        }
    }

    /// <summary>Drops the least recently used quarter once the cache is over capacity.</summary>
    private void Trim()
    {
        if (Interlocked.Exchange(ref _trimming, 1) != 0)
        {
            return;
        }

        try
        {
            var target = capacity - Math.Max(1, capacity / 4);
            var excess = _entries.Count - target;
            if (excess <= 0)
            {
                return;
            }

            foreach (var stale in _entries.ToArray().OrderBy(e => e.Value.LastUse).Take(excess))
            {
                _entries.TryRemove(stale);
            }
        }
        finally
        {
            Volatile.Write(ref _trimming, 0);
        }
    }
}
