using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Activities.Documents;
using Workflows.Engine.Runtime;
using Workflows.Engine.Tests.Runtime;
using static Workflows.Engine.Tests.Runtime.Bpmn;

namespace Workflows.Engine.Tests.Documents;

public sealed class DocumentStoreTests : IAsyncLifetime
{
    private EngineHarness _engine = null!;
    private Guid _instanceId;

    public async Task InitializeAsync()
    {
        _engine = await EngineHarness.StartAsync(b => b.AddDocuments());
        await _engine.DeployAsync(Process("with-documents", $"""
            <bpmn:startEvent id="start" />
            {UserTask("draft", "owner")}
            {Flow("start", "draft")}
            """));
        _instanceId = (await _engine.StartAsync("with-documents")).Id;
    }

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    private DocumentStore Store => _engine.Services.GetRequiredService<DocumentStore>();

    private static MemoryStream Pdf(string text) => new(Encoding.UTF8.GetBytes("%PDF-1.7\n" + text));

    [Fact]
    public async Task Add_StoresTheFile_AndJournalsItsHash()
    {
        var bytes = Pdf("关于规范行政执法行为的意见（征求意见稿）").ToArray();

        var document = await Store.AddAsync(new DocumentUpload("征求意见稿.pdf", "application/pdf", new MemoryStream(bytes), "draft", _instanceId, ActivityId: "draft"), EngineHarness.Owner, CancellationToken.None);

        Assert.Equal(bytes, await Store.ReadAsync(document.Id, CancellationToken.None));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), document.Sha256);
        var entry = Assert.Single(await _engine.HistoryAsync(_instanceId), h => h.Kind == DocumentStore.JournalKind);
        Assert.Equal((document.Sha256, "owner", "draft"), ((string)entry.Data!["sha256"]!, entry.Actor!, entry.ActivityId!));
        Assert.Equal([document.Id], (await Store.ListAsync(_instanceId, null, CancellationToken.None)).Select(d => d.Id));
    }

    [Theory]
    [InlineData("setup.pdf", "MZ\u0090\u0000 an executable", "not a .pdf file")]
    [InlineData("tool.exe", "MZ", "not accepted")]
    [InlineData("empty.pdf", "", "empty")]
    [InlineData("", "%PDF", "name")]
    public async Task Add_RefusesBadFiles_NamingTheField_AndStoresNothing(string fileName, string content, string expected)
    {
        var error = await Assert.ThrowsAsync<WorkflowValidationException>(() => Store.AddAsync(
            new DocumentUpload(fileName, null, new MemoryStream(Encoding.Latin1.GetBytes(content)), "draft", _instanceId), EngineHarness.Owner, CancellationToken.None));

        Assert.Equal("file", error.Errors.Single().Target);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Empty(await Store.ListAsync(_instanceId, null, CancellationToken.None));
        Assert.DoesNotContain(await _engine.HistoryAsync(_instanceId), h => h.Kind == DocumentStore.JournalKind);
    }

    [Fact]
    public async Task Add_RefusesFilesOverTheLimit()
    {
        var big = new MemoryStream(new byte[21 * 1024 * 1024]);
        big.Write("%PDF"u8);
        big.Position = 0;

        var error = await Assert.ThrowsAsync<WorkflowValidationException>(() => Store.AddAsync(
            new DocumentUpload("scan.pdf", "application/pdf", big, "draft", _instanceId), EngineHarness.Owner, CancellationToken.None));

        Assert.Contains("20 MiB", error.Message, StringComparison.Ordinal);
    }
}
