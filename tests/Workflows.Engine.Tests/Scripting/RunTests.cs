using System.Text.Json.Nodes;
using Workflows.Engine.Scripting;
using static Workflows.Engine.Tests.Scripting.ScriptTestData;

namespace Workflows.Engine.Tests.Scripting;

public sealed class RunTests
{
    private readonly JintScriptEvaluator _evaluator = Evaluator();

    [Fact]
    public void Run_ReturnsCompletionValue_OfLastStatement()
    {
        var result = _evaluator.Run("let total = 0;\nfor (const a of amounts) { total += a; }\ntotal", Vars("""{"amounts":[100,250.5,49.5]}"""));
        Assert.Equal(400, result.Value!.GetValue<double>());
        Assert.Empty(result.SetVariables);
    }

    [Fact]
    public void Run_ReturnsNullValue_WhenScriptEndsWithDeclaration()
    {
        var result = _evaluator.Run("execution.setVariable('a', 1);\nfunction unused() { }", Vars());
        Assert.Null(result.Value);
        Assert.Single(result.SetVariables);
    }

    [Fact]
    public void Run_RecordsSetVariable_WithJsonValues()
    {
        var result = _evaluator.Run(
            """
            execution.setVariable('reviewers', units.map(u => u + ':legal'));
            execution.setVariable('decision', { approved: amount < 5000, level: '县级' });
            execution.setVariable('nothing', null);
            execution.setVariable('missing', undefined);
            """,
            Vars("""{"units":["司法局","财政局"],"amount":1200}"""));

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""["司法局:legal","财政局:legal"]"""), result.SetVariables["reviewers"]));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"approved":true,"level":"县级"}"""), result.SetVariables["decision"]));
        Assert.True(result.SetVariables.ContainsKey("nothing"));
        Assert.Null(result.SetVariables["nothing"]);
        Assert.Null(result.SetVariables["missing"]);
    }

    [Fact]
    public void Run_KeepsLastWrite_WhenVariableIsSetTwice()
    {
        var result = _evaluator.Run("execution.setVariable('count', 1); execution.setVariable('count', 2);", Vars());
        Assert.Equal(2, result.SetVariables["count"]!.GetValue<int>());
    }

    [Fact]
    public void Run_RecordsValueAsOfTheCall_WhenObjectChangesAfterwards()
    {
        var result = _evaluator.Run("const o = { a: 1 }; execution.setVariable('o', o); o.a = 2; o.a", Vars());
        Assert.Equal(1, result.SetVariables["o"]!["a"]!.GetValue<int>());
        Assert.Equal(2, result.Value!.GetValue<int>());
    }

    [Fact]
    public void Run_GetVariableReturnsWrittenValue_AfterSetVariable()
    {
        var result = _evaluator.Run(
            "const before = execution.getVariable('amount'); execution.setVariable('amount', before * 2); [before, execution.getVariable('amount'), amount]",
            Vars("""{"amount":5}"""));

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("[5,10,5]"), result.Value));
        Assert.Equal(10, result.SetVariables["amount"]!.GetValue<int>());
    }

    [Fact]
    public void Run_GetVariableReturnsUndefined_WhenVariableDoesNotExist()
    {
        Assert.True(_evaluator.Run("execution.getVariable('nope') === undefined", Vars()).Value!.GetValue<bool>());
    }

    [Fact]
    public void Run_GetVariableReturnsCopy_SoChangesNeedSetVariable()
    {
        var result = _evaluator.Run("execution.getVariable('o').a = 99; execution.getVariable('o').a", Vars("""{"o":{"a":1}}"""));
        Assert.Equal(1, result.Value!.GetValue<int>());
        Assert.Empty(result.SetVariables);
    }

    [Theory]
    [InlineData("execution.setVariable('f', () => 1)", "variable 'f' cannot be a function")]
    [InlineData("execution.setVariable('s', Symbol('x'))", "variable 's' cannot be a symbol")]
    [InlineData("execution.setVariable('', 1)", "the variable name must be a non-empty string")]
    [InlineData("execution.setVariable(42, 1)", "the variable name must be a non-empty string")]
    [InlineData("const o = {}; o.self = o; execution.setVariable('o', o)", "Cyclic reference")]
    [InlineData("execution.setVariable('n', 10n)", "BigInt")]
    public void Run_Throws_WhenSetVariableGetsSomethingThatIsNotJson(string script, string expectedMessagePart)
    {
        var error = Assert.Throws<ScriptException>(() => _evaluator.Run(script, Vars()));
        Assert.Contains(expectedMessagePart, error.Message);
    }

    [Fact]
    public void Run_LetsScriptCatchSetVariableError()
    {
        var result = _evaluator.Run("try { execution.setVariable('f', () => 1); 'stored'; } catch (e) { e instanceof TypeError ? 'caught' : 'other'; }", Vars());
        Assert.Equal("caught", result.Value!.GetValue<string>());
    }

    [Fact]
    public void Run_Throws_WhenResultIsAFunction()
    {
        var error = Assert.Throws<ScriptException>(() => _evaluator.Run("const f = () => 1; f", Vars()));
        Assert.Equal("The script's result is a function, which has no JSON value", error.Message);
    }

    [Fact]
    public void Evaluate_Throws_WhenValueIsAFunction()
    {
        var error = Assert.Throws<ScriptException>(() => _evaluator.Evaluate("Math.max", Vars()));
        Assert.Equal("The expression's value is a function, which has no JSON value", error.Message);
    }

    [Fact]
    public void Evaluate_ReturnsNull_WhenValueIsUndefined()
    {
        Assert.Null(_evaluator.Evaluate("undefined", Vars()));
        Assert.Null(_evaluator.Evaluate("missing", Vars("""{"missing":null}""")));
    }

    [Fact]
    public void Evaluate_ReturnsList_ForMultiInstanceCollection()
    {
        var value = _evaluator.Evaluate("${reviewers}", Vars("""{"reviewers":["legal","expert","leader"]}"""));
        Assert.Equal(["legal", "expert", "leader"], value!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [Fact]
    public void Evaluate_RoundTripsNestedJson_WithNumbersAndChineseText()
    {
        const string json = """
            {"applicant":{"name":"张三","units":["法制办","司法局"],"address":{"city":"柳州市","zip":"545000"}},
             "amount":1234.5,"count":3,"big":9007199254740991,"negative":-0.25,"tiny":1e-7,
             "flag":true,"none":null,"empty":{},"list":[[1,[2,[3]]],{"k":"v"}],"emoji":"✓ 通过 😀","escaped":"a\"b\\c\n"}
            """;
        var variables = Vars(json);
        var names = string.Join(", ", variables.Select(p => p.Key));

        var value = _evaluator.Evaluate($"({{ {names} }})", variables);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), value), value?.ToJsonString());
    }

    [Fact]
    public void Evaluate_ConvertsNonFiniteNumbersToNull_LikeJsonStringify()
    {
        var value = _evaluator.Evaluate("[1 / 0, 0 / 0, -1 / 0, 2]", Vars());
        Assert.Equal("[null,null,null,2]", value!.ToJsonString());
    }

    [Fact]
    public void Evaluate_ComputesWithChineseStrings()
    {
        Assert.Equal("张三：同意", _evaluator.Evaluate("applicant.name + '：' + (approved ? '同意' : '不同意')", Vars("""{"applicant":{"name":"张三"},"approved":true}"""))!.GetValue<string>());
    }
}
