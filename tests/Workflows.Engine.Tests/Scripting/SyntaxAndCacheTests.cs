using System.Collections.Concurrent;
using Workflows.Engine.Scripting;
using static Workflows.Engine.Tests.Scripting.ScriptTestData;

namespace Workflows.Engine.Tests.Scripting;

public sealed class SyntaxAndCacheTests
{
    private readonly JintScriptEvaluator _evaluator = Evaluator();

    [Theory]
    [InlineData("approved === true")]
    [InlineData("${amount > 1000 && region == 'A'}")]
    [InlineData("#{nrOfCompletedInstances >= 2}")]
    [InlineData("{ a: 1 }")]
    public void CheckSyntax_ReturnsNull_WhenExpressionParses(string expression)
    {
        Assert.Null(_evaluator.CheckSyntax(expression, isExpression: true));
    }

    [Theory]
    [InlineData("approved ===", "Syntax error at line 1, column 13: Unexpected end of input")]
    [InlineData("a === ; b", "Syntax error at line 1, column 7: Unexpected token ';'")]
    [InlineData("x = 1; x", "Syntax error at line 1, column 6: Unexpected token ';'")]
    [InlineData("${amount > > 1}", "Syntax error at line 1, column 12: Unexpected token '>'")]
    [InlineData("\n  ${\n  amount > > 1 }", "Syntax error at line 3, column 12: Unexpected token '>'")]
    [InlineData("", "The expression is empty.")]
    public void CheckSyntax_ReturnsMessageWithPosition_WhenExpressionIsInvalid(string expression, string expected)
    {
        Assert.Equal(expected, _evaluator.CheckSyntax(expression, isExpression: true));
    }

    [Fact]
    public void CheckSyntax_ReturnsNull_WhenScriptParses()
    {
        Assert.Null(_evaluator.CheckSyntax("let total = 0;\nfor (const a of amounts) { total += a; }\nexecution.setVariable('total', total);", isExpression: false));
        Assert.Null(_evaluator.CheckSyntax("", isExpression: false));
    }

    [Theory]
    [InlineData("let x = 1;\nlet y = ;", "Syntax error at line 2, column 9: Unexpected token ';'")]
    [InlineData("with (a) { }", "Syntax error at line 1, column 1: Strict mode code may not include a with statement")]
    [InlineData("let let = 1;", "Syntax error at line 1, column 5: Unexpected strict mode reserved word")]
    public void CheckSyntax_ReturnsMessageWithPosition_WhenScriptIsInvalid(string script, string expected)
    {
        Assert.Equal(expected, _evaluator.CheckSyntax(script, isExpression: false));
    }

    [Fact]
    public void CheckSyntax_ReturnsMessage_WhenSourceIsNestedTooDeeplyToParse()
    {
        var deep = new string('(', 100_000) + "1" + new string(')', 100_000);
        Assert.Equal("Syntax error: the source is nested too deeply to parse.", _evaluator.CheckSyntax(deep, isExpression: true));
        Assert.Equal("Syntax error: the source is nested too deeply to parse.", _evaluator.CheckSyntax("x = " + deep, isExpression: false));
    }

    [Fact]
    public void Run_ThrowsSameMessageAsCheckSyntax_WhenScriptIsInvalid()
    {
        const string script = "let y = ;";
        var error = Assert.Throws<ScriptException>(() => _evaluator.Run(script, Vars()));
        Assert.Equal(_evaluator.CheckSyntax(script, isExpression: false), error.Message);
    }

    [Fact]
    public void Cache_StaysWithinCapacity_AndKeepsAnsweringCorrectly()
    {
        var evaluator = Evaluator(o => o.CacheCapacity = 8);
        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(i + 1, evaluator.Evaluate($"n + {i}", Vars("""{"n":1}"""))!.GetValue<int>());
            Assert.InRange(evaluator.CachedSources, 1, 8);
        }
    }

    [Fact]
    public void Evaluations_GiveRightAnswers_WhenRunInParallelOnManyThreads()
    {
        var evaluator = Evaluator();
        var failures = new ConcurrentBag<string>();
        const string script = "let s = 0; for (const v of values) { s += v; } execution.setVariable('sum', s); s * factor";

        Parallel.For(0, 400, new ParallelOptions { MaxDegreeOfParallelism = 16 }, i =>
        {
            var variables = Vars($$"""{"amount":{{i}},"values":[{{i}},{{i + 1}},{{i + 2}}],"factor":{{i % 7}}}""");
            var expectedSum = (3 * i) + 3;

            if (evaluator.EvaluateCondition("amount % 2 === 0", variables) != (i % 2 == 0))
            {
                failures.Add($"condition {i}");
            }

            if (evaluator.Evaluate("values[1] - amount + (amount % 5)", variables)!.GetValue<int>() != 1 + (i % 5))
            {
                failures.Add($"expression {i}");
            }

            // Dates go through the shared clock and time-zone objects.
            if (evaluator.Evaluate($"new Date(Date.UTC(2026, 0, {(i % 28) + 1}, 20)).getDate()", variables)!.GetValue<int>() != (i % 28) + 2)
            {
                failures.Add($"date {i}");
            }

            var result = evaluator.Run(script, variables);
            if (result.Value!.GetValue<int>() != expectedSum * (i % 7) || result.SetVariables["sum"]!.GetValue<int>() != expectedSum)
            {
                failures.Add($"script {i}");
            }
        });

        Assert.Empty(failures);
    }
}
