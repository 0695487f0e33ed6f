using System.Text;

namespace Workflows.Host.Tests.Robustness;

/// <summary>
/// Everything an admin can read of an installation that a request could change: every definition
/// version, every instance, every task in every status, and the journals of the instances named.
/// Taken before and after a refused request, the two must be equal: nothing was half-written.
/// </summary>
public static class NothingWritten
{
    public static async Task<string> SnapshotAsync(HttpClient admin, params Guid[] journals)
    {
        var state = new StringBuilder();
        state.AppendLine(await admin.GetStringAsync("/api/definitions"));
        state.AppendLine(await admin.GetStringAsync("/api/instances?take=500"));
        foreach (var status in new[] { "Open", "Completed", "Cancelled" })
        {
            state.AppendLine(await admin.GetStringAsync($"/api/tasks?status={status}"));
        }
        foreach (var instance in journals)
        {
            state.AppendLine(await admin.GetStringAsync($"/api/instances/{instance}/history"));
        }
        return state.ToString();
    }

    public static async Task AssertUnchangedAsync(HttpClient admin, string before, params Guid[] journals) =>
        Assert.Equal(before, await SnapshotAsync(admin, journals));
}
