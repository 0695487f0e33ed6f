using System.Globalization;
using System.Resources;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Workflows.Activities.Notifications.Email;
using Workflows.Activities.Notifications.Recipients;
using Workflows.Engine;

namespace Workflows.Activities.Notifications.Templates;

/// <summary>What one recipient is told. <see cref="Link"/> is as requested (usually an application path).</summary>
public sealed record RenderedNotification(string Title, string Body, string? Link);

/// <summary>
/// Renders requests from the .resx templates (zh-CN is the neutral culture; other cultures are
/// satellite resources, missing entries fall back to Chinese). Placeholders are <c>{name}</c>;
/// a body line whose placeholder has no value is left out, so optional facts need no template logic.
/// </summary>
public sealed partial class NotificationRenderer(
    IOptionsMonitor<NotificationOptions> notificationOptions,
    IOptionsMonitor<EmailOptions> emailOptions,
    IOptionsMonitor<WorkflowEngineOptions> engineOptions)
{
    private static readonly ResourceManager Resources =
        new("Workflows.Activities.Notifications.Templates.NotificationTemplates", typeof(NotificationRenderer).Assembly);

    public CultureInfo Culture => CultureInfo.GetCultureInfo(notificationOptions.CurrentValue.Culture);

    public RenderedNotification Render(NotificationRequest request, NotificationRecipient recipient)
    {
        var link = request.Link ?? (request.TaskId is { } taskId ? $"/tasks/{taskId}" : null);
        if (request.Template is null)
        {
            var title = request.Title ?? "";
            return new(title, request.Body ?? title, link);
        }
        if (!NotificationTemplateKeys.All.Contains(request.Template))
        {
            throw new InvalidOperationException($"Unknown notification template '{request.Template}' (known: {string.Join(", ", NotificationTemplateKeys.All)}).");
        }
        var prefix = NotificationTemplateKeys.ResourcePrefix(request.Template);
        var values = Values(request.Data ?? [], recipient);
        return new(
            request.Title ?? Fill(Text(prefix + ".Title"), values, dropIncompleteLines: false),
            request.Body ?? Fill(Text(prefix + ".Body"), values, dropIncompleteLines: true),
            link);
    }

    /// <summary>An application path made absolute with <see cref="EmailOptions.PublicBaseUrl"/>, for emails.</summary>
    public string? AbsoluteLink(string? link) =>
        link is not null && link.StartsWith('/') ? emailOptions.CurrentValue.PublicBaseUrl.TrimEnd('/') + link : link;

    /// <summary>A localized fixed text (link label, footer ...), with <c>{fromName}</c> filled.</summary>
    public string Text(string name)
    {
        var text = Resources.GetString(name, Culture)
            ?? throw new InvalidOperationException($"The notification template resource '{name}' is missing.");
        return text.Replace("{fromName}", emailOptions.CurrentValue.FromName, StringComparison.Ordinal);
    }

    /// <summary>An instant as a local date in the engine's time zone, e.g. 2026年3月16日.</summary>
    public string FormatDate(DateTimeOffset instant)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(engineOptions.CurrentValue.TimeZone);
        return TimeZoneInfo.ConvertTime(instant, zone).ToString(Text("DateFormat"), Culture);
    }

    private Dictionary<string, string> Values(JsonObject data, NotificationRecipient recipient)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, node) in data)
        {
            if (node is JsonValue value && Scalar(value) is { Length: > 0 } text)
            {
                values[name] = text;
            }
        }
        values["recipientName"] = recipient.DisplayName;
        if (DueDate(data) is { } due)
        {
            values["dueDate"] = due;
        }
        if (values.TryGetValue("quarter", out var quarter) && quarter is "1" or "2" or "3" or "4")
        {
            values["quarterName"] = Text("Quarter" + quarter);
        }
        foreach (var list in new[] { "due", "overdue" })
        {
            if (data[list] is JsonArray items)
            {
                values[list + "Count"] = items.Count.ToString(CultureInfo.InvariantCulture);
                values[list + "Items"] = Items(items, recipient);
            }
        }
        return values;
    }

    private string Items(JsonArray items, NotificationRecipient recipient)
    {
        if (items.Count == 0)
        {
            return Text("EmptyList");
        }
        var lines = new StringBuilder();
        foreach (var item in items.OfType<JsonObject>())
        {
            var values = Values(item, recipient);
            var template = values.ContainsKey("businessKey") ? "QuarterlyDigest.Item" : "QuarterlyDigest.ItemWithoutKey";
            lines.AppendLine(Fill(Text(template), values, dropIncompleteLines: false));
        }
        return lines.ToString().TrimEnd();
    }

    private string? DueDate(JsonObject data) =>
        (data["dueAt"] as JsonValue)?.TryGetValue<string>(out var text) == true
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var due)
            ? FormatDate(due)
            : null;

    private static string? Scalar(JsonValue value) => value.GetValueKind() switch
    {
        System.Text.Json.JsonValueKind.String => value.GetValue<string>(),
        System.Text.Json.JsonValueKind.Number => value.ToJsonString(),
        _ => null,
    };

    private static string Fill(string template, IReadOnlyDictionary<string, string> values, bool dropIncompleteLines)
    {
        var lines = template.ReplaceLineEndings("\n").Split('\n');
        var kept = new List<string>(lines.Length);
        foreach (var line in lines)
        {
            var missing = false;
            var filled = Placeholder().Replace(line, m =>
            {
                if (values.TryGetValue(m.Groups[1].Value, out var value))
                {
                    return value;
                }
                missing = true;
                return "";
            });
            if (!(missing && dropIncompleteLines))
            {
                kept.Add(filled);
            }
        }
        return string.Join('\n', kept).Trim();
    }

    [GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9]*)\}")]
    private static partial Regex Placeholder();
}
