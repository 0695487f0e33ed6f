using Microsoft.EntityFrameworkCore;
using Workflows.Procedures.NormativeDocuments.Persistence;

namespace Workflows.Procedures.NormativeDocuments.Register;

public sealed record RegisterSearch(string? Text = null, DocumentStatus? Status = null, int? Year = null, string? Issuer = null, int Skip = 0, int Take = 100);

/// <summary>Reading the register: search, one document with its filings, periods and history, and the catalogue's two lists.</summary>
public sealed class RegisterQueries(IDbContextFactory<NormativeDocumentsDbContext> dbFactory, NormativeCalendar calendar)
{
    public async Task<IReadOnlyList<NormativeDocument>> SearchAsync(RegisterSearch search, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Documents.AsNoTracking().Include(d => d.Filings).AsQueryable();
        if (!string.IsNullOrWhiteSpace(search.Text))
        {
            var text = search.Text.Trim();
            query = query.Where(d => d.Title.Contains(text) || (d.Number != null && d.Number.Contains(text)));
        }
        if (search.Status is { } status)
        {
            query = query.Where(d => d.Status == status);
        }
        if (search.Year is { } year)
        {
            query = query.Where(d => d.CatalogueYear == year);
        }
        if (!string.IsNullOrWhiteSpace(search.Issuer))
        {
            query = query.Where(d => d.IssuerCode == search.Issuer.Trim());
        }
        return await query
            .OrderByDescending(d => d.CatalogueYear).ThenBy(d => d.IssuerCode).ThenByDescending(d => d.Sequence).ThenByDescending(d => d.CreatedAt)
            .Skip(search.Skip).Take(search.Take)
            .ToListAsync(cancellationToken);
    }

    public async Task<(NormativeDocument Document, IReadOnlyList<RegisterHistoryEntry> History)?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var document = await db.Documents.AsNoTracking().Include(d => d.Filings).Include(d => d.ValidityPeriods)
            .SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (document is null)
        {
            return null;
        }
        var history = await db.History.AsNoTracking().Where(h => h.DocumentId == id).OrderBy(h => h.At).ThenBy(h => h.Id).ToListAsync(cancellationToken);
        return (document, history);
    }

    /// <summary>Whether the document may be relied on today: published, in force by status, and within its validity dates.</summary>
    public bool IsInForce(NormativeDocument document)
    {
        var today = calendar.Today();
        return DocumentStatusNames.InForce.Contains(document.Status)
            && document.EffectiveOn <= today && document.ExpiresOn >= today;
    }

    /// <summary>
    /// The yearly catalogue (年度目录): the documents registered in <paramref name="year"/>, and every
    /// document in force today (published and within validity; not yet effective ones included).
    /// </summary>
    public async Task<(IReadOnlyList<NormativeDocument> MadeInYear, IReadOnlyList<NormativeDocument> InForce)> CatalogueAsync(int year, string? issuer, CancellationToken cancellationToken)
    {
        var today = calendar.Today();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var documents = db.Documents.AsNoTracking().Where(d => d.Number != null);
        if (!string.IsNullOrWhiteSpace(issuer))
        {
            documents = documents.Where(d => d.IssuerCode == issuer);
        }
        var made = await documents.Where(d => d.Year == year && d.PublishedOn != null)
            .OrderBy(d => d.IssuerCode).ThenBy(d => d.Sequence).ToListAsync(cancellationToken);
        var inForce = await documents.Where(d => DocumentStatusNames.InForce.Contains(d.Status) && d.ExpiresOn >= today)
            .OrderBy(d => d.IssuerCode).ThenBy(d => d.Year).ThenBy(d => d.Sequence).ToListAsync(cancellationToken);
        return (made, inForce);
    }
}
