using Microsoft.Extensions.DependencyInjection;
using Workflows.Engine.Bpmn.Model;
using Workflows.Engine.Instances;
using Workflows.Engine.Runtime;
using static Workflows.Engine.Tests.Runtime.Bpmn;

namespace Workflows.Engine.Tests.Runtime;

/// <summary>What the designer and the instance monitor ask of the engine: checks without storing, instances by start date, retry after a fix.</summary>
public sealed class MonitorQueryTests : IAsyncLifetime
{
    private EngineHarness _engine = null!;

    public async Task InitializeAsync() => _engine = await EngineHarness.StartAsync();

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    private static readonly string Simple = Process("simple", $"""
        <bpmn:startEvent id="start" />
        {UserTask("review")}
        <bpmn:endEvent id="end" />
        {Flow("start", "review")}
        {Flow("review", "end")}
        """);

    [Fact]
    public async Task ListInstances_FiltersByStartDate_WhenFromAndBeforeGiven()
    {
        await _engine.DeployAsync(Simple);
        var first = await _engine.StartAsync("simple");
        await _engine.AdvanceAsync(TimeSpan.FromDays(2));
        var second = await _engine.StartAsync("simple");
        await using var scope = _engine.Services.CreateAsyncScope();
        var queries = scope.ServiceProvider.GetRequiredService<IWorkflowQueries>();

        var later = await queries.ListInstancesAsync(new InstanceFilter(StartedFrom: EngineHarness.Monday.AddDays(1)));
        var earlier = await queries.ListInstancesAsync(new InstanceFilter(StartedBefore: EngineHarness.Monday.AddDays(1)));
        var window = await queries.ListInstancesAsync(new InstanceFilter(StartedFrom: EngineHarness.Monday.AddDays(3), StartedBefore: EngineHarness.Monday.AddDays(4)));

        Assert.Equal([second.Id], later.Select(i => i.Id));
        Assert.Equal([first.Id], earlier.Select(i => i.Id));
        Assert.Empty(window);
    }

    [Fact]
    public void ValidateDefinition_NamesFaultyElements_AndStoresNothing()
    {
        var xml = Process("faulty", $"""
            <bpmn:startEvent id="start" />
            {UserTask("review", "reviewer", "fz:due=\"seven days\"")}
            <bpmn:complexGateway id="odd" name="复杂网关" />
            <bpmn:endEvent id="end" />
            {Flow("start", "review")}
            {Flow("review", "odd")}
            {Flow("odd", "end")}
            """);

        var check = _engine.Runtime.ValidateDefinition(xml);

        Assert.Equal("faulty", check.Key);
        Assert.False(check.CanPublish);
        var errors = check.Issues.Where(i => i.Severity == IssueSeverity.Error).Select(i => i.ElementId).Distinct().Order().ToList();
        Assert.Equal(["odd", "review"], errors);
        Assert.True(_engine.Runtime.ValidateDefinition(Simple).CanPublish);
        Assert.Throws<WorkflowValidationException>(() => _engine.Runtime.ValidateDefinition("<not-bpmn/>"));
    }

    [Fact]
    public async Task Retry_CompletesTheInstance_WhenTheMissingCalledProcessWasPublished()
    {
        await _engine.DeployAsync(Process("caller", """
            <bpmn:startEvent id="start" />
            <bpmn:intermediateCatchEvent id="later"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            <bpmn:callActivity id="call" name="调用子流程" calledElement="callee" />
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="later" />
            <bpmn:sequenceFlow id="f1" sourceRef="later" targetRef="call" />
            <bpmn:sequenceFlow id="f2" sourceRef="call" targetRef="end" />
            """));
        var instance = await _engine.StartAsync("caller");
        await _engine.AdvanceAsync(TimeSpan.FromHours(2));
        var faulted = await _engine.InstanceAsync(instance.Id);
        Assert.Equal(InstanceStatus.Faulted, faulted.Status);
        Assert.Equal("call", faulted.FaultActivityId);

        await _engine.DeployAsync(Process("callee", """
            <bpmn:startEvent id="s" /><bpmn:endEvent id="e" /><bpmn:sequenceFlow id="f" sourceRef="s" targetRef="e" />
            """));
        await _engine.Runtime.RetryAsync(instance.Id, EngineHarness.Admin);

        Assert.Equal(InstanceStatus.Completed, (await _engine.InstanceAsync(instance.Id)).Status);
    }
}
