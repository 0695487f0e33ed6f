namespace Workflows.Activities.Notifications.Recipients;

public enum RecipientSpecKind
{
    /// <summary>A bare name: the user of that name and every holder of the role of that name.</summary>
    UserOrRole,

    /// <summary><c>user:NAME</c>: exactly that user.</summary>
    User,

    /// <summary><c>role:NAME</c>: every holder of the role, in any unit.</summary>
    Role,

    /// <summary><c>unit:role</c>: holders of the role within the unit.</summary>
    UnitRole,

    /// <summary><c>unit:*</c>: everyone in the unit.</summary>
    Unit,
}

/// <summary>
/// Who a notification goes to, written the way <c>fz:candidateGroups</c> names people, so a
/// task's candidate groups can be notified as they are. A bare name matches a user and a role
/// alike because procedures name both the same way (<c>${assignee}</c>, <c>reviewer</c>);
/// <c>user:</c> and <c>role:</c> say which when it matters.
/// </summary>
public sealed record RecipientSpec(RecipientSpecKind Kind, string Name, string? Unit = null)
{
    public static RecipientSpec Parse(string spec)
    {
        var text = spec.Trim();
        if (text.Length == 0)
        {
            throw new FormatException("A recipient spec is empty.");
        }
        var colon = text.IndexOf(':');
        if (colon < 0)
        {
            return new(RecipientSpecKind.UserOrRole, text);
        }
        var head = text[..colon].Trim();
        var tail = text[(colon + 1)..].Trim();
        if (head.Length == 0 || tail.Length == 0 || tail.Contains(':'))
        {
            throw new FormatException($"'{text}' is not a recipient: use a user name, a role, unit:role or unit:*.");
        }
        return head.ToLowerInvariant() switch
        {
            "user" => new(RecipientSpecKind.User, tail),
            "role" => new(RecipientSpecKind.Role, tail),
            _ when tail == "*" => new(RecipientSpecKind.Unit, "*", head),
            _ => new(RecipientSpecKind.UnitRole, tail, head),
        };
    }

    public override string ToString() => Kind switch
    {
        RecipientSpecKind.User => "user:" + Name,
        RecipientSpecKind.Role => "role:" + Name,
        RecipientSpecKind.UnitRole or RecipientSpecKind.Unit => Unit + ":" + Name,
        _ => Name,
    };
}
