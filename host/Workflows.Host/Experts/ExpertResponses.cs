using Workflows.Procedures.Experts;
using Workflows.Procedures.PublicConsultation;

namespace Workflows.Host.Experts;

public sealed record ExpertRequest(
    string? Name, List<string>? Fields, string? Title, string? Organisation, string? Email, string? UserName, List<string>? Conflicts,
    bool? Active, int? Revision)
{
    public ExpertInput ToInput() => new(Name, Fields, Title, Organisation, Email, UserName, Conflicts, Active, Revision);
}

public sealed record ExpertResponse(
    Guid Id, string Name, IReadOnlyList<string> Fields, string? Title, string Organisation, string Email, string? UserName,
    IReadOnlyList<string> Conflicts, bool Active, int Revision, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static ExpertResponse From(Expert e) => new(
        e.Id, e.Name, e.Fields, e.Title, e.Organisation, e.Email, e.UserName, e.Conflicts, e.Active, e.Revision, e.CreatedAt, e.UpdatedAt);
}

public sealed record ExpertAdoptionRequest(string? Decision, string? Reason);

public sealed record ExpertOpinionResponse(
    Guid DocumentId, Guid? InstanceId, string? ActivityId, string FileName, string Sha256, long Size, string UploadedBy, DateTimeOffset UploadedAt,
    Guid? ExpertId, string? ExpertName, string? Organisation,
    string? Decision, string? DecisionText, string? Reason, string? RecordedBy, DateTimeOffset? RecordedAt)
{
    public static ExpertOpinionResponse From(ExpertOpinion o) => new(
        o.Document.Id, o.Document.InstanceId, o.Document.ActivityId, o.Document.FileName, o.Document.Sha256, o.Document.Size,
        o.Document.UploadedBy, o.Document.UploadedAt,
        o.Expert?.Id, o.Expert?.Name, o.Expert?.Organisation,
        o.Adoption is { } a ? AdoptionDecisions.Name(a.Decision) : null,
        o.Adoption is { } b ? AdoptionDecisions.ChineseName(b.Decision) : null,
        o.Adoption?.Reason, o.Adoption?.RecordedBy, o.Adoption?.RecordedAt);
}
