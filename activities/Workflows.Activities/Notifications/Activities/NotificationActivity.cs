using System.Text.Json.Nodes;
using Workflows.Engine.Activities;
using Workflows.Engine.Bpmn.Model;
using Workflows.Engine.Scripting;

namespace Workflows.Activities.Notifications.Activities;

/// <summary>
/// A service or send task that tells people something: it fills the attributes from the task's
/// variables and queues one <c>notification.send</c> message with the step, so the notice goes
/// out exactly when the step commits, and records it in the journal.
/// Attributes: <c>fz:recipients</c> (required), <c>fz:title</c> (required), <c>fz:body</c>,
/// <c>fz:kind</c>, <c>fz:link</c>, and for <c>notify</c> <c>fz:channels</c>.
/// </summary>
public abstract class NotificationActivity(IScriptEvaluator scripts) : IActivityHandler
{
    /// <summary>The journal entry kind written when a notification is queued.</summary>
    public const string JournalKind = "NotificationQueued";

    public abstract string Type { get; }

    /// <summary>The channels used when the element does not choose.</summary>
    protected abstract NotificationChannels DefaultChannels { get; }

    /// <summary>Whether <c>fz:channels</c> is read; an activity bound to one channel ignores it.</summary>
    protected virtual bool ReadsChannels => true;

    protected virtual string? Title(ServiceTask task) => task.Extension("title");

    /// <summary>How the title attribute is named in messages to the person who drew the process.</summary>
    protected virtual string TitleAttribute => "fz:title";

    public IEnumerable<string> Validate(ServiceTask task)
    {
        if (task.Extension("recipients") is not { } recipients)
        {
            yield return ActivityText.Format("Notify.NeedsRecipients", Type);
        }
        else
        {
            foreach (var problem in RecipientList.Validate(recipients, scripts))
            {
                yield return problem;
            }
        }
        if (Title(task) is null)
        {
            yield return ActivityText.Format("Notify.NeedsTitle", Type, TitleAttribute);
        }
        foreach (var (name, text) in new[] { ("title", Title(task)), ("body", task.Extension("body")), ("link", task.Extension("link")) })
        {
            if (text is null)
            {
                continue;
            }
            var placeholders = ExpressionText.Placeholders(text, out var problem);
            foreach (var expression in placeholders)
            {
                if (scripts.CheckSyntax(expression, isExpression: true) is { } error)
                {
                    yield return ActivityText.Format("Notify.ExpressionDoesNotParse", "fz:" + name, "${" + expression + "}", error);
                }
            }
            if (problem is not null)
            {
                yield return ActivityText.Format("Notify.AttributeProblem", "fz:" + name, problem);
            }
        }
        if (task.Extension("kind") is { } kind && !NotificationNames.TryParseKind(kind, out _))
        {
            yield return ActivityText.Format("Notify.UnknownKind", kind, string.Join(", ", Enum.GetValues<NotificationKind>().Select(NotificationNames.Of)));
        }
        if (ReadsChannels && task.Extension("channels") is { } channels)
        {
            var parsed = NotificationNames.ParseChannels(channels.Split(','), out var unknown);
            if (unknown is not null || parsed == NotificationChannels.None)
            {
                yield return ActivityText.Format("Notify.BadChannels", channels);
            }
        }
    }

    public ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var task = context.Element;
        var variables = context.Variables;
        var recipients = RecipientList.Resolve(task.Extension("recipients") ?? "", variables, scripts);
        if (recipients.Count == 0)
        {
            throw new InvalidOperationException($"fz:recipients '{task.Extension("recipients")}' names nobody with the current variables.");
        }
        var title = ExpressionText.Fill(Title(task) ?? "", variables, scripts);
        var request = new NotificationRequest
        {
            Recipients = recipients,
            Channels = ReadsChannels && task.Extension("channels") is { } channels
                ? NotificationNames.ParseChannels(channels.Split(','), out _)
                : DefaultChannels,
            Kind = NotificationNames.TryParseKind(task.Extension("kind"), out var kind) ? kind : NotificationKind.Info,
            Title = title,
            Body = task.Extension("body") is { } body ? ExpressionText.Fill(body, variables, scripts) : title,
            Link = task.Extension("link") is { } link ? ExpressionText.Fill(link, variables, scripts) : $"/instances/{context.InstanceId}",
            InstanceId = context.InstanceId,
        };
        var messageId = context.EnqueueNotification(request);
        context.Record(JournalKind, new JsonObject
        {
            ["type"] = Type,
            ["outboxMessageId"] = messageId.ToString(),
            ["recipients"] = new JsonArray([.. recipients.Select(r => (JsonNode?)JsonValue.Create(r))]),
            ["channels"] = new JsonArray([.. NotificationNames.Of(request.Channels).Select(c => (JsonNode?)JsonValue.Create(c))]),
            ["kind"] = NotificationNames.Of(request.Kind),
            ["title"] = title,
        });
        return ValueTask.CompletedTask;
    }
}

/// <summary><c>fz:type="notify"</c>: the in-app inbox and email unless <c>fz:channels</c> says otherwise.</summary>
public sealed class NotifyActivity(IScriptEvaluator scripts) : NotificationActivity(scripts)
{
    public const string TypeKey = "notify";

    public override string Type => TypeKey;
    protected override NotificationChannels DefaultChannels => NotificationChannels.All;
}

/// <summary><c>fz:type="email"</c>: email only; <c>fz:subject</c> may stand for <c>fz:title</c>.</summary>
public sealed class EmailActivity(IScriptEvaluator scripts) : NotificationActivity(scripts)
{
    public const string TypeKey = "email";

    public override string Type => TypeKey;
    protected override NotificationChannels DefaultChannels => NotificationChannels.Email;
    protected override bool ReadsChannels => false;
    protected override string? Title(ServiceTask task) => task.Extension("title") ?? task.Extension("subject");
    protected override string TitleAttribute => "fz:subject (or fz:title)";
}
