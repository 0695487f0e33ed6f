using Microsoft.Extensions.Options;
using Workflows.Activities.Notifications;
using Workflows.Activities.Notifications.Recipients;

namespace Workflows.Engine.Tests.Notifications;

public sealed class RecipientDirectoryTests
{
    private static readonly ConfiguredRecipientDirectory Directory = new(new FixedOptions(new NotificationOptions { People = NotificationHost.People() }));

    [Theory]
    [InlineData("reviewer", RecipientSpecKind.UserOrRole, "reviewer", null)]
    [InlineData(" user:owner ", RecipientSpecKind.User, "owner", null)]
    [InlineData("role:supervisor", RecipientSpecKind.Role, "supervisor", null)]
    [InlineData("legal-office:supervisor", RecipientSpecKind.UnitRole, "supervisor", "legal-office")]
    [InlineData("legal-office:*", RecipientSpecKind.Unit, "*", "legal-office")]
    public void Parse_Spec_ReadsKindNameAndUnit(string text, RecipientSpecKind kind, string name, string? unit)
    {
        Assert.Equal(new RecipientSpec(kind, name, unit), RecipientSpec.Parse(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData(":reviewer")]
    [InlineData("legal-office:")]
    [InlineData("a:b:c")]
    public void Parse_Malformed_Throws(string text) => Assert.Throws<FormatException>(() => RecipientSpec.Parse(text));

    [Theory]
    [InlineData("reviewer", "legal,reviewer")]
    [InlineData("role:reviewer", "legal,reviewer")]
    [InlineData("user:reviewer", "reviewer")]
    [InlineData("role:supervisor", "leader,supervisor")]
    [InlineData("legal-office:supervisor", "supervisor")]
    [InlineData("justice-bureau:supervisor", "leader")]
    [InlineData("legal-office:*", "legal,reviewer,supervisor")]
    [InlineData("owner", "owner")]
    [InlineData("nobody", "")]
    [InlineData("tax-bureau:*", "")]
    public async Task Resolve_Spec_FindsThePeopleItNames(string spec, string expected)
    {
        var people = await Directory.ResolveAsync(RecipientSpec.Parse(spec), CancellationToken.None);

        Assert.Equal(expected, string.Join(",", people.Select(p => p.UserName).Order()));
    }

    [Fact]
    public async Task Resolve_PersonWithoutEmail_HasNullAddressAndDisplayName()
    {
        var leader = Assert.Single(await Directory.ResolveAsync(RecipientSpec.Parse("user:leader"), CancellationToken.None));

        Assert.Equal(new NotificationRecipient("leader", "陈静", null), leader);
    }

    private sealed class FixedOptions(NotificationOptions value) : IOptionsMonitor<NotificationOptions>
    {
        public NotificationOptions CurrentValue => value;
        public NotificationOptions Get(string? name) => value;
        public IDisposable? OnChange(Action<NotificationOptions, string?> listener) => null;
    }
}
