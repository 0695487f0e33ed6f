using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Workflows.Engine.Journal;

/// <summary>
/// The hash chain over an instance's journal: each entry's hash covers its own fields and the
/// previous entry's hash, so editing, deleting or reordering an entry is detectable.
/// </summary>
public static class JournalChain
{
    /// <summary>The "previous hash" of an instance's first entry.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string ComputeHash(JournalEntry entry) =>
        ComputeHash(entry.PreviousHash, entry.InstanceId, entry.Sequence, entry.At, entry.ActivityId, entry.Kind, entry.Actor, entry.Data);

    public static string ComputeHash(
        string previousHash, Guid instanceId, long sequence, DateTimeOffset at, string? activityId, string kind, string? actor, string data)
    {
        // A length-prefixed canonical form: no field can bleed into the next, whatever it contains.
        var canonical = new StringBuilder();
        Append(canonical, previousHash);
        Append(canonical, instanceId.ToString("D"));
        Append(canonical, sequence.ToString(CultureInfo.InvariantCulture));
        Append(canonical, at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        Append(canonical, activityId ?? "");
        Append(canonical, kind);
        Append(canonical, actor ?? "");
        Append(canonical, data);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())));
    }

    /// <summary>Checks entries of one instance in sequence order; returns the first broken link or null.</summary>
    public static (long Sequence, string Reason)? FindFirstBreak(IReadOnlyList<JournalEntry> entries)
    {
        var expectedPrevious = Genesis;
        long expectedSequence = 1;
        foreach (var entry in entries)
        {
            if (entry.Sequence != expectedSequence)
            {
                return (expectedSequence, $"Entry {expectedSequence} is missing (found {entry.Sequence}).");
            }
            if (!string.Equals(entry.PreviousHash, expectedPrevious, StringComparison.Ordinal))
            {
                return (entry.Sequence, $"Entry {entry.Sequence} does not point to the hash of entry {entry.Sequence - 1}.");
            }
            if (!string.Equals(ComputeHash(entry), entry.Hash, StringComparison.Ordinal))
            {
                return (entry.Sequence, $"Entry {entry.Sequence} was changed after it was written (hash mismatch).");
            }
            expectedPrevious = entry.Hash;
            expectedSequence++;
        }
        return null;
    }

    private static void Append(StringBuilder builder, string value) =>
        builder.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append('\n');

    /// <summary>Instants are kept to the millisecond so the hash survives every database's precision.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset at) =>
        new(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
}
