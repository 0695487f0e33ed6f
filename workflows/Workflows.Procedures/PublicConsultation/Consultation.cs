namespace Workflows.Procedures.PublicConsultation;

/// <summary>
/// A draft published for public comment (征求意见): Decree 713 art. 14-15 for major decisions, the
/// "public comment" step of normative documents. Opened by the <c>consultation-open</c> activity,
/// closed when its period has run out or when the step that answers it (the task guarded by
/// <c>consultation-feedback</c>) completes, early only with a recorded reason.
/// </summary>
public sealed class Consultation
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }
    public required string DefinitionKey { get; set; }
    public string? BusinessKey { get; set; }

    /// <summary>The <c>consultation-open</c> element that opened it.</summary>
    public required string ActivityId { get; set; }

    /// <summary>The record it concerns, e.g. <c>decision:县发改〔2026〕1号</c>; documents use the same subject.</summary>
    public required string Subject { get; set; }
    public required string Title { get; set; }

    /// <summary>起草说明: why the draft says what it says, published beside it.</summary>
    public required string Explanation { get; set; }
    public Guid DraftDocumentId { get; set; }

    /// <summary>The legal period as the procedure stated it, e.g. <c>30D</c> or <c>7WD</c>.</summary>
    public required string Period { get; set; }
    public DateTimeOffset OpenedAt { get; set; }

    /// <summary>The last day of the period (after roll-over past rest days and holidays).</summary>
    public DateOnly LastDay { get; set; }

    /// <summary>The instant the period has run in full: the start of the day after <see cref="LastDay"/>.</summary>
    public DateTimeOffset ClosesAt { get; set; }

    /// <summary>Set when the answering step completed before <see cref="ClosesAt"/>: the consultation closed then.</summary>
    public DateTimeOffset? ClosedEarlyAt { get; set; }

    /// <summary>Why it closed early (the completion's <c>shortenReason</c>).</summary>
    public string? EarlyCloseReason { get; set; }

    /// <summary>When the answering step completed (or the instance ended): adoption records are final from then on.</summary>
    public DateTimeOffset? FinalizedAt { get; set; }

    /// <summary>反馈采纳情况和理由: the published answer to the comments.</summary>
    public string? FeedbackSummary { get; set; }
    public Guid? FeedbackDocumentId { get; set; }
    public DateTimeOffset? FeedbackPublishedAt { get; set; }
    public string? FeedbackPublishedBy { get; set; }

    /// <summary>
    /// The key commenters' addresses are hashed with (HMAC-SHA256), one per consultation: repeated
    /// submissions from one address show within a consultation, yet hashes cannot be linked across
    /// consultations, and the raw address is never stored.
    /// </summary>
    public required byte[] AddressHashKey { get; set; }

    /// <summary>Closed to comments at <paramref name="now"/>: the period ran out or the answering step completed.</summary>
    public bool IsClosed(DateTimeOffset now) => now >= ClosesAt || ClosedEarlyAt is not null || FinalizedAt is not null;
}

/// <summary>A comment from the public, with the lead unit's answer to it.</summary>
public sealed class ConsultationComment
{
    public Guid Id { get; set; }
    public Guid ConsultationId { get; set; }

    /// <summary>The number people refer to it by (第 N 条), in order of arrival within the consultation.</summary>
    public int Number { get; set; }
    public string? Name { get; set; }

    /// <summary>How to reach the commenter: shown to the lead unit only, never published.</summary>
    public string? Contact { get; set; }
    public required string Content { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }

    /// <summary>HMAC-SHA256 of the client address under <see cref="Consultation.AddressHashKey"/>, hex.</summary>
    public required string AddressHash { get; set; }

    public AdoptionDecision? Decision { get; set; }
    public string? DecisionReason { get; set; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
}
