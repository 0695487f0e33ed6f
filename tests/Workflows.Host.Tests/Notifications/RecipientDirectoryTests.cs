using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Activities.Notifications.Recipients;
using Workflows.Host.Accounts;
using Workflows.Host.Notifications;
using Workflows.Host.Tests.Infrastructure;

namespace Workflows.Host.Tests.Notifications;

/// <summary>
/// Recipient specs resolved against the seeded demo county (县司法局 <c>legal-office</c>: admin, reviewer,
/// legal, expert, supervisor; 县发展和改革局 <c>county-drc</c>: owner; 县人民政府 <c>county-gov</c>: leader).
/// </summary>
public sealed class RecipientDirectoryTests(HostFactory host) : IClassFixture<HostFactory>, IAsyncLifetime
{
    /// <summary>A second reviewer, in another unit, so role and unit:role give different answers.</summary>
    private const string TownReviewer = "town-reviewer";

    public async Task InitializeAsync()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<WorkflowUser>>();
        if (await users.FindByNameAsync(TownReviewer) is null)
        {
            var user = new WorkflowUser { UserName = TownReviewer, DisplayName = "城关镇审查员", UnitCode = "town-chengguan", Email = "town-reviewer@fazhi.local" };
            Assert.True((await users.CreateAsync(user, "Town@12345")).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.Reviewer)).Succeeded);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void Directory_IsTheAccountsDirectory()
    {
        Assert.IsType<AccountsRecipientDirectory>(host.Services.GetRequiredService<IRecipientDirectory>());
    }

    [Theory]
    [InlineData("reviewer", new[] { "reviewer", TownReviewer })]
    [InlineData("role:reviewer", new[] { "reviewer", TownReviewer })]
    [InlineData("user:reviewer", new[] { "reviewer" })]
    [InlineData("legal-office:reviewer", new[] { "reviewer" })]
    [InlineData("town-chengguan:reviewer", new[] { TownReviewer })]
    [InlineData("LEGAL-OFFICE:Supervisor", new[] { "supervisor" })]
    [InlineData("legal-office:*", new[] { "admin", "expert", "legal", "reviewer", "supervisor" })]
    [InlineData("county-gov:*", new[] { "leader" })]
    [InlineData("county-drc:reviewer", new string[0])]
    [InlineData("nobody", new string[0])]
    [InlineData("no-such-unit:*", new string[0])]
    public async Task Resolve_FindsThePeopleTheSpecNames(string spec, string[] expected)
    {
        var people = await Resolve(spec);

        Assert.Equal(expected.Order(StringComparer.Ordinal), people.Select(p => p.UserName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Resolve_GivesEachPersonTheirDisplayNameAndEmail()
    {
        var person = Assert.Single(await Resolve("user:reviewer"));

        Assert.Equal(new NotificationRecipient("reviewer", "审查科员（县司法局）", "reviewer@fazhi.local"), person);
    }

    private async Task<IReadOnlyList<NotificationRecipient>> Resolve(string spec) =>
        await host.Services.GetRequiredService<IRecipientDirectory>().ResolveAsync(RecipientSpec.Parse(spec), CancellationToken.None);
}
