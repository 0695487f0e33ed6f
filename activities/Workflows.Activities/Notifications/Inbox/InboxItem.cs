namespace Workflows.Activities.Notifications.Inbox;

/// <summary>One notification in one person's in-app inbox.</summary>
public sealed class InboxItem
{
    public Guid Id { get; set; }

    /// <summary>The user name of the person it is for.</summary>
    public required string Recipient { get; set; }
    public NotificationKind Kind { get; set; }
    public required string Title { get; set; }
    public string Body { get; set; } = "";
    public string? Link { get; set; }
    public Guid? InstanceId { get; set; }
    public Guid? TaskId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }

    /// <summary>The outbox message that produced it: with <see cref="Recipient"/>, unique, so a retried send adds nothing.</summary>
    public Guid SourceMessageId { get; set; }
}
