using System.Globalization;
using System.Text.Json.Nodes;
using Workflows.Engine;
using Workflows.Engine.Outbox;

namespace Workflows.Procedures.PublicConsultation;

/// <summary>The payload of a <c>consultation.open</c> outbox message: a stored format, so its names do not change.</summary>
public sealed record OpenedConsultation(
    Guid Id,
    Guid InstanceId,
    string DefinitionKey,
    string? BusinessKey,
    string ActivityId,
    string Subject,
    string Title,
    string Explanation,
    Guid DraftDocumentId,
    string Period,
    DateTimeOffset OpenedAt,
    DateOnly LastDay,
    DateTimeOffset ClosesAt)
{
    public JsonObject ToPayload() => new()
    {
        ["id"] = Id.ToString(),
        ["instanceId"] = InstanceId.ToString(),
        ["definitionKey"] = DefinitionKey,
        ["businessKey"] = BusinessKey,
        ["activityId"] = ActivityId,
        ["subject"] = Subject,
        ["title"] = Title,
        ["explanation"] = Explanation,
        ["draftDocumentId"] = DraftDocumentId.ToString(),
        ["period"] = Period,
        ["openedAt"] = OpenedAt.ToString("O", CultureInfo.InvariantCulture),
        ["lastDay"] = LastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["closesAt"] = ClosesAt.ToString("O", CultureInfo.InvariantCulture),
    };

    /// <exception cref="FormatException">The payload is not an opened consultation.</exception>
    public static OpenedConsultation FromPayload(JsonObject payload)
    {
        string Text(string name) => (string?)payload[name] ?? throw new FormatException($"A consultation.open message needs '{name}'.");
        return new(
            Guid.Parse(Text("id")),
            Guid.Parse(Text("instanceId")),
            Text("definitionKey"),
            (string?)payload["businessKey"],
            Text("activityId"),
            Text("subject"),
            Text("title"),
            Text("explanation"),
            Guid.Parse(Text("draftDocumentId")),
            Text("period"),
            DateTimeOffset.Parse(Text("openedAt"), CultureInfo.InvariantCulture),
            DateOnly.ParseExact(Text("lastDay"), "yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateTimeOffset.Parse(Text("closesAt"), CultureInfo.InvariantCulture));
    }

    public Consultation ToConsultation() => new()
    {
        Id = Id,
        InstanceId = InstanceId,
        DefinitionKey = DefinitionKey,
        BusinessKey = BusinessKey,
        ActivityId = ActivityId,
        Subject = Subject,
        Title = Title,
        Explanation = Explanation,
        DraftDocumentId = DraftDocumentId,
        Period = Period,
        OpenedAt = OpenedAt,
        LastDay = LastDay,
        ClosesAt = ClosesAt,
        AddressHashKey = ConsultationBook.NewAddressHashKey(),
    };
}

/// <summary>Stores the consultation that a committed <c>consultation-open</c> step opened; safe to run twice.</summary>
public sealed class ConsultationOpenHandler(ConsultationBook book) : IOutboxHandler
{
    public const string MessageType = "consultation.open";

    public string Type => MessageType;

    public Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken) =>
        book.AddAsync(OpenedConsultation.FromPayload(EngineJson.ParseObject(message.Payload)).ToConsultation(), cancellationToken);
}
