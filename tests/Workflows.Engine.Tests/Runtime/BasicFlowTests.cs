using System.Text.Json.Nodes;
using Workflows.Engine.Instances;
using Workflows.Engine.Runtime;
using Workflows.Engine.Tasks;
using static Workflows.Engine.Tests.Runtime.Bpmn;

namespace Workflows.Engine.Tests.Runtime;

public sealed class BasicFlowTests : IAsyncLifetime
{
    private EngineHarness _engine = null!;

    public async Task InitializeAsync() => _engine = await EngineHarness.StartAsync();

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    private static readonly string Review = Process("review-process", $"""
        <bpmn:startEvent id="start" />
        {UserTask("review", "reviewer")}
        <bpmn:endEvent id="end" />
        {Flow("start", "review")}
        {Flow("review", "end")}
        """);

    [Fact]
    public async Task CompleteTask_CompletesInstance_WhenLastTaskDone()
    {
        await _engine.DeployAsync(Review);
        var instance = await _engine.StartAsync("review-process", new JsonObject { ["title"] = "关于加强规范性文件管理的通知" });

        var task = await _engine.SingleTaskAsync(instance.Id, "review");
        Assert.Equal(["reviewer"], task.CandidateGroups);
        Assert.Equal(InstanceStatus.Running, (await _engine.InstanceAsync(instance.Id)).Status);

        await _engine.CompleteAsync(task, EngineHarness.Reviewer, "approve", new JsonObject { ["opinion"] = "同意" });

        var done = await _engine.InstanceAsync(instance.Id);
        Assert.Equal(InstanceStatus.Completed, done.Status);
        Assert.Empty(done.ActiveActivityIds);
        Assert.Equal("同意", (string?)done.Variables["opinion"]);
        Assert.Equal("approve", (string?)done.Variables["outcome"]);
        var kinds = (await _engine.HistoryAsync(instance.Id)).Select(h => h.Kind).ToList();
        Assert.Equal(["InstanceStarted", "EventReached", "ActivityStarted", "TaskCreated", "TaskCompleted", "ActivityCompleted", "EventReached", "InstanceCompleted"], kinds);
        Assert.True((await _engine.VerifyAsync(instance.Id)).Valid);
    }

    [Fact]
    public async Task CompleteTask_Throws409_WhenTaskAlreadyCompleted()
    {
        await _engine.DeployAsync(Review);
        var instance = await _engine.StartAsync("review-process");
        var task = await _engine.SingleTaskAsync(instance.Id, "review");
        await _engine.CompleteAsync(task, EngineHarness.Reviewer);

        await Assert.ThrowsAsync<WorkflowConflictException>(() => _engine.CompleteAsync(task, EngineHarness.Reviewer));
    }

    [Fact]
    public async Task CompleteTask_Throws403_WhenActorIsNotCandidate()
    {
        await _engine.DeployAsync(Review);
        var instance = await _engine.StartAsync("review-process");
        var task = await _engine.SingleTaskAsync(instance.Id, "review");

        await Assert.ThrowsAsync<WorkflowForbiddenException>(() => _engine.CompleteAsync(task, EngineHarness.Owner));
        Assert.Equal(UserTaskStatus.Open, (await _engine.SingleTaskAsync(instance.Id, "review")).Status);
    }

    private static readonly string Routed = Process("routed", $"""
        <bpmn:startEvent id="start" />
        {UserTask("review")}
        <bpmn:exclusiveGateway id="decide" default="toRevise" />
        {UserTask("publish", "owner")}
        {UserTask("revise", "owner")}
        <bpmn:endEvent id="end" />
        {Flow("start", "review")}
        {Flow("review", "decide")}
        {Flow("decide", "publish", "${approved === true}", "toPublish")}
        {Flow("decide", "revise", null, "toRevise")}
        {Flow("publish", "end")}
        {Flow("revise", "end")}
        """);

    [Theory]
    [InlineData(true, "publish")]
    [InlineData(false, "revise")]
    public async Task ExclusiveGateway_TakesMatchingFlowOrDefault(bool approved, string expected)
    {
        await _engine.DeployAsync(Routed);
        var instance = await _engine.StartAsync("routed");
        var review = await _engine.SingleTaskAsync(instance.Id, "review");

        await _engine.CompleteAsync(review, EngineHarness.Reviewer, variables: new JsonObject { ["approved"] = approved });

        Assert.Equal([expected], (await _engine.InstanceAsync(instance.Id)).ActiveActivityIds);
    }

