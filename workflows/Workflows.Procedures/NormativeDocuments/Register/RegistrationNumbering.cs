using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Workflows.Procedures.NormativeDocuments.Persistence;

namespace Workflows.Procedures.NormativeDocuments.Register;

/// <summary>
/// One numbering sequence per issuing body and year (统一编号): <c>柳江规〔2026〕3号</c>. The
/// counter row is advanced by an UPDATE, which takes its row lock (PostgreSQL) or the write lock
/// (SQLite) until the document carrying the number commits in the same transaction: concurrent
/// registrations queue behind each other, a rolled-back one gives its number back, so the
/// sequence has neither gaps nor duplicates. The unique index on the number is the backstop.
/// </summary>
public static class RegistrationNumbering
{
    public static string Format(string prefix, int year, int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}〔{year}〕{sequence}号");

    /// <summary>Takes the next number of <paramref name="issuerCode"/> in <paramref name="year"/>, inside the caller's transaction.</summary>
    public static async Task<int> NextAsync(NormativeDocumentsDbContext db, string issuerCode, int year, CancellationToken cancellationToken)
    {
        var advanced = await db.Database
            .SqlQuery<int>($"UPDATE nd_number_sequences SET last_value = last_value + 1 WHERE issuer_code = {issuerCode} AND year = {year} RETURNING last_value AS \"Value\"")
            .ToListAsync(cancellationToken);
        if (advanced.Count == 1)
        {
            return advanced[0];
        }
        // The year's first number. Two first registrations racing here collide on the primary key;
        // the loser's transaction is retried by the caller and then finds the row.
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO nd_number_sequences (issuer_code, year, last_value) VALUES ({issuerCode}, {year}, 1)", cancellationToken);
        return 1;
    }

    /// <summary>A lost race worth retrying: a duplicate key, a serialization failure or deadlock, or SQLite busy.</summary>
    public static bool IsRace(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is DbUpdateConcurrencyException)
            {
                return true;
            }
            if (e is DbException db && (db.SqlState is "23505" or "40001" or "40P01"
                || db.Message.Contains("UNIQUE constraint failed", StringComparison.Ordinal)
                || db.Message.Contains("database is locked", StringComparison.Ordinal)))
            {
                return true;
            }
        }
        return false;
    }
}
