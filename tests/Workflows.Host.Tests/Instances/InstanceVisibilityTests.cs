using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workflows.Host.Tests.Documents;
using Workflows.Host.Tests.Infrastructure;

namespace Workflows.Host.Tests.Instances;

/// <summary>
/// Who sees an instance (InstanceAccess): admins, supervisors, the legal affairs office and leaders see
/// all; everyone else the instances they started or hold or held a task in. Anyone else gets 404 on
/// the instance, its journal and its documents — the same answer as for an id that does not exist.
/// </summary>
public sealed class InstanceVisibilityTests(HostFactory host) : IClassFixture<HostFactory>
{
    [Fact]
    public async Task AnOutsider_Gets404_OnTheInstanceItsJournalAndItsDocuments()
    {
        await HostApi.PublishAsync(host, Samples.HelloReview);
        var instanceId = await HostApi.StartAsync(host, "hello-review", variables: new { title = "关于规范行政裁量权基准的通知" });
        using var owner = await host.ClientForAsync("owner");
        var upload = await owner.PostAsync($"/api/instances/{instanceId}/documents", DocumentUploads.Form(DocumentUploads.Pdf(), DocumentUploads.ChineseFileName));
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var documentId = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var taskId = (await HostApi.OpenTaskAsync(host, instanceId)).GetProperty("id").GetGuid();

        // The expert neither started it nor holds a task in it.
        using var expert = await host.ClientForAsync("expert");
        var missing = Guid.NewGuid();
        foreach (var path in new[]
        {
            $"/api/instances/{instanceId}", $"/api/instances/{instanceId}/history", $"/api/instances/{instanceId}/history/verify",
            $"/api/instances/{instanceId}/documents", $"/api/documents/{documentId}", $"/api/documents/{documentId}/content", $"/api/tasks/{taskId}",
        })
        {
            var hidden = await Problem.AssertAsync(await expert.GetAsync(path), HttpStatusCode.NotFound);
            var absent = await Problem.AssertAsync(await expert.GetAsync(path.Replace(instanceId.ToString(), missing.ToString()).Replace(documentId.ToString(), missing.ToString()).Replace(taskId.ToString(), missing.ToString())), HttpStatusCode.NotFound);
            Assert.Equal(absent.GetProperty("title").GetString(), hidden.GetProperty("title").GetString());
        }
        await Problem.AssertAsync(await expert.PostAsync($"/api/instances/{instanceId}/documents", DocumentUploads.Form(DocumentUploads.Pdf(), "意见.pdf")), HttpStatusCode.NotFound);
        await Problem.AssertAsync(await expert.PostAsJsonAsync($"/api/instances/{instanceId}/cancel", new { reason = "无关人员" }), HttpStatusCode.NotFound);
        Assert.DoesNotContain(await ListAsync(expert), id => id == instanceId);

        // The starter, the reviewer who holds the task, and the overseeing roles see it.
        foreach (var userName in new[] { "owner", "reviewer", "leader", "legal", "supervisor", "admin" })
        {
            using var client = await host.ClientForAsync(userName);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/instances/{instanceId}")).StatusCode);
            Assert.Single((await client.GetFromJsonAsync<JsonElement>($"/api/instances/{instanceId}/documents")).EnumerateArray());
            Assert.Contains(await ListAsync(client), id => id == instanceId);
        }
    }

    [Fact]
    public async Task TheReviewer_StillSeesTheInstance_AfterCompletingTheirTask()
    {
        await HostApi.PublishAsync(host, Samples.HelloReview);
        var instanceId = await HostApi.StartAsync(host, "hello-review", variables: new { title = "关于行政执法公示的规定" });
        var taskId = (await HostApi.OpenTaskAsync(host, instanceId)).GetProperty("id").GetGuid();
        using var reviewer = await host.ClientForAsync("reviewer");

        Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { outcome = "approve", variables = new { approved = true } })).StatusCode);

        var instance = await reviewer.GetFromJsonAsync<JsonElement>($"/api/instances/{instanceId}");
        Assert.Equal("Completed", instance.GetProperty("status").GetString());
        Assert.Contains(await ListAsync(reviewer, "?status=Completed"), id => id == instanceId);
    }

    private static async Task<List<Guid>> ListAsync(HttpClient client, string query = "") =>
        [.. (await client.GetFromJsonAsync<JsonElement>($"/api/instances{query}")).EnumerateArray().Select(i => i.GetProperty("id").GetGuid())];
}
