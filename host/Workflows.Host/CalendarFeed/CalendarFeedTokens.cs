using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Workflows.Host.Accounts;

namespace Workflows.Host.CalendarFeed;

/// <summary>Issues, rotates and checks the secret tokens of calendar feed addresses.</summary>
public sealed class CalendarFeedTokens(AccountsDbContext db, TimeProvider clock)
{
    /// <summary>256 random bits: unguessable, so a fast hash is enough to keep it out of a stolen database.</summary>
    private const int TokenBytes = 32;

    /// <summary>A new token for the user, replacing any earlier one (which stops working at once).</summary>
    public async Task<(string Token, DateTimeOffset CreatedAt)> IssueAsync(string userId, CancellationToken cancellationToken)
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(TokenBytes));
        var hash = Hash(token);
        var now = clock.GetUtcNow();
        if (await ReplaceAsync(userId, hash, now, cancellationToken) == 0)
        {
            db.CalendarFeedTokens.Add(new CalendarFeedToken { UserId = userId, TokenHash = hash, CreatedAt = now });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another request created the user's first token meanwhile: the later one wins, as a rotation.
                db.ChangeTracker.Clear();
                if (await ReplaceAsync(userId, hash, now, cancellationToken) == 0)
                {
                    throw;
                }
            }
        }
        return (token, now);
    }

    /// <summary>The user the token belongs to; null for an unknown, malformed or rotated token.</summary>
    public async Task<WorkflowUser?> FindUserAsync(string token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return null;
        }
        var hash = Hash(token);
        return await (
            from feed in db.CalendarFeedTokens
            join user in db.Users on feed.UserId equals user.Id
            where feed.TokenHash == hash
            select user).SingleOrDefaultAsync(cancellationToken);
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private Task<int> ReplaceAsync(string userId, string hash, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.CalendarFeedTokens.Where(t => t.UserId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.TokenHash, hash).SetProperty(t => t.CreatedAt, now), cancellationToken);
}