    [Fact]
    public async Task ExclusiveGateway_FailsWithElementAndWritesNothing_WhenNoFlowMatches()
    {
        await _engine.DeployAsync(Process("strict", $"""
            <bpmn:startEvent id="start" />
            {UserTask("review")}
            <bpmn:exclusiveGateway id="decide" />
            <bpmn:endEvent id="end" />
            {Flow("start", "review")}
            {Flow("review", "decide")}
            {Flow("decide", "end", "amount > 100", "big")}
            """));
        var instance = await _engine.StartAsync("strict", new JsonObject { ["amount"] = 5 });
        var review = await _engine.SingleTaskAsync(instance.Id, "review");

        var error = await Assert.ThrowsAsync<WorkflowExecutionException>(() => _engine.CompleteAsync(review, EngineHarness.Reviewer));

        Assert.Equal("decide", error.ActivityId);
        Assert.Equal(UserTaskStatus.Open, (await _engine.SingleTaskAsync(instance.Id, "review")).Status);
        Assert.DoesNotContain(await _engine.HistoryAsync(instance.Id), h => h.Kind == "TaskCompleted");
    }

    [Fact]
    public async Task ParallelGateway_ForksAndJoinsOnce()
    {
        await _engine.DeployAsync(Process("parallel", $"""
            <bpmn:startEvent id="start" />
            <bpmn:parallelGateway id="fork" />
            {UserTask("legal", "legal")}
            {UserTask("expert", "expert")}
            <bpmn:parallelGateway id="join" />
            {UserTask("decide", "leader")}
            <bpmn:endEvent id="end" />
            {Flow("start", "fork")}
            {Flow("fork", "legal")}
            {Flow("fork", "expert")}
            {Flow("legal", "join")}
            {Flow("expert", "join")}
            {Flow("join", "decide")}
            {Flow("decide", "end")}
            """));
        var instance = await _engine.StartAsync("parallel");
        Assert.Equal(["expert", "legal"], (await _engine.InstanceAsync(instance.Id)).ActiveActivityIds.Order());

        await _engine.CompleteAsync(await _engine.SingleTaskAsync(instance.Id, "legal"), EngineHarness.Actor("l", "legal"));
        Assert.DoesNotContain(await _engine.TasksAsync(instance.Id), t => t.ActivityId == "decide");

        await _engine.CompleteAsync(await _engine.SingleTaskAsync(instance.Id, "expert"), EngineHarness.Actor("e", "expert"));
        await _engine.SingleTaskAsync(instance.Id, "decide");
        Assert.Single(await _engine.HistoryAsync(instance.Id), h => h.Kind == "GatewayJoined");
    }

    [Fact]
    public async Task ScriptTask_SetsVariables_AndResultVariable()
    {
        await _engine.DeployAsync(Process("scripted", $"""
            <bpmn:startEvent id="start" />
            <bpmn:scriptTask id="compute" scriptFormat="javascript" camunda:resultVariable="total">
              <bpmn:script>execution.setVariable('doubled', amount * 2); amount + 1</bpmn:script>
            </bpmn:scriptTask>
            {UserTask("check")}
            {Flow("start", "compute")}
            {Flow("compute", "check")}
            """));
        var instance = await _engine.StartAsync("scripted", new JsonObject { ["amount"] = 20 });

        var view = await _engine.InstanceAsync(instance.Id);
        Assert.Equal(40, (int)view.Variables["doubled"]!);
        Assert.Equal(21, (int)view.Variables["total"]!);
    }

    [Fact]
    public async Task Publish_KeepsRunningInstancesOnTheirVersion()
    {
        await _engine.DeployAsync(Review);
        var first = await _engine.StartAsync("review-process");
        await _engine.DeployAsync(Process("review-process", $"""
            <bpmn:startEvent id="start" />
            {UserTask("review2", "reviewer")}
            {Flow("start", "review2")}
            """));
        var second = await _engine.StartAsync("review-process");

        Assert.Equal(1, first.DefinitionVersion);
        Assert.Equal(2, second.DefinitionVersion);
        await _engine.CompleteAsync(await _engine.SingleTaskAsync(first.Id, "review"), EngineHarness.Reviewer);
        Assert.Equal(InstanceStatus.Completed, (await _engine.InstanceAsync(first.Id)).Status);
        await _engine.SingleTaskAsync(second.Id, "review2");
    }

    [Fact]
    public async Task SaveDefinition_ReturnsExistingVersion_WhenSameFileUploadedTwice()
    {
        var first = await _engine.Runtime.SaveDefinitionAsync(Review, publish: false, EngineHarness.Admin);
        var again = await _engine.Runtime.SaveDefinitionAsync(Review, publish: true, EngineHarness.Admin);

        Assert.True(first.Created);
        Assert.False(again.Created);
        Assert.Equal(first.Definition.Version, again.Definition.Version);
        Assert.Equal(Definitions.DefinitionStatus.Published, again.Definition.Status);
    }

