namespace Workflows.Activities.Documents;

/// <summary>
/// A file that is part of a case record: a draft, a signed expert opinion, a hearing record, a
/// legality opinion. Documents are never changed or deleted; a new version is a new document.
/// Its SHA-256 goes into the instance's journal, so the hash chain covers the file too.
/// </summary>
public sealed class StoredDocument
{
    public Guid Id { get; set; }

    /// <summary>The workflow instance the document belongs to, when it belongs to one.</summary>
    public Guid? InstanceId { get; set; }

    /// <summary>A domain record it belongs to, e.g. <c>normative-document:3f2a…</c>.</summary>
    public string? Subject { get; set; }

    /// <summary>The step it was produced in (a BPMN element id).</summary>
    public string? ActivityId { get; set; }

    /// <summary>What it is, a stable key such as <c>draft</c>, <c>legality-opinion</c>, <c>hearing-record</c>.</summary>
    public required string Kind { get; set; }
    public string? Title { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string Sha256 { get; set; }
    public required string UploadedBy { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
}

/// <summary>The bytes, apart from the metadata so listing documents never reads files.</summary>
public sealed class StoredDocumentContent
{
    public Guid DocumentId { get; set; }
    public required byte[] Bytes { get; set; }
}
