using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Workflows.Host.Tests.Infrastructure;

namespace Workflows.Host.Tests.Robustness;

/// <summary>
/// The 21 OMG MIWG reference models through <c>POST /api/definitions</c>, as drafts and with
/// <c>?publish=true</c>: each is stored (201) or refused with a 400 whose errors name the element
/// ids and types at fault, never a 500; a refusal stores nothing, and a draft whose publication is
/// refused stays as it was.
/// </summary>
public sealed class MiwgUploadTests(HostFactory host) : IClassFixture<HostFactory>
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Robustness", "Conformance");

    public static TheoryData<string, bool> Uploads()
    {
        var data = new TheoryData<string, bool>();
        foreach (var file in Directory.GetFiles(Folder, "*.bpmn").Select(Path.GetFileName).Order())
        {
            data.Add(file!, false);
            data.Add(file!, true);
        }
        return data;
    }

    [Fact]
    public void Uploads_CoverAllTwentyOneReferenceModels() =>
        Assert.Equal(42, Uploads().Count);

    [Theory]
    [MemberData(nameof(Uploads))]
    public async Task UploadDefinition_Returns201Or400NamingElements_ForEachMiwgFile(string file, bool publish)
    {
        var xml = await File.ReadAllTextAsync(Path.Combine(Folder, file));
        var ids = XDocument.Parse(xml).Descendants().Select(e => (string?)e.Attribute("id")).OfType<string>().ToHashSet();
        using var admin = await host.ClientForAsync("admin");
        var before = await NothingWritten.SnapshotAsync(admin);

        var response = await admin.PostAsync(publish ? "/api/definitions?publish=true" : "/api/definitions", new StringContent(xml, Encoding.UTF8, "application/xml"));

        if (response.StatusCode == HttpStatusCode.Created)
        {
            var stored = await response.Content.ReadFromJsonAsync<JsonElement>();
            AssertNamesElements(stored.GetProperty("issues"), ids, file);
            var key = stored.GetProperty("key").GetString()!;
            var version = stored.GetProperty("version").GetInt32();
            Assert.Equal(xml, await admin.GetStringAsync($"/api/definitions/{Uri.EscapeDataString(key)}/versions/{version}/xml"));
            if (publish)
            {
                Assert.Equal("Published", stored.GetProperty("status").GetString());
            }
            else if (stored.GetProperty("created").GetBoolean())
            {
                Assert.Equal("Draft", stored.GetProperty("status").GetString());
                await AssertRefusedPublicationKeepsDraftAsync(admin, stored, key, version, ids, file);
            }
        }
        else
        {
            var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
            AssertNamesElements(problem.GetProperty("errors"), ids, file);
            await NothingWritten.AssertUnchangedAsync(admin, before);
        }
    }

    /// <summary>Publishing a draft with errors answers 400 naming the same elements, and the draft stays fetchable, still a draft.</summary>
    private static async Task AssertRefusedPublicationKeepsDraftAsync(HttpClient admin, JsonElement stored, string key, int version, HashSet<string> ids, string file)
    {
        var errors = stored.GetProperty("issues").EnumerateArray()
            .Where(i => i.GetProperty("severity").GetString() == "Error")
            .Select(i => i.GetProperty("target").GetString()!)
            .ToHashSet();
        if (errors.Count == 0)
        {
            return;
        }
        var before = await NothingWritten.SnapshotAsync(admin);
        var refused = await admin.PostAsync($"/api/definitions/{Uri.EscapeDataString(key)}/versions/{version}/publish", null);

        var problem = await Problem.AssertAsync(refused, HttpStatusCode.BadRequest);
        AssertNamesElements(problem.GetProperty("errors"), ids, file);
        Assert.Equal(errors, Problem.Targets(problem).ToHashSet());
        await NothingWritten.AssertUnchangedAsync(admin, before);
        var versions = await admin.GetFromJsonAsync<JsonElement>($"/api/definitions?key={Uri.EscapeDataString(key)}");
        Assert.Equal("Draft", versions.EnumerateArray().Single(d => d.GetProperty("version").GetInt32() == version).GetProperty("status").GetString());
        var xml = await admin.GetAsync($"/api/definitions/{Uri.EscapeDataString(key)}/versions/{version}/xml");
        Assert.Equal(HttpStatusCode.OK, xml.StatusCode);
    }

    /// <summary>Each entry names an element of the file by id, says what kind of element it is, and says what is wrong.</summary>
    private static void AssertNamesElements(JsonElement entries, HashSet<string> ids, string file)
    {
        foreach (var entry in entries.EnumerateArray())
        {
            var target = entry.GetProperty("target").GetString();
            Assert.True(target is not null && ids.Contains(target), $"{file}: '{target}' is not an element id of the file: {entry}");
            Assert.False(string.IsNullOrWhiteSpace(entry.GetProperty("elementType").GetString()), $"{file}: no element type in {entry}");
            Assert.False(string.IsNullOrWhiteSpace(entry.GetProperty("message").GetString()), $"{file}: no message in {entry}");
        }
    }
}
