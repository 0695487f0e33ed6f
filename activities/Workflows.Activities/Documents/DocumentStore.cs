using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workflows.Activities.Documents.Persistence;
using Workflows.Engine.Runtime;

namespace Workflows.Activities.Documents;

/// <summary>What is being uploaded; <see cref="Content"/> is read once, up to the size limit.</summary>
public sealed record DocumentUpload(string FileName, string? ContentType, Stream Content, string Kind, Guid? InstanceId = null, string? Subject = null, string? ActivityId = null, string? Title = null);

/// <summary>Stores case documents, checked by size, extension and signature, and journals each one in its instance.</summary>
public sealed class DocumentStore(
    IDbContextFactory<DocumentsDbContext> dbFactory,
    IWorkflowJournal journal,
    IOptions<DocumentOptions> options,
    TimeProvider clock)
{
    public const string JournalKind = "DocumentAttached";

    /// <exception cref="WorkflowValidationException">Too large, an unaccepted type, or content that is not what its name says.</exception>
    public async Task<StoredDocument> AddAsync(DocumentUpload upload, WorkflowActor actor, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        var fileName = Path.GetFileName(upload.FileName ?? "").Trim();
        Require(fileName.Length is > 0 and <= 255, "file", "The file needs a name of at most 255 characters.");
        Require(!string.IsNullOrWhiteSpace(upload.Kind) && upload.Kind.Length <= 64, "kind", "Say what the document is (kind, at most 64 characters).");
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        Require(limits.AllowedExtensions.Contains(extension, StringComparer.OrdinalIgnoreCase), "file",
            $"Files of type '{extension}' are not accepted; accepted: {string.Join(" ", limits.AllowedExtensions)}.");

        var bytes = await ReadLimitedAsync(upload.Content, limits.MaxBytes, cancellationToken);
        Require(bytes.Length > 0, "file", "The file is empty.");
        Require(FileSignatures.Matches(extension, bytes.AsSpan(0, Math.Min(bytes.Length, 4096))), "file",
            $"The content of '{fileName}' is not a {extension} file.");

        var document = new StoredDocument
        {
            Id = Guid.CreateVersion7(),
            InstanceId = upload.InstanceId,
            Subject = upload.Subject,
            ActivityId = upload.ActivityId,
            Kind = upload.Kind.Trim(),
            Title = string.IsNullOrWhiteSpace(upload.Title) ? null : upload.Title.Trim(),
            FileName = fileName,
            ContentType = string.IsNullOrWhiteSpace(upload.ContentType) ? "application/octet-stream" : upload.ContentType,
            Size = bytes.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            UploadedBy = actor.UserName,
            UploadedAt = clock.GetUtcNow(),
        };
        if (upload.InstanceId is { } instanceId)
        {
            // Journalled first: a document the chain does not know of is never visible.
            await journal.AppendAsync(instanceId, JournalKind, upload.ActivityId, new JsonObject
            {
                ["documentId"] = document.Id.ToString(),
                ["kind"] = document.Kind,
                ["fileName"] = document.FileName,
                ["size"] = document.Size,
                ["sha256"] = document.Sha256,
            }, actor, cancellationToken);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.Documents.Add(document);
        db.Contents.Add(new StoredDocumentContent { DocumentId = document.Id, Bytes = bytes });
        await db.SaveChangesAsync(cancellationToken);
        return document;
    }

    public async Task<IReadOnlyList<StoredDocument>> ListAsync(Guid? instanceId, string? subject, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Documents.AsNoTracking();
        if (instanceId is { } id)
        {
            query = query.Where(d => d.InstanceId == id);
        }
        if (subject is not null)
        {
            query = query.Where(d => d.Subject == subject);
        }
        return await query.OrderBy(d => d.UploadedAt).ToListAsync(cancellationToken);
    }

    public async Task<StoredDocument?> FindAsync(Guid documentId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Documents.AsNoTracking().SingleOrDefaultAsync(d => d.Id == documentId, cancellationToken);
    }

    public async Task<byte[]?> ReadAsync(Guid documentId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Contents.AsNoTracking().Where(c => c.DocumentId == documentId).Select(c => c.Bytes).SingleOrDefaultAsync(cancellationToken);
    }

    private static async Task<byte[]> ReadLimitedAsync(Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new WorkflowValidationException($"The file is larger than {maxBytes / 1024 / 1024} MiB.",
                    [new ValidationError("file", $"The file is larger than {maxBytes / 1024 / 1024} MiB.")]);
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static void Require(bool condition, string target, string message)
    {
        if (!condition)
        {
            throw new WorkflowValidationException(message, [new ValidationError(target, message)]);
        }
    }
}
