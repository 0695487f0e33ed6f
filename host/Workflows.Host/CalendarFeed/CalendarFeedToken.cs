namespace Workflows.Host.CalendarFeed;

/// <summary>
/// A user's secret calendar feed address. Calendar clients cannot send bearer tokens, so the token
/// in the URL is the credential; only its SHA-256 is stored, so a copy of the database does not
/// open anybody's feed. One per user: issuing a new one replaces (and so revokes) the old.
/// </summary>
public sealed class CalendarFeedToken
{
    /// <summary>The Identity user's id; the row goes when the user does.</summary>
    public required string UserId { get; set; }

    /// <summary>Lower-case hex SHA-256 of the token's text.</summary>
    public required string TokenHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
