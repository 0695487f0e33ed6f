using Workflows.Engine.Scripting;
using static Workflows.Engine.Tests.Scripting.ScriptTestData;

namespace Workflows.Engine.Tests.Scripting;

public sealed class ConditionTests
{
    private readonly JintScriptEvaluator _evaluator = Evaluator();

    [Theory]
    [InlineData("approved === true", """{"approved":true}""", true)]
    [InlineData("approved === true", """{"approved":false}""", false)]
    [InlineData("approved === true", """{"approved":"true"}""", false)]
    [InlineData("amount > 1000 && region == 'A'", """{"amount":1500,"region":"A"}""", true)]
    [InlineData("amount > 1000 && region == 'A'", """{"amount":1500,"region":"B"}""", false)]
    [InlineData("outcomes.approve >= 2", """{"outcomes":{"approve":2,"reject":1}}""", true)]
    [InlineData("outcomes.approve >= 2", """{"outcomes":{"approve":1,"reject":1}}""", false)]
    [InlineData("nrOfCompletedInstances >= 2", """{"nrOfInstances":3,"nrOfCompletedInstances":2}""", true)]
    [InlineData("reviewers.includes('legal')", """{"reviewers":["owner","legal"]}""", true)]
    [InlineData("opinion.startsWith('同意')", """{"opinion":"同意，按程序办理"}""", true)]
    public void EvaluateCondition_ReturnsExpectedValue_ForTypicalGatewayConditions(string expression, string variables, bool expected)
    {
        Assert.Equal(expected, _evaluator.EvaluateCondition(expression, Vars(variables)));
    }

    [Fact]
    public void EvaluateCondition_ReturnsFalse_WhenAmountBelowThreshold()
    {
        Assert.False(_evaluator.EvaluateCondition("amount > 1000", Vars("""{"amount":999.99}""")));
    }

    [Theory]
    [InlineData("value", """{"value":""}""", false)]
    [InlineData("value", """{"value":"x"}""", true)]
    [InlineData("value", """{"value":0}""", false)]
    [InlineData("value", """{"value":-1}""", true)]
    [InlineData("value", """{"value":null}""", false)]
    [InlineData("value", """{"value":[]}""", true)]
    [InlineData("value", """{"value":{}}""", true)]
    [InlineData("0/0", "{}", false)]
    [InlineData("undefined", "{}", false)]
    public void EvaluateCondition_FollowsJavaScriptTruthiness_WhenResultIsNotBoolean(string expression, string variables, bool expected)
    {
        Assert.Equal(expected, _evaluator.EvaluateCondition(expression, Vars(variables)));
    }

    [Theory]
    [InlineData("${approved === true}")]
    [InlineData("#{approved === true}")]
    [InlineData("  ${ approved }  ")]
    [InlineData("${approved // trailing comment}")]
    public void EvaluateCondition_AcceptsCamundaWrapper_WhenItEnclosesTheWholeExpression(string expression)
    {
        Assert.True(_evaluator.EvaluateCondition(expression, Vars("""{"approved":true}""")));
        Assert.False(_evaluator.EvaluateCondition(expression, Vars("""{"approved":false}""")));
    }

    [Fact]
    public void EvaluateCondition_TreatsObjectLiteralAsObject_NotAsBlock()
    {
        Assert.True(_evaluator.EvaluateCondition("{ a: 0 }.a === 0", Vars()));
    }

    [Fact]
    public void EvaluateCondition_Throws_WhenVariableIsUndefined()
    {
        var error = Assert.Throws<ScriptException>(() => _evaluator.EvaluateCondition("approved === true", Vars()));
        Assert.Equal("approved is not defined", error.Message);
    }

    [Fact]
    public void EvaluateCondition_Throws_WhenScriptThrows()
    {
        var error = Assert.Throws<ScriptException>(() => _evaluator.EvaluateCondition("(() => { throw new Error('审批意见缺失'); })()", Vars()));
        Assert.Equal("审批意见缺失", error.Message);
    }

    [Fact]
    public void EvaluateCondition_Throws_WhenReadingPropertyOfNull()
    {
        var error = Assert.Throws<ScriptException>(() => _evaluator.EvaluateCondition("outcome.approve > 1", Vars("""{"outcome":null}""")));
        Assert.Contains("null", error.Message);
        Assert.Contains("approve", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("${}")]
    public void EvaluateCondition_Throws_WhenExpressionIsEmpty(string expression)
    {
        var error = Assert.Throws<ScriptException>(() => _evaluator.EvaluateCondition(expression, Vars()));
        Assert.Equal("The expression is empty.", error.Message);
    }

    [Fact]
    public void EvaluateCondition_Throws_WhenExpressionHasSyntaxError()
    {
        var error = Assert.Throws<ScriptException>(() => _evaluator.EvaluateCondition("amount >", Vars("""{"amount":1}""")));
        Assert.StartsWith("Syntax error at line 1, column 9", error.Message);
    }

    [Fact]
    public void EvaluateCondition_Throws_WhenGivenStatementsInsteadOfAnExpression()
    {
        var error = Assert.Throws<ScriptException>(() => _evaluator.EvaluateCondition("let x = 1; x > 0", Vars()));
        Assert.StartsWith("Syntax error", error.Message);
    }

    [Fact]
    public void EvaluateCondition_SeesVariablesWithNamesOfBuiltIns_AsTheVariable()
    {
        // A process variable may be called "name" or "status" or even "Object"; it simply shadows.
        Assert.True(_evaluator.EvaluateCondition("status === '待审' && name === '规范性文件'", Vars("""{"status":"待审","name":"规范性文件"}""")));
    }
}
