using Microsoft.Extensions.Time.Testing;
using Workflows.Engine.Scripting;
using static Workflows.Engine.Tests.Scripting.ScriptTestData;

namespace Workflows.Engine.Tests.Scripting;

public sealed class SandboxTests
{
    private readonly JintScriptEvaluator _evaluator = Evaluator();

    [Fact]
    public void Run_Throws_WhenInfiniteLoopExceedsStatementLimit()
    {
        var error = Assert.Throws<ScriptException>(() => _evaluator.Run("while (true) { }", Vars()));
        Assert.Equal("Script exceeded the limit of 100000 statements", error.Message);
    }

    [Fact]
    public void Run_Throws_WhenInfiniteLoopExceedsTimeLimit()
    {
        var evaluator = Evaluator(o =>
        {
            o.MaxStatements = 0;
            o.MemoryLimit = long.MaxValue / 2;
            o.Timeout = TimeSpan.FromMilliseconds(100);
        });
        var error = Assert.Throws<ScriptException>(() => evaluator.Run("for (;;) { }", Vars()));
        Assert.Equal("Script exceeded the time limit of 100 ms", error.Message);
    }

    [Fact]
    public void Evaluate_Throws_WhenGetterOfResultLoopsForever()
    {
        // The result is turned into JSON after the script's last statement; its getters must
        // still be bounded.
        var error = Assert.Throws<ScriptException>(() => _evaluator.Evaluate("({ get a() { for (;;) { } } })", Vars()));
        Assert.Equal("Script exceeded the limit of 100000 statements", error.Message);
    }

    [Fact]
    public void Run_Throws_WhenScriptAllocatesPastMemoryLimit()
    {
        // A generous time limit, so that on a loaded machine the memory limit is still what stops it.
        var evaluator = Evaluator(o => o.Timeout = TimeSpan.FromSeconds(30));
        var error = Assert.Throws<ScriptException>(() => evaluator.Run("const a = []; while (true) { a.push('x'.repeat(1000) + a.length); }", Vars()));
        Assert.Equal("Script exceeded the memory limit of 16 MB", error.Message);
    }

    [Fact]
    public void Evaluate_Throws_WhenSingleBuiltInCallAllocatesPastMemoryLimit()
    {
        // One call in the last expression is never seen by Jint's between-statements check.
        var evaluator = Evaluator(o => o.Timeout = TimeSpan.FromSeconds(30));
        var error = Assert.Throws<ScriptException>(() => evaluator.Evaluate("'x'.repeat(20000000).length", Vars()));
        Assert.Equal("Script exceeded the memory limit of 16 MB", error.Message);
    }

    [Fact]
    public void Run_Throws_WhenRecursionIsUnbounded()
    {
        var error = Assert.Throws<ScriptException>(() => _evaluator.Run("function f(n) { return f(n + 1) + 1; } f(0)", Vars()));
        Assert.Equal("Script exceeded the recursion limit of 64 nested calls", error.Message);
    }

    [Fact]
    public void Run_ReturnsResult_WhenRecursionStaysWithinLimit()
    {
        var result = _evaluator.Run("function depth(n) { return n === 0 ? 0 : 1 + depth(n - 1); } depth(50)", Vars());
        Assert.Equal(50, result.Value!.GetValue<int>());
    }

    [Theory]
    [InlineData("JSON.stringify(a).length")]
    [InlineData("String(a).length")]
    [InlineData("a.flat(Infinity).length")]
    [InlineData("a")]
    public void Run_ThrowsInsteadOfCrashingTheHost_WhenBuiltInRecursesThroughDeepNesting(string use)
    {
        // Without the native stack guard each of these ends the test process, not just the test.
        var evaluator = Evaluator(o =>
        {
            o.MaxStatements = 1_000_000;
            o.MemoryLimit = 128L * 1024 * 1024;
            o.Timeout = TimeSpan.FromSeconds(30);
        });
        var error = Assert.Throws<ScriptException>(() => evaluator.Run($"let a = []; for (let i = 0; i < 200000; i++) {{ a = [a]; }} {use}", Vars()));
        Assert.Contains("Maximum call stack size exceeded", error.Message);
    }

    [Fact]
    public void EvaluateCondition_Throws_WhenRegularExpressionBacktracksCatastrophically()
    {
        var error = Assert.Throws<ScriptException>(() => _evaluator.EvaluateCondition("/^(a+)+$/.test(text)", Vars("""{"text":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!"}""")));
        Assert.Equal("A regular expression in the script exceeded the time limit of 100 ms", error.Message);
    }

