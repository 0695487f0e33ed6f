using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Workflows.Host.Accounts;
using Workflows.Host.Infrastructure;
using Workflows.Procedures.NormativeDocuments;
using Workflows.Procedures.NormativeDocuments.Catalogue;
using Workflows.Procedures.NormativeDocuments.Register;
using Workflows.Procedures.NormativeDocuments.Validity;

namespace Workflows.Host.NormativeDocuments;

/// <summary>
/// The register of normative documents (行政规范性文件登记簿): start a document, the register's
/// steps (number, publication, filing, re-registration), search, and the yearly catalogue.
/// </summary>
public static class NormativeDocumentsApi
{
    public static IEndpointRouteBuilder MapNormativeDocumentsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/normative-documents").WithTags("NormativeDocuments").RequireAuthorization();
        group.MapPost("/", StartAsync).WithSmallJsonBody()
            .WithSummary("Starts drafting a normative document (owner): its settings decide the comment period, fair-competition review and validity.");
        group.MapGet("/", SearchAsync).WithSummary("Searches the register: ?q= (title or number), status=, year=, issuer=.");
        group.MapGet("/issuers", Issuers).WithSummary("The configured issuing bodies with their number prefix and official channel.");
        group.MapGet("/catalogue", CatalogueAsync)
            .WithSummary("The yearly catalogue (年度目录): documents made in ?year= and all still in force, as ?format=xlsx or docx.");
        group.MapGet("/{id:guid}", GetAsync).WithSummary("One document with its filings, validity periods and register history.");
        group.MapPost("/{id:guid}/register", RegisterAsync)
            .WithSummary("统一登记编号: gives the next number of the issuing body's sequence and closes the registration step.");
        group.MapPost("/{id:guid}/publish", PublishAsync).WithSmallJsonBody()
            .WithSummary("统一发布: records the publication on the issuing body's official channel and closes the publication step.");
        group.MapPost("/{id:guid}/filings", FileAsync).WithSmallJsonBody()
            .WithSummary("备案: records a filing (higher-government or congress-standing-committee), on time or late, and closes that filing step.");
        group.MapPost("/{id:guid}/reregister", ReregisterAsync).WithSmallJsonBody()
            .WithSummary("重新登记: after evaluation, a new validity period (at most 5 years) following the current one.");
        group.MapCleanupRoundsApi();
        return app;
    }

    internal static async Task<Created<NormativeDocumentResponse>> StartAsync(
        StartDocumentRequest request, ClaimsPrincipal user, DocumentStart start, RegisterQueries queries, CancellationToken cancellationToken)
    {
        var document = await start.StartAsync(request, user.ToActor(), cancellationToken);
        return TypedResults.Created($"/api/normative-documents/{document.Id}", NormativeDocumentResponse.From(document, queries.IsInForce(document)));
    }

    internal static async Task<Results<Ok<List<NormativeDocumentResponse>>, ProblemHttpResult>> SearchAsync(
        string? q, string? status, string? year, string? issuer, int? skip, int? take, RegisterQueries queries, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        DocumentStatus? parsedStatus = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (DocumentStatusNames.TryParse(status, out var s))
            {
                parsedStatus = s;
            }
            else
            {
                errors.Add(new FieldError("status", $"status 须为 {string.Join("、", DocumentStatusNames.All)} 之一。"));
            }
        }
        int? parsedYear = null;
        if (!string.IsNullOrEmpty(year))
        {
            if (TryYear(year, out var y))
            {
                parsedYear = y;
            }
            else
            {
                errors.Add(new FieldError("year", "year 须为 1949 至 2200 之间的年份。"));
            }
        }
        if (q?.Length > 200)
        {
            errors.Add(new FieldError("q", "检索词不得超过 200 个字符。"));
        }
        if (skip < 0 || take is < 1 or > 500)
        {
            errors.Add(new FieldError(skip < 0 ? "skip" : "take", "skip 不得为负，take 为 1 至 500。"));
        }
        if (errors.Count > 0)
        {
            return Problems.BadRequest(string.Join(" ", errors.Select(e => e.Message)), errors);
        }
        var documents = await queries.SearchAsync(new RegisterSearch(q, parsedStatus, parsedYear, issuer, skip ?? 0, take ?? 100), cancellationToken);
        return TypedResults.Ok(documents.Select(d => NormativeDocumentResponse.From(d, queries.IsInForce(d))).ToList());
    }

    internal static async Task<Results<Ok<NormativeDocumentResponse>, ProblemHttpResult>> GetAsync(Guid id, RegisterQueries queries, CancellationToken cancellationToken) =>
        await queries.GetAsync(id, cancellationToken) is var (document, history)
            ? TypedResults.Ok(NormativeDocumentResponse.From(document, queries.IsInForce(document), history))
            : Problems.NotFound($"规范性文件 {id} 不存在。");

    internal static Ok<List<IssuerResponse>> Issuers(IOptionsMonitor<NormativeDocumentOptions> options) =>
        TypedResults.Ok(options.CurrentValue.Issuers.OrderBy(i => i.Key).Select(i => new IssuerResponse(i.Key, i.Value.Name, i.Value.Prefix, i.Value.Channel)).ToList());

    internal static async Task<Ok<NormativeDocumentResponse>> RegisterAsync(
        Guid id, ClaimsPrincipal user, RegisterCommands commands, RegisterQueries queries, CancellationToken cancellationToken)
    {
        var document = await commands.RegisterAsync(id, user.ToActor(), cancellationToken);
        return TypedResults.Ok(NormativeDocumentResponse.From(document, queries.IsInForce(document)));
    }

    internal static async Task<Ok<NormativeDocumentResponse>> PublishAsync(
        Guid id, PublishRequest request, ClaimsPrincipal user, PublicationCommands commands, RegisterQueries queries, CancellationToken cancellationToken)
    {
        var document = await commands.PublishAsync(id, request, user.ToActor(), cancellationToken);
        return TypedResults.Ok(NormativeDocumentResponse.From(document, queries.IsInForce(document)));
    }

    internal static async Task<Ok<FilingResponse>> FileAsync(
        Guid id, FilingRequest request, ClaimsPrincipal user, PublicationCommands commands, CancellationToken cancellationToken) =>
        TypedResults.Ok(FilingResponse.From(await commands.FileAsync(id, request, user.ToActor(), cancellationToken)));

    internal static async Task<Ok<NormativeDocumentResponse>> ReregisterAsync(
        Guid id, ReregisterRequest request, ClaimsPrincipal user, ValidityCommands commands, RegisterQueries queries, CancellationToken cancellationToken)
    {
        var document = await commands.ReregisterAsync(id, request, user.ToActor(), cancellationToken);
        return TypedResults.Ok(NormativeDocumentResponse.From(document, queries.IsInForce(document)));
    }

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> CatalogueAsync(
        string? year, string? format, string? issuer, RegisterQueries queries, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        if (!TryYear(year, out var catalogueYear))
        {
            errors.Add(new FieldError("year", "请给出目录年度 year（1949 至 2200）。"));
        }
        var kind = (format ?? "xlsx").Trim().ToLowerInvariant();
        if (kind is not ("xlsx" or "docx"))
        {
            errors.Add(new FieldError("format", "format 须为 xlsx 或 docx。"));
        }
        if (errors.Count > 0)
        {
            return Problems.BadRequest(string.Join(" ", errors.Select(e => e.Message)), errors);
        }
        var (made, inForce) = await queries.CatalogueAsync(catalogueYear, issuer, cancellationToken);
        var title = CatalogueRows.Title(catalogueYear);
        var sections = CatalogueRows.Sections(catalogueYear, made, inForce);
        return kind == "xlsx"
            ? TypedResults.File(CatalogueSpreadsheet.Write(title, sections), CatalogueSpreadsheet.ContentType, CatalogueRows.FileName(catalogueYear, "xlsx"))
            : TypedResults.File(CatalogueWordDocument.Write(title, sections), CatalogueWordDocument.ContentType, CatalogueRows.FileName(catalogueYear, "docx"));
    }

    private static bool TryYear(string? text, out int year) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out year) && year is >= 1949 and <= 2200;
}
