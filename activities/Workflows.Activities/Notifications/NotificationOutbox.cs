using Workflows.Engine.Activities;
using Workflows.Engine.Outbox;

namespace Workflows.Activities.Notifications;

/// <summary>Queues a notification: inside a step it commits with the step; outside one it is published on its own.</summary>
public static class NotificationOutbox
{
    /// <summary>The outbox message type, persisted with every queued notification.</summary>
    public const string MessageType = "notification.send";

    /// <summary>Queues the notification in the running step; returns the outbox message id.</summary>
    public static Guid EnqueueNotification(this ActivityContext context, NotificationRequest request) =>
        context.Enqueue(MessageType, (request.InstanceId is null ? request with { InstanceId = context.InstanceId } : request).ToPayload());

    /// <summary>Queues the notification from outside a step (a digest, an admin action); returns the outbox message id.</summary>
    public static Task<Guid> PublishNotificationAsync(this OutboxPublisher publisher, NotificationRequest request, CancellationToken cancellationToken) =>
        publisher.PublishAsync(MessageType, request.ToPayload(), request.InstanceId, cancellationToken);
}