    [Fact]
    public async Task Publish_IsRefusedNamingEachUnsupportedElement()
    {
        var xml = Process("unsupported", $"""
            <bpmn:startEvent id="start" />
            <bpmn:inclusiveGateway id="maybe" />
            <bpmn:manualTask id="sign" />
            <bpmn:endEvent id="end" />
            {Flow("start", "maybe")}
            {Flow("maybe", "sign")}
            {Flow("sign", "end")}
            """);

        var error = await Assert.ThrowsAsync<WorkflowValidationException>(() => _engine.Runtime.SaveDefinitionAsync(xml, publish: true, EngineHarness.Admin));

        Assert.Contains(error.Errors, e => e.Target == "maybe" && e.ElementType == "inclusiveGateway");
        Assert.Contains(error.Errors, e => e.Target == "sign" && e.ElementType == "manualTask");
        var draft = await _engine.Runtime.SaveDefinitionAsync(xml, publish: false, EngineHarness.Admin);
        Assert.Equal(Definitions.DefinitionStatus.Draft, draft.Definition.Status);
    }

    [Fact]
    public async Task Start_Throws404_WhenDefinitionUnknown()
    {
        await Assert.ThrowsAsync<WorkflowNotFoundException>(() => _engine.StartAsync("no-such-process"));
    }

    [Fact]
    public async Task Cancel_CancelsOpenTasks()
    {
        await _engine.DeployAsync(Review);
        var instance = await _engine.StartAsync("review-process");

        await _engine.Runtime.CancelAsync(instance.Id, "撤回", EngineHarness.Owner);

        Assert.Equal(InstanceStatus.Cancelled, (await _engine.InstanceAsync(instance.Id)).Status);
        Assert.Single(await _engine.TasksAsync(instance.Id, UserTaskStatus.Cancelled));
        Assert.Empty(await _engine.TasksAsync(instance.Id));
    }

    [Fact]
    public async Task CompleteTask_RejectsOutcomeOutsideTheStepsChoices()
    {
        await _engine.DeployAsync(Process("choices", $"""
            <bpmn:startEvent id="start" />
            {UserTask("review", "reviewer", "fz:outcomes=\"approve,return,reject\"")}
            {Flow("start", "review")}
            """));
        var instance = await _engine.StartAsync("choices");
        var task = await _engine.SingleTaskAsync(instance.Id, "review");

        var error = await Assert.ThrowsAsync<WorkflowValidationException>(() => _engine.CompleteAsync(task, EngineHarness.Reviewer, "maybe"));

        Assert.Equal("outcome", error.Errors.Single().Target);
        await _engine.CompleteAsync(task, EngineHarness.Reviewer, "return");
    }

    [Fact]
    public async Task Claim_MakesAGroupTaskOnesOwn_AndReleaseGivesItBack()
    {
        await _engine.DeployAsync(Review);
        var instance = await _engine.StartAsync("review-process");
        var task = await _engine.SingleTaskAsync(instance.Id, "review");
        var zhang = EngineHarness.Actor("zhang", "reviewer");
        var li = EngineHarness.Actor("li", "reviewer");

        await _engine.Runtime.ClaimTaskAsync(task.Id, zhang);

        Assert.Equal(("zhang", "zhang"), ((await _engine.SingleTaskAsync(instance.Id, "review")).Assignee, (await _engine.SingleTaskAsync(instance.Id, "review")).ClaimedBy));
        await Assert.ThrowsAsync<WorkflowConflictException>(() => _engine.Runtime.ClaimTaskAsync(task.Id, li));
        await Assert.ThrowsAsync<WorkflowForbiddenException>(() => _engine.CompleteAsync(task, li));
        await Assert.ThrowsAsync<WorkflowConflictException>(() => _engine.Runtime.ClaimTaskAsync(task.Id, li, release: true));
        await _engine.Runtime.ClaimTaskAsync(task.Id, zhang, release: true);
        Assert.Null((await _engine.SingleTaskAsync(instance.Id, "review")).Assignee);
        await _engine.CompleteAsync(task, li);
        Assert.Contains(await _engine.HistoryAsync(instance.Id), h => h.Kind == "TaskClaimed" && h.Actor == "zhang");
    }

    [Fact]
    public async Task Claim_IsForbidden_ForSomeoneOutsideTheGroup()
    {
        await _engine.DeployAsync(Review);
        var instance = await _engine.StartAsync("review-process");
        var task = await _engine.SingleTaskAsync(instance.Id, "review");

        await Assert.ThrowsAsync<WorkflowForbiddenException>(() => _engine.Runtime.ClaimTaskAsync(task.Id, EngineHarness.Owner));
    }
}
