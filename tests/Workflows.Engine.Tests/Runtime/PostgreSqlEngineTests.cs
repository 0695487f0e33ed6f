using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Engine.Instances;
using Workflows.Engine.Runtime;
using static Workflows.Engine.Tests.Runtime.Bpmn;

namespace Workflows.Engine.Tests.Runtime;

/// <summary>The same engine on a real PostgreSQL server: migrations, concurrency and the journal.</summary>
public sealed class PostgreSqlEngineTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private EngineHarness _engine = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _engine = await EngineHarness.StartAsync(database: _database);
    }

    public async Task DisposeAsync()
    {
        await _engine.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task ListInstances_FiltersByStartDate_OnPostgreSql()
    {
        await _engine.DeployAsync(Process("pg-dates", $"""
            <bpmn:startEvent id="start" />
            {UserTask("review")}
            {Flow("start", "review")}
            """));
        var first = await _engine.StartAsync("pg-dates");
        await _engine.AdvanceAsync(TimeSpan.FromDays(2));
        var second = await _engine.StartAsync("pg-dates");
        await using var scope = _engine.Services.CreateAsyncScope();
        var queries = scope.ServiceProvider.GetRequiredService<IWorkflowQueries>();

        var later = await queries.ListInstancesAsync(new InstanceFilter("pg-dates", StartedFrom: EngineHarness.Monday.AddDays(1)));
        var earlier = await queries.ListInstancesAsync(new InstanceFilter("pg-dates", StartedBefore: EngineHarness.Monday.AddDays(1)));

        Assert.Equal([second.Id], later.Select(i => i.Id));
        Assert.Equal([first.Id], earlier.Select(i => i.Id));
    }

    [Fact]
    public async Task Instance_RunsToCompletion_WithValidJournal_OnPostgreSql()
    {
        await _engine.DeployAsync(Process("pg-flow", $"""
            <bpmn:startEvent id="start" />
            <bpmn:parallelGateway id="fork" />
            {UserTask("legal", "legal")}
            <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            <bpmn:parallelGateway id="join" />
            <bpmn:endEvent id="end" />
            {Flow("start", "fork")}
            {Flow("fork", "legal")}
            {Flow("fork", "wait")}
            {Flow("legal", "join")}
            {Flow("wait", "join")}
            {Flow("join", "end")}
            """));
        var instance = await _engine.StartAsync("pg-flow", new JsonObject { ["标题"] = "公平竞争审查" });

        await _engine.CompleteAsync(await _engine.SingleTaskAsync(instance.Id, "legal"), EngineHarness.Actor("l", "legal"));
        await _engine.AdvanceAsync(TimeSpan.FromDays(1));

        var view = await _engine.InstanceAsync(instance.Id);
        Assert.Equal(InstanceStatus.Completed, view.Status);
        Assert.Equal("公平竞争审查", (string?)view.Variables["标题"]);
        Assert.True((await _engine.VerifyAsync(instance.Id)).Valid);
    }

    [Fact]
    public async Task CompleteTask_HasExactlyOneWinner_OnPostgreSql()
    {
        await _engine.DeployAsync(Process("pg-race", $"""
            <bpmn:startEvent id="start" />
            {UserTask("review")}
            {UserTask("next", "owner")}
            {Flow("start", "review")}
            {Flow("review", "next")}
            """));
        // Many rounds: under READ COMMITTED a stale read only loses when the interleaving is just so.
        for (var round = 0; round < 15; round++)
        {
            await OneWinnerRoundAsync();
        }
    }

    private async Task OneWinnerRoundAsync()
    {
        var instance = await _engine.StartAsync("pg-race");
        var task = await _engine.SingleTaskAsync(instance.Id, "review");
        using var go = new ManualResetEventSlim();
        var racers = Enumerable.Range(0, 4).Select(i => Task.Run(async () =>
        {
            go.Wait();
            try
            {
                await _engine.CompleteAsync(task, EngineHarness.Actor($"r{i}", "reviewer"));
                return true;
            }
            catch (WorkflowConflictException)
            {
                return false;
            }
        })).ToList();
        go.Set();
        var results = await Task.WhenAll(racers);

        Assert.Single(results, won => won);
        Assert.Single(await _engine.TasksAsync(instance.Id), t => t.ActivityId == "next");
        Assert.Single(await _engine.HistoryAsync(instance.Id), h => h.Kind == "TaskCompleted");
    }
}
