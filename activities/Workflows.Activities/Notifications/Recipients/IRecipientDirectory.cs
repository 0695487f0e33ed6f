namespace Workflows.Activities.Notifications.Recipients;

/// <summary>A person a notification reaches. <see cref="Email"/> is null for people who only read the in-app inbox.</summary>
public sealed record NotificationRecipient(string UserName, string DisplayName, string? Email);

/// <summary>
/// Resolves recipient specs to people. The host implements it over its user accounts and units;
/// until then <see cref="ConfiguredRecipientDirectory"/> reads people from configuration.
/// </summary>
public interface IRecipientDirectory
{
    /// <summary>Everyone the spec names; empty when it names nobody (never throws for an unknown name).</summary>
    Task<IReadOnlyList<NotificationRecipient>> ResolveAsync(RecipientSpec spec, CancellationToken cancellationToken);
}
