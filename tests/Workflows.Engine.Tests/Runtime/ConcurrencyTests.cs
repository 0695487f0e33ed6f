using Workflows.Engine.Runtime;
using static Workflows.Engine.Tests.Runtime.Bpmn;

namespace Workflows.Engine.Tests.Runtime;

/// <summary>Two people, two requests, one instance: optimistic concurrency decides, nothing happens twice.</summary>
public sealed class ConcurrencyTests : IAsyncLifetime
{
    private EngineHarness _engine = null!;

    public async Task InitializeAsync() => _engine = await EngineHarness.StartAsync();

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public async Task CompleteTask_HasExactlyOneWinner_WhenTwoCompleteAtOnce()
    {
        await _engine.DeployAsync(Process("race", $"""
            <bpmn:startEvent id="start" />
            {UserTask("review")}
            {UserTask("next", "owner")}
            {Flow("start", "review")}
            {Flow("review", "next")}
            """));
        for (var round = 0; round < 10; round++)
        {
            var instance = await _engine.StartAsync("race");
            var task = await _engine.SingleTaskAsync(instance.Id, "review");
            using var go = new ManualResetEventSlim();
            var attempts = Enumerable.Range(0, 2).Select(i => Task.Run(async () =>
            {
                go.Wait();
                await _engine.CompleteAsync(task, EngineHarness.Actor($"reviewer{i}", "reviewer"));
            })).ToList();
            go.Set();
            var outcomes = await Task.WhenAll(attempts.Select(async a =>
            {
                try
                {
                    await a;
                    return "won";
                }
                catch (WorkflowConflictException)
                {
                    return "409";
                }
            }));

            Assert.Equal(["409", "won"], outcomes.Order());
            Assert.Single(await _engine.TasksAsync(instance.Id), t => t.ActivityId == "next");
            Assert.Single(await _engine.HistoryAsync(instance.Id), h => h.Kind == "TaskCompleted");
        }
    }

    [Fact]
    public async Task ParallelJoin_FiresOnce_WhenBothBranchesCompleteAtOnce()
    {
        await _engine.DeployAsync(Process("join-race", $"""
            <bpmn:startEvent id="start" />
            <bpmn:parallelGateway id="fork" />
            {UserTask("left")}
            {UserTask("right")}
            <bpmn:parallelGateway id="join" />
            {UserTask("after", "owner")}
            {Flow("start", "fork")}
            {Flow("fork", "left")}
            {Flow("fork", "right")}
            {Flow("left", "join")}
            {Flow("right", "join")}
            {Flow("join", "after")}
            """));
        for (var round = 0; round < 10; round++)
        {
            var instance = await _engine.StartAsync("join-race");
            var left = await _engine.SingleTaskAsync(instance.Id, "left");
            var right = await _engine.SingleTaskAsync(instance.Id, "right");
            using var go = new ManualResetEventSlim();
            var both = new[] { left, right }.Select(task => Task.Run(async () =>
            {
                go.Wait();
                await _engine.CompleteAsync(task, EngineHarness.Reviewer);
            })).ToList();
            go.Set();
            await Task.WhenAll(both);

            Assert.Single(await _engine.TasksAsync(instance.Id), t => t.ActivityId == "after");
            Assert.Single(await _engine.HistoryAsync(instance.Id), h => h.Kind == "GatewayJoined");
            Assert.True((await _engine.VerifyAsync(instance.Id)).Valid);
        }
    }
}
