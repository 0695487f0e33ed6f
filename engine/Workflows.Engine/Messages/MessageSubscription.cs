namespace Workflows.Engine.Messages;

/// <summary>A token waiting for a message: a receive task or a message catch event.</summary>
public sealed class MessageSubscription
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }
    public Guid TokenId { get; set; }
    public required string ActivityId { get; set; }
    public required string MessageName { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
