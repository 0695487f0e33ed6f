using Workflows.Engine.Runtime;
using Workflows.Engine.Tasks;

namespace Workflows.Engine.Tests.Runtime;

public sealed class TaskAccessTests
{
    private static WorkflowActor Actor(string user, string? unit, params string[] roles) => new(user, new HashSet<string>(roles), unit);

    [Fact]
    public void CanAct_OnlyAssignee_WhenTaskIsAssigned()
    {
        Assert.True(TaskAccess.CanAct("zhang", ["reviewer"], [], Actor("Zhang", null)));
        Assert.False(TaskAccess.CanAct("zhang", ["reviewer"], [], Actor("li", null, "reviewer")));
    }

    [Theory]
    [InlineData("reviewer", "legal-office", true)]
    [InlineData("legal-office:reviewer", "legal-office", true)]
    [InlineData("legal-office:reviewer", "town-a", false)]
    [InlineData("legal-office:*", "legal-office", true)]
    [InlineData("leader", "legal-office", false)]
    public void CanAct_MatchesRoleAndUnitRoleGroups(string group, string unit, bool expected)
    {
        Assert.Equal(expected, TaskAccess.CanAct(null, [group], [], Actor("wang", unit, "reviewer")));
    }

    [Fact]
    public void CanAct_CandidateUser_WithoutRole()
    {
        Assert.True(TaskAccess.CanAct(null, [], ["wang"], Actor("wang", null)));
        Assert.False(TaskAccess.CanAct(null, [], ["wang"], Actor("zhao", null)));
    }
}
