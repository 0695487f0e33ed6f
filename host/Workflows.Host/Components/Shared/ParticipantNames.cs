using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Workflows.Host.Accounts;
using Workflows.Host.Resources;

namespace Workflows.Host.Components.Shared;

/// <summary>
/// People and groups as the pages name them: a user's display name, a role's name in the page's
/// language, a <c>unit:role</c> group as "unit name · role". Unknown codes are shown as they are.
/// </summary>
public sealed class ParticipantNames(IReadOnlyDictionary<string, string> users, IReadOnlyDictionary<string, string> units, IStringLocalizer<UiText> text)
{
    public static async Task<ParticipantNames> LoadAsync(AccountsDbContext accounts, IStringLocalizer<UiText> text, CancellationToken cancellationToken)
    {
        var users = await accounts.Users.AsNoTracking()
            .Where(u => u.UserName != null && u.DisplayName != null)
            .Select(u => new { u.UserName, u.DisplayName })
            .ToListAsync(cancellationToken);
        var units = await accounts.Units.AsNoTracking().Select(u => new { u.Code, u.Name }).ToListAsync(cancellationToken);
        return new ParticipantNames(
            users.ToDictionary(u => u.UserName!, u => u.DisplayName!, StringComparer.OrdinalIgnoreCase),
            units.ToDictionary(u => u.Code, u => u.Name, StringComparer.OrdinalIgnoreCase),
            text);
    }

    public static ParticipantNames Empty(IStringLocalizer<UiText> text) =>
        new(new Dictionary<string, string>(), new Dictionary<string, string>(), text);

    public string User(string? userName) =>
        string.IsNullOrEmpty(userName) ? text["Common.None"]
        : userName == "system" ? text["Common.System"]
        : users.TryGetValue(userName, out var display) && display != userName ? $"{display}（{userName}）" : userName;

    public string Role(string role)
    {
        var name = text["Role." + role];
        return name.ResourceNotFound ? role : name;
    }

    public string Group(string group)
    {
        var colon = group.IndexOf(':');
        if (colon < 0)
        {
            return Role(group);
        }
        var unit = group[..colon];
        var role = group[(colon + 1)..];
        var unitName = units.TryGetValue(unit, out var name) ? name : unit;
        return role == "*" ? text["Group.WholeUnit", unitName] : $"{unitName} · {Role(role)}";
    }
}
