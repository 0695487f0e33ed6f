using System.Text.Json.Nodes;
using Workflows.Activities.Notifications.Templates;
using Workflows.Engine;
using Workflows.Engine.Outbox;
using Workflows.Engine.Runtime.Execution;

namespace Workflows.Activities.Notifications;

/// <summary>
/// Turns the engine's <c>task.alert</c> messages (a ladder rung fired, a task was created) into
/// notifications. It delivers under the alert's own message id, so the inbox items and the
/// Message-Ids stay the same however often the alert is retried.
/// </summary>
public sealed class TaskAlertHandler(NotificationSendHandler sender) : IOutboxHandler
{
    public string Type => EngineMessageTypes.TaskAlert;

    public Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var request = ToNotification(EngineJson.ParseObject(message.Payload));
        var delivery = new OutboxMessage
        {
            Id = message.Id,
            Type = NotificationOutbox.MessageType,
            Payload = EngineJson.Write(request.ToPayload()),
            InstanceId = message.InstanceId,
            CreatedAt = message.CreatedAt,
            Attempts = message.Attempts,
        };
        return sender.HandleAsync(delivery, cancellationToken);
    }

    public static NotificationRequest ToNotification(JsonObject alert)
    {
        var kind = (string?)alert["kind"];
        var workingDays = (int?)alert["workingDays"] ?? 0;
        var data = new JsonObject
        {
            ["taskName"] = (string?)alert["taskName"],
            ["businessKey"] = (string?)alert["businessKey"],
            ["dueAt"] = (string?)alert["dueAt"],
        };
        var (notificationKind, template, channels) = kind switch
        {
            "assigned" => (NotificationKind.Assignment, NotificationTemplateKeys.TaskAssigned, NotificationChannels.InApp),
            "due-today" => (NotificationKind.Reminder, NotificationTemplateKeys.TaskDueToday, NotificationChannels.All),
            "overdue" => (NotificationKind.Overdue, NotificationTemplateKeys.TaskOverdue, NotificationChannels.All),
            "escalation" => (NotificationKind.Escalation, NotificationTemplateKeys.TaskOverdue, NotificationChannels.All),
            _ => (NotificationKind.Reminder, NotificationTemplateKeys.TaskReminder, NotificationChannels.All),
        };
        data[kind is "overdue" or "escalation" ? "daysOverdue" : "daysLeft"] = workingDays;
        return new NotificationRequest
        {
            Recipients = alert["recipients"] is JsonArray recipients ? [.. recipients.Select(r => (string?)r).OfType<string>()] : [],
            Channels = channels,
            Kind = notificationKind,
            Template = template,
            Data = data,
            InstanceId = Guid.TryParse((string?)alert["instanceId"], out var instanceId) ? instanceId : null,
            TaskId = Guid.TryParse((string?)alert["taskId"], out var taskId) ? taskId : null,
        };
    }
}
