using Microsoft.Extensions.Options;

namespace Workflows.Activities.Notifications.Recipients;

/// <summary>One person as configured under <c>Workflows:Notifications:People</c>.</summary>
public sealed class DirectoryPerson
{
    public string UserName { get; set; } = "";
    public string? DisplayName { get; set; }
    public string? Email { get; set; }
    public string? Unit { get; set; }
    public List<string> Roles { get; set; } = [];
}

/// <summary>
/// The stand-in directory: people listed in configuration (or set in code by tests). Replaced
/// by the host's own implementation once user accounts exist; registered with TryAdd for that.
/// </summary>
public sealed class ConfiguredRecipientDirectory(IOptionsMonitor<NotificationOptions> options) : IRecipientDirectory
{
    public Task<IReadOnlyList<NotificationRecipient>> ResolveAsync(RecipientSpec spec, CancellationToken cancellationToken)
    {
        var people = options.CurrentValue.People.Where(p => !string.IsNullOrWhiteSpace(p.UserName) && Matches(p, spec));
        IReadOnlyList<NotificationRecipient> result =
            [.. people.Select(p => new NotificationRecipient(p.UserName, string.IsNullOrWhiteSpace(p.DisplayName) ? p.UserName : p.DisplayName, NullIfBlank(p.Email)))];
        return Task.FromResult(result);
    }

    private static bool Matches(DirectoryPerson person, RecipientSpec spec) => spec.Kind switch
    {
        RecipientSpecKind.User => Same(person.UserName, spec.Name),
        RecipientSpecKind.Role => HasRole(person, spec.Name),
        RecipientSpecKind.UserOrRole => Same(person.UserName, spec.Name) || HasRole(person, spec.Name),
        RecipientSpecKind.UnitRole => Same(person.Unit, spec.Unit) && HasRole(person, spec.Name),
        RecipientSpecKind.Unit => Same(person.Unit, spec.Unit),
        _ => false,
    };

    private static bool HasRole(DirectoryPerson person, string role) => person.Roles.Any(r => Same(r, role));

    private static bool Same(string? a, string? b) => a is not null && b is not null && string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
