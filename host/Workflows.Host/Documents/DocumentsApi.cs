using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Workflows.Activities.Documents;
using Workflows.Engine.Instances;
using Workflows.Host.Accounts;
using Workflows.Host.Infrastructure;

namespace Workflows.Host.Documents;

/// <summary>
/// Case documents (案卷材料): drafts, signed opinions, hearing records, uploaded to an instance and
/// read by whoever may see that instance (<see cref="InstanceAccess"/>). Every file is checked by
/// size, type and signature, and its SHA-256 goes into the instance's journal.
/// </summary>
public static class DocumentsApi
{
    /// <summary>Room for the multipart framing and the form's text fields beside the file itself.</summary>
    public const long FormHeadroomBytes = 1024 * 1024;

    public static IEndpointRouteBuilder MapDocumentsApi(this IEndpointRouteBuilder app)
    {
        var maxFileBytes = app.ServiceProvider.GetRequiredService<IOptions<DocumentOptions>>().Value.MaxBytes;
        var instances = app.MapGroup("/api/instances/{id:guid}/documents").WithTags("Documents").RequireAuthorization();
        instances.MapPost("/", UploadAsync)
            .Accepts<DocumentUploadForm>("multipart/form-data")
            .WithBodyLimit(maxFileBytes + FormHeadroomBytes)
            .WithSummary("Attaches a file to a running instance (multipart: file, kind, activityId?, title?): 413 over the size limit, 400 for a refused type or content that is not what its name says.");
        instances.MapGet("/", ListAsync).WithSummary("The instance's documents, oldest first; 404 when the caller may not see the instance.");

        var documents = app.MapGroup("/api/documents").WithTags("Documents").RequireAuthorization();
        documents.MapGet("/{id:guid}", GetAsync).WithSummary("A document's metadata, its SHA-256 included.");
        documents.MapGet("/{id:guid}/content", DownloadAsync).WithSummary("The file as uploaded, as an attachment under its own (Chinese) name.");
        return app;
    }

    internal static async Task<Results<Created<DocumentResponse>, ProblemHttpResult>> UploadAsync(
        Guid id, HttpRequest request, InstanceAccess access, DocumentStore store, IOptions<DocumentOptions> options, CancellationToken cancellationToken)
    {
        var actor = request.HttpContext.User.ToActor();
        if (await access.FindInstanceAsync(id, actor, cancellationToken) is not { } instance)
        {
            return InstanceNotFound(id);
        }
        if (instance.Status != InstanceStatus.Running)
        {
            return Problems.Conflict($"Instance {id} is {instance.Status}; its dossier is closed to new documents.");
        }
        var maxFileBytes = options.Value.MaxBytes;
        var maxBodyBytes = maxFileBytes + FormHeadroomBytes;
        if (request.ContentLength > maxBodyBytes)
        {
            return Problems.TooLarge("body", $"The upload is larger than the {RequestBodyLimits.Describe(maxBodyBytes)} allowed (files up to {RequestBodyLimits.Describe(maxFileBytes)}).");
        }

        IFormCollection form;
        request.Body = new LengthLimitedStream(request.Body, maxBodyBytes);
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException ex)
        {
            return Problems.BadRequest("body", $"The multipart form cannot be read: {ex.Message}");
        }
        if (form.Files.GetFile("file") is not { } file)
        {
            return Problems.BadRequest("file", "Send the document as the form field 'file'.");
        }
        if (file.Length > maxFileBytes)
        {
            return Problems.TooLarge("file", $"'{file.FileName}' is {RequestBodyLimits.Describe(file.Length)}; files up to {RequestBodyLimits.Describe(maxFileBytes)} are accepted.");
        }

        await using var content = file.OpenReadStream();
        // The store refuses a wrong kind, type or signature with a WorkflowValidationException naming the field: a 400.
        var document = await store.AddAsync(
            new DocumentUpload(file.FileName, DocumentHeaders.ContentTypeOf(file.FileName), content, form["kind"].ToString(), id,
                ActivityId: Optional(form["activityId"]), Title: Optional(form["title"])),
            actor, cancellationToken);
        return TypedResults.Created($"/api/documents/{document.Id}", DocumentResponse.From(document));
    }

    internal static async Task<Results<Ok<List<DocumentResponse>>, ProblemHttpResult>> ListAsync(
        Guid id, ClaimsPrincipal user, InstanceAccess access, DocumentStore store, CancellationToken cancellationToken)
    {
        if (!await access.MaySeeInstanceAsync(id, user.ToActor(), cancellationToken))
        {
            return InstanceNotFound(id);
        }
        var documents = await store.ListAsync(id, subject: null, cancellationToken);
        return TypedResults.Ok(documents.Select(DocumentResponse.From).ToList());
    }

    internal static async Task<Results<Ok<DocumentResponse>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, InstanceAccess access, DocumentStore store, CancellationToken cancellationToken) =>
        await FindVisibleAsync(id, user, access, store, cancellationToken) is { } document
            ? TypedResults.Ok(DocumentResponse.From(document))
            : DocumentNotFound(id);

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadAsync(
        Guid id, HttpContext context, InstanceAccess access, DocumentStore store, CancellationToken cancellationToken)
    {
        if (await FindVisibleAsync(id, context.User, access, store, cancellationToken) is not { } document
            || await store.ReadAsync(id, cancellationToken) is not { } bytes)
        {
            return DocumentNotFound(id);
        }
        context.Response.Headers.ContentDisposition = DocumentHeaders.ContentDisposition(document.FileName);
        // Served as stored, never as something a browser would render in the product's origin.
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers["Content-Security-Policy"] = "default-src 'none'; sandbox";
        return TypedResults.File(bytes, DocumentHeaders.ContentTypeOf(document.FileName),
            entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{document.Sha256}\""));
    }

    private static async Task<StoredDocument?> FindVisibleAsync(
        Guid id, ClaimsPrincipal user, InstanceAccess access, DocumentStore store, CancellationToken cancellationToken)
    {
        var document = await store.FindAsync(id, cancellationToken);
        return document is not null && await access.MaySeeDocumentAsync(document.InstanceId, document.UploadedBy, user.ToActor(), cancellationToken)
            ? document
            : null;
    }

    private static string? Optional(Microsoft.Extensions.Primitives.StringValues value) =>
        string.IsNullOrWhiteSpace(value.ToString()) ? null : value.ToString().Trim();

    private static ProblemHttpResult InstanceNotFound(Guid id) => Problems.NotFound($"Instance {id} does not exist.");

    private static ProblemHttpResult DocumentNotFound(Guid id) => Problems.NotFound($"Document {id} does not exist.");
}