    [Theory]
    [InlineData("System")]
    [InlineData("importNamespace")]
    [InlineData("clr")]
    [InlineData("host")]
    [InlineData("require")]
    [InlineData("process")]
    public void Evaluate_SeesNoHostObject_WhenProbingForClrAccess(string name)
    {
        Assert.Equal("undefined", _evaluator.Evaluate($"typeof {name}", Vars())!.GetValue<string>());
        var error = Assert.Throws<ScriptException>(() => _evaluator.Run($"{name}.toString()", Vars()));
        Assert.Equal($"{name} is not defined", error.Message);
    }

    [Fact]
    public void Run_Throws_WhenImportingClrNamespace()
    {
        var error = Assert.Throws<ScriptException>(() => _evaluator.Run("const io = importNamespace('System.IO'); io.File.ReadAllText('/etc/passwd')", Vars()));
        Assert.Equal("importNamespace is not defined", error.Message);
    }

    [Theory]
    [InlineData("eval('1 + 1')")]
    [InlineData("new Function('return 1')()")]
    [InlineData("(() => 1).constructor('return globalThis')()")]
    public void Run_Throws_WhenCompilingCodeFromStrings(string script)
    {
        var error = Assert.Throws<ScriptException>(() => _evaluator.Run(script, Vars()));
        Assert.Contains("String compilation has been disabled", error.Message);
    }

    [Fact]
    public void Run_Throws_WhenScriptTriesToBlockTheThread()
    {
        var error = Assert.Throws<ScriptException>(() => _evaluator.Run("Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1e9)", Vars()));
        Assert.Contains("wait", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Run_Throws_WhenShadowRealmEvaluatesString()
    {
        var error = Assert.Throws<ScriptException>(() => _evaluator.Run("new ShadowRealm().evaluate('1 + 1')", Vars()));
        Assert.Contains("String compilation has been disabled", error.Message);
    }

    [Fact]
    public void Run_Throws_WhenAssigningUndeclaredGlobal()
    {
        // Strict mode: documented; scripts use let/const or execution.setVariable.
        var error = Assert.Throws<ScriptException>(() => _evaluator.Run("x = 1", Vars()));
        Assert.Equal("x is not defined", error.Message);
    }

    [Fact]
    public void Evaluate_DoesNotSeeState_LeftByAnEarlierEvaluation()
    {
        _evaluator.Run("globalThis.leaked = 1; Object.prototype.polluted = 'yes'; Array.prototype.push = null; approved = false;", Vars("""{"approved":true}"""));

        Assert.Equal("undefined", _evaluator.Evaluate("typeof leaked", Vars())!.GetValue<string>());
        Assert.Equal("undefined", _evaluator.Evaluate("typeof ({}).polluted", Vars())!.GetValue<string>());
        Assert.Equal(2, _evaluator.Evaluate("[1].push(2)", Vars())!.GetValue<int>());
        Assert.True(_evaluator.EvaluateCondition("approved", Vars("""{"approved":true}""")));
    }

    [Fact]
    public void Evaluate_DoesNotChangeCallersVariables_WhenScriptMutatesThem()
    {
        var variables = Vars("""{"applicant":{"name":"张三"}}""");
        _evaluator.Run("applicant.name = '李四'; applicant.extra = 1;", variables);
        Assert.Equal("""{"applicant":{"name":"张三"}}""", variables.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    [Fact]
    public void Evaluate_ReadsTimeFromTimeProvider_InConfiguredZone()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 1, 0, 0, TimeSpan.Zero));
        var evaluator = Evaluator(time: time);

        Assert.Equal("2026-03-01T01:00:00.000Z", evaluator.Evaluate("new Date().toISOString()", Vars())!.GetValue<string>());
        Assert.Equal(9, evaluator.Evaluate("new Date().getHours()", Vars())!.GetValue<int>());

        time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(2, evaluator.Evaluate("new Date(Date.now()).getDate()", Vars())!.GetValue<int>());
    }

    [Fact]
    public void Constructor_Throws_WhenLimitIsNotPositive()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Evaluator(o => o.Timeout = TimeSpan.Zero));
        Assert.Contains("Workflows:Scripting:Timeout", error.Message);
    }
}
