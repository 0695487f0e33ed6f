namespace Workflows.Activities.Notifications.Email;

public enum EmailDeliveryStatus
{
    /// <summary>Handed to the transport and not yet confirmed: after a crash, sent again with the same Message-Id.</summary>
    Sending,
    Sent,
    Failed,
}

/// <summary>One email of one notification to one address: what makes a retry skip those already sent.</summary>
public sealed class EmailDelivery
{
    public Guid Id { get; set; }
    public Guid OutboxMessageId { get; set; }

    /// <summary>The address, lower-cased, so two spellings of one mailbox get one message.</summary>
    public required string Recipient { get; set; }

    /// <summary>The RFC 5322 Message-Id (without angle brackets), the same on every attempt.</summary>
    public required string MessageId { get; set; }
    public EmailDeliveryStatus Status { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
}
