using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workflows.Host.Tests.Infrastructure;

namespace Workflows.Host.Tests.Robustness;

/// <summary>
/// Requests by someone the contract does not allow, and requests about things that do not exist.
/// The tasks listing is the contract's visibility rule (an admin sees every task, others the tasks
/// they may act on and those of instances they started): asking for another instance's tasks is
/// not an error, it just shows nothing, so a listing cannot reveal what exists. Acting on what one
/// may see but not do is 403; on an instance one may not see at all, 404 as for an unknown id
/// (Infrastructure/InstanceAccess). Either way nothing changes.
/// </summary>
public sealed class WrongUserTests(HostFactory host) : IClassFixture<HostFactory>
{
    [Fact]
    public async Task ListTasks_ShowsNothing_ToSomeoneWhoMayNotSeeTheInstancesTasks()
    {
        var (instanceId, taskId) = await StartReviewAsync();
        using var expert = await host.ClientForAsync("expert");
        using var owner = await host.ClientForAsync("owner");
        using var reviewer = await host.ClientForAsync("reviewer");

        foreach (var query in new[] { $"?instanceId={instanceId}", $"?instanceId={instanceId}&status=Open", "", "?mine=true" })
        {
            var seen = await expert.GetFromJsonAsync<JsonElement>($"/api/tasks{query}");
            Assert.DoesNotContain(seen.EnumerateArray(), t => t.GetProperty("instanceId").GetGuid() == instanceId);
        }
        // The starter sees the task of the instance he started, but it is not his to act on.
        Assert.Contains((await owner.GetFromJsonAsync<JsonElement>($"/api/tasks?instanceId={instanceId}")).EnumerateArray(), t => t.GetProperty("id").GetGuid() == taskId);
        Assert.Empty((await owner.GetFromJsonAsync<JsonElement>($"/api/tasks?instanceId={instanceId}&mine=true")).EnumerateArray());
        Assert.Contains((await reviewer.GetFromJsonAsync<JsonElement>($"/api/tasks?instanceId={instanceId}&mine=true")).EnumerateArray(), t => t.GetProperty("id").GetGuid() == taskId);
    }

    [Theory]
    [InlineData("expert")]
    [InlineData("owner")]
    [InlineData("admin")]
    [InlineData("supervisor")]
    public async Task CompleteTask_Returns403AndChangesNothing_WhenNotTheTaskOfTheUser(string user)
    {
        var (instanceId, taskId) = await StartReviewAsync();
        using var admin = await host.ClientForAsync("admin");
        using var client = await host.ClientForAsync(user);
        var before = await NothingWritten.SnapshotAsync(admin, instanceId);

        var response = await client.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { outcome = "approve", variables = new { approved = true } });

        await Problem.AssertAsync(response, HttpStatusCode.Forbidden);
        await NothingWritten.AssertUnchangedAsync(admin, before, instanceId);
    }

    [Theory]
    [InlineData("reviewer", "cancel", HttpStatusCode.Forbidden)]
    [InlineData("expert", "cancel", HttpStatusCode.NotFound)]
    [InlineData("owner", "retry", HttpStatusCode.Forbidden)]
    [InlineData("supervisor", "retry", HttpStatusCode.Forbidden)]
    [InlineData("expert", "retry", HttpStatusCode.NotFound)]
    public async Task InstanceCommand_IsRefusedAndChangesNothing_WhenTheUserMayNot(string user, string command, HttpStatusCode status)
    {
        var (instanceId, _) = await StartReviewAsync();
        using var admin = await host.ClientForAsync("admin");
        using var client = await host.ClientForAsync(user);
        var before = await NothingWritten.SnapshotAsync(admin, instanceId);

        var response = await client.PostAsJsonAsync($"/api/instances/{instanceId}/{command}", new { reason = "不应允许" });

        await Problem.AssertAsync(response, status);
        await NothingWritten.AssertUnchangedAsync(admin, before, instanceId);
    }

    [Theory]
    [InlineData("GET", "/api/instances/{unknown}/history")]
    [InlineData("GET", "/api/instances/not-a-guid")]
    [InlineData("POST", "/api/tasks/not-a-guid/complete")]
    [InlineData("POST", "/api/definitions/no-such-key/versions/1/publish")]
    [InlineData("GET", "/api/definitions/robust-review/versions/999/xml")]
    public async Task Request_Returns404Problem_WhenTheThingDoesNotExist(string method, string path)
    {
        await StartReviewAsync();
        using var admin = await host.ClientForAsync("admin");
        var before = await NothingWritten.SnapshotAsync(admin);
        using var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("{unknown}", Guid.NewGuid().ToString()));
        if (method == "POST")
        {
            request.Content = JsonContent.Create(new { outcome = "approve" });
        }

        await Problem.AssertAsync(await admin.SendAsync(request), HttpStatusCode.NotFound);
        await NothingWritten.AssertUnchangedAsync(admin, before);
    }

    [Fact]
    public async Task ListTasks_IsEmpty_ForAnInstanceThatDoesNotExist()
    {
        using var admin = await host.ClientForAsync("admin");
        Assert.Empty((await admin.GetFromJsonAsync<JsonElement>($"/api/tasks?instanceId={Guid.NewGuid()}")).EnumerateArray());
    }

    [Fact]
    public async Task StartInstance_Returns404NamingDefinitionKey_WhenTheVersionDoesNotExist()
    {
        await StartReviewAsync();
        using var admin = await host.ClientForAsync("admin");
        using var owner = await host.ClientForAsync("owner");
        var before = await NothingWritten.SnapshotAsync(admin);

        var response = await owner.PostAsJsonAsync("/api/instances", new { definitionKey = RobustnessProcedures.Review, version = 42 });

        Assert.Equal(["definitionKey"], Problem.Targets(await Problem.AssertAsync(response, HttpStatusCode.NotFound)));
        await NothingWritten.AssertUnchangedAsync(admin, before);
    }

    private async Task<(Guid InstanceId, Guid TaskId)> StartReviewAsync()
    {
        using var admin = await host.ClientForAsync("admin");
        using var owner = await host.ClientForAsync("owner");
        await RobustnessProcedures.PublishAsync(admin, RobustnessProcedures.ReviewXml);
        var instanceId = await RobustnessProcedures.StartAsync(owner, RobustnessProcedures.Review);
        return (instanceId, await RobustnessProcedures.OpenTaskAsync(admin, instanceId, "review"));
    }
}
