using Microsoft.EntityFrameworkCore;
using static Workflows.Engine.Tests.Runtime.Bpmn;

namespace Workflows.Engine.Tests.Runtime;

public sealed class JournalTests : IAsyncLifetime
{
    private EngineHarness _engine = null!;

    public async Task InitializeAsync() => _engine = await EngineHarness.StartAsync();

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    private async Task<Guid> InstanceWithHistoryAsync()
    {
        await _engine.DeployAsync(Process("audited", $"""
            <bpmn:startEvent id="start" />
            {UserTask("review")}
            {UserTask("sign", "leader")}
            {Flow("start", "review")}
            {Flow("review", "sign")}
            """));
        var instance = await _engine.StartAsync("audited");
        await _engine.CompleteAsync(await _engine.SingleTaskAsync(instance.Id, "review"), EngineHarness.Reviewer, "approve");
        return instance.Id;
    }

    [Fact]
    public async Task History_IsChained_EachEntryPointingToThePrevious()
    {
        var id = await InstanceWithHistoryAsync();
        var history = await _engine.HistoryAsync(id);

        Assert.Equal(Enumerable.Range(1, history.Count).Select(i => (long)i), history.Select(h => h.Sequence));
        Assert.Equal(Journal.JournalChain.Genesis, history[0].PreviousHash);
        for (var i = 1; i < history.Count; i++)
        {
            Assert.Equal(history[i - 1].Hash, history[i].PreviousHash);
        }
        Assert.Equal("reviewer", history.Single(h => h.Kind == "TaskCompleted").Actor);
    }

    [Fact]
    public async Task Verify_ReportsFirstBrokenLink_WhenAnEntryIsEdited()
    {
        var id = await InstanceWithHistoryAsync();
        var target = (await _engine.HistoryAsync(id)).Single(h => h.Kind == "TaskCompleted").Sequence;

        await _engine.QueryAsync(db => db.Journal
            .Where(j => j.InstanceId == id && j.Sequence == target)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Data, "{\"outcome\":\"reject\"}")));

        var result = await _engine.VerifyAsync(id);
        Assert.False(result.Valid);
        Assert.Equal(target, result.FirstBrokenSequence);
    }

    [Fact]
    public async Task Verify_ReportsGap_WhenAnEntryIsDeleted()
    {
        var id = await InstanceWithHistoryAsync();
        await _engine.QueryAsync(db => db.Journal.Where(j => j.InstanceId == id && j.Sequence == 3).ExecuteDeleteAsync());

        var result = await _engine.VerifyAsync(id);
        Assert.False(result.Valid);
        Assert.Equal(3, result.FirstBrokenSequence);
    }

    [Fact]
    public async Task Verify_ReportsTruncation_WhenTheLastEntriesAreDeleted()
    {
        var id = await InstanceWithHistoryAsync();
        var last = (await _engine.HistoryAsync(id))[^1].Sequence;
        await _engine.QueryAsync(db => db.Journal.Where(j => j.InstanceId == id && j.Sequence == last).ExecuteDeleteAsync());

        var result = await _engine.VerifyAsync(id);
        Assert.False(result.Valid);
        Assert.Equal(last, result.FirstBrokenSequence);
    }

    [Fact]
    public async Task Verify_IsValid_ForUntouchedJournal()
    {
        var id = await InstanceWithHistoryAsync();
        var result = await _engine.VerifyAsync(id);
        Assert.True(result.Valid);
        Assert.Null(result.FirstBrokenSequence);
    }
}
