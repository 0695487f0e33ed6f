using System.Text.Json.Nodes;
using Workflows.Engine.Activities;
using Workflows.Engine.Runtime;
using Workflows.Engine.Tasks;
using static Workflows.Engine.Tests.Runtime.Bpmn;

namespace Workflows.Engine.Tests.Runtime;

public sealed class GuardTests : IAsyncLifetime
{
    /// <summary>A real guard: the opinion must say lawful, lawful-after-changes or unlawful.</summary>
    private sealed class OpinionGuard : IUserTaskGuard
    {
        public string Key => "opinion-given";

        public Task<IReadOnlyList<ValidationError>> CheckAsync(UserTaskGuardContext context, CancellationToken cancellationToken)
        {
            var opinion = (string?)context.Variables["opinion"];
            IReadOnlyList<ValidationError> errors = opinion is "lawful" or "lawful-after-changes" or "unlawful"
                ? []
                : [new ValidationError("variables.opinion", "合法性审查意见须为：合法、修改后合法或不合法。")];
            return Task.FromResult(errors);
        }
    }

    private EngineHarness _engine = null!;

    public async Task InitializeAsync() => _engine = await EngineHarness.StartAsync(b => b.AddUserTaskGuard<OpinionGuard>());

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public async Task Guard_RefusesCompletion_AndWritesNothing_UntilSatisfied()
    {
        await _engine.DeployAsync(Process("guarded", $"""
            <bpmn:startEvent id="start" />
            {UserTask("review", "legal", "fz:guard=\"opinion-given\"")}
            {UserTask("meeting", "leader")}
            {Flow("start", "review")}
            {Flow("review", "meeting")}
            """));
        var instance = await _engine.StartAsync("guarded");
        var task = await _engine.SingleTaskAsync(instance.Id, "review");
        var legal = EngineHarness.Actor("legal", "legal");

        var error = await Assert.ThrowsAsync<WorkflowValidationException>(() => _engine.CompleteAsync(task, legal, variables: new JsonObject { ["opinion"] = "maybe" }));
        Assert.Equal("variables.opinion", error.Errors.Single().Target);
        Assert.Equal(UserTaskStatus.Open, (await _engine.SingleTaskAsync(instance.Id, "review")).Status);

        await _engine.CompleteAsync(task, legal, variables: new JsonObject { ["opinion"] = "lawful" });
        await _engine.SingleTaskAsync(instance.Id, "meeting");
    }

    [Fact]
    public async Task Publish_RefusesUnknownGuard_NamingTheTask()
    {
        var error = await Assert.ThrowsAsync<WorkflowValidationException>(() => _engine.DeployAsync(Process("unguarded", $"""
            <bpmn:startEvent id="start" />
            {UserTask("review", "legal", "fz:guard=\"no-such-guard\"")}
            {Flow("start", "review")}
            """)));

        Assert.Equal("review", error.Errors.Single().Target);
    }
}
