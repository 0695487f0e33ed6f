namespace Workflows.Activities.Notifications;

/// <summary>Why a person is told something; shown as the inbox item's category.</summary>
public enum NotificationKind
{
    Info,
    Assignment,
    Reminder,
    Escalation,
    Overdue,
    Digest,
}

[Flags]
public enum NotificationChannels
{
    None = 0,
    InApp = 1,
    Email = 2,
    All = InApp | Email,
}

/// <summary>
/// The stable names used in payloads and BPMN attributes (<c>fz:kind</c>, <c>fz:channels</c>):
/// persisted outbox messages must read the same after any rename in code.
/// </summary>
public static class NotificationNames
{
    public static string Of(NotificationKind kind) => kind.ToString().ToLowerInvariant();

    public static bool TryParseKind(string? text, out NotificationKind kind)
    {
        kind = NotificationKind.Info;
        return !string.IsNullOrWhiteSpace(text)
            && !int.TryParse(text, out _)
            && Enum.TryParse(text.Trim(), ignoreCase: true, out kind)
            && Enum.IsDefined(kind);
    }

    public static IReadOnlyList<string> Of(NotificationChannels channels)
    {
        var names = new List<string>(2);
        if (channels.HasFlag(NotificationChannels.InApp))
        {
            names.Add("inapp");
        }
        if (channels.HasFlag(NotificationChannels.Email))
        {
            names.Add("email");
        }
        return names;
    }

    /// <summary>Reads <c>inapp</c> / <c>email</c> names; returns the first unknown one in <paramref name="unknown"/>.</summary>
    public static NotificationChannels ParseChannels(IEnumerable<string> names, out string? unknown)
    {
        unknown = null;
        var channels = NotificationChannels.None;
        foreach (var raw in names)
        {
            var name = raw.Trim();
            switch (name.ToLowerInvariant())
            {
                case "":
                    break;
                case "inapp" or "in-app":
                    channels |= NotificationChannels.InApp;
                    break;
                case "email" or "mail":
                    channels |= NotificationChannels.Email;
                    break;
                default:
                    unknown ??= name;
                    break;
            }
        }
        return channels;
    }
}
