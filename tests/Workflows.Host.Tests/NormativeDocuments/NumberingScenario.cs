using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Workflows.Host.Tests.NormativeDocuments;

/// <summary>
/// Registrations of two issuing bodies racing each other: every number of a body's sequence is
/// given once, none is skipped, and each body counts on its own.
/// </summary>
public static class NumberingScenario
{
    public static async Task RunAsync(NormativeFlow flow)
    {
        var documents = await flow.DriveToRegistrationAsync(
            [.. Enumerable.Range(1, 6).Select(i => ("county-gov", $"县政府规范性文件（并发登记）第{i}件")),
             .. Enumerable.Range(1, 3).Select(i => ("county-drc", $"县发改局规范性文件（并发登记）第{i}件"))]);

        var year = (await flow.TodayAsync()).Year; // the registration year, whatever other tests did to the clock
        var responses = await Task.WhenAll(documents.Select(d => flow.RegisterAsync(d.Id)));
        foreach (var response in responses)
        {
            Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        }
        var numbers = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString()!));

        Assert.Equal([.. Enumerable.Range(1, 6).Select(i => $"县政规〔{year}〕{i}号")], numbers.Where(n => n.StartsWith("县政规")).Order(StringComparer.Ordinal));
        Assert.Equal([.. Enumerable.Range(1, 3).Select(i => $"县发改规〔{year}〕{i}号")], numbers.Where(n => n.StartsWith("县发改规")).Order(StringComparer.Ordinal));
        foreach (var (_, instance) in documents)
        {
            Assert.Equal(["publication"], await flow.ActiveAsync(instance));
        }
    }
}
