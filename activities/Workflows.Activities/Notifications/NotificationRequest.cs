using System.Text.Json.Nodes;

namespace Workflows.Activities.Notifications;

/// <summary>
/// What to tell whom: the payload of a <c>notification.send</c> outbox message. Either
/// <see cref="Title"/>/<see cref="Body"/> already rendered, or a <see cref="Template"/> key with
/// <see cref="Data"/> rendered when the message is sent (see <see cref="Templates.NotificationTemplateKeys"/>).
/// </summary>
public sealed record NotificationRequest
{
    /// <summary>Recipient specs: a user name, a role (<c>reviewer</c>), <c>unit:role</c> or <c>unit:*</c>.</summary>
    public required IReadOnlyList<string> Recipients { get; init; }
    public NotificationChannels Channels { get; init; } = NotificationChannels.All;
    public NotificationKind Kind { get; init; } = NotificationKind.Info;
    public string? Title { get; init; }
    public string? Body { get; init; }
    public string? Template { get; init; }
    public JsonObject? Data { get; init; }

    /// <summary>An application path (<c>/tasks/{id}</c>) or an absolute URL; defaults to the task's page when <see cref="TaskId"/> is set.</summary>
    public string? Link { get; init; }
    public Guid? InstanceId { get; init; }
    public Guid? TaskId { get; init; }

    /// <summary>The persisted form. Its property names and values are a stored format: change them only with a reader for the old one.</summary>
    public JsonObject ToPayload()
    {
        var payload = new JsonObject
        {
            ["recipients"] = new JsonArray([.. Recipients.Select(r => (JsonNode?)JsonValue.Create(r))]),
            ["channels"] = new JsonArray([.. NotificationNames.Of(Channels).Select(c => (JsonNode?)JsonValue.Create(c))]),
            ["kind"] = NotificationNames.Of(Kind),
        };
        Put(payload, "title", Title);
        Put(payload, "body", Body);
        Put(payload, "template", Template);
        if (Data is not null)
        {
            payload["data"] = Data.DeepClone();
        }
        Put(payload, "link", Link);
        Put(payload, "instanceId", InstanceId?.ToString());
        Put(payload, "taskId", TaskId?.ToString());
        return payload;
    }

    /// <exception cref="FormatException">The payload is not a notification request.</exception>
    public static NotificationRequest FromPayload(JsonObject payload)
    {
        if (payload["recipients"] is not JsonArray recipients)
        {
            throw new FormatException("A notification request needs a 'recipients' list.");
        }
        var channels = NotificationChannels.All;
        if (payload["channels"] is JsonArray names)
        {
            channels = NotificationNames.ParseChannels(names.Select(n => n?.GetValue<string>() ?? ""), out var unknown);
            if (unknown is not null)
            {
                throw new FormatException($"Unknown notification channel '{unknown}'.");
            }
        }
        var kindText = (string?)payload["kind"];
        if (!NotificationNames.TryParseKind(kindText ?? "info", out var kind))
        {
            throw new FormatException($"Unknown notification kind '{kindText}'.");
        }
        return new NotificationRequest
        {
            Recipients = [.. recipients.Select(r => r?.GetValue<string>()).OfType<string>()],
            Channels = channels,
            Kind = kind,
            Title = (string?)payload["title"],
            Body = (string?)payload["body"],
            Template = (string?)payload["template"],
            Data = payload["data"]?.DeepClone() as JsonObject,
            Link = (string?)payload["link"],
            InstanceId = ParseGuid(payload["instanceId"]),
            TaskId = ParseGuid(payload["taskId"]),
        };
    }

    private static void Put(JsonObject payload, string name, string? value)
    {
        if (value is not null)
        {
            payload[name] = value;
        }
    }

    private static Guid? ParseGuid(JsonNode? node) =>
        (string?)node is { } text ? Guid.Parse(text) : null;
}
