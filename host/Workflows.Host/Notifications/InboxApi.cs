using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Workflows.Activities.Notifications;
using Workflows.Activities.Notifications.Inbox;
using Workflows.Host.Accounts;
using Workflows.Host.Infrastructure;

namespace Workflows.Host.Notifications;

/// <param name="Kind">The stable kind name: <c>info</c>, <c>assignment</c>, <c>reminder</c>, <c>escalation</c>, <c>overdue</c> or <c>digest</c>.</param>
public sealed record InboxItemResponse(
    Guid Id,
    string Kind,
    string Title,
    string Body,
    string? Link,
    Guid? InstanceId,
    Guid? TaskId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ReadAt)
{
    public static InboxItemResponse From(InboxItem item) => new(
        item.Id, NotificationNames.Of(item.Kind), item.Title, item.Body, item.Link, item.InstanceId, item.TaskId, item.CreatedAt, item.ReadAt);
}

public sealed record InboxCountResponse(int Unread);

public sealed record InboxMarkedResponse(int Marked);

/// <summary>The signed-in user's own in-app notifications (站内消息); nobody reads or marks another's.</summary>
public static class InboxApi
{
    public const int DefaultTake = 50;
    public const int MaxTake = 500;

    public static IEndpointRouteBuilder MapInboxApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/inbox").WithTags("Inbox").RequireAuthorization();
        group.MapGet("/", ListAsync).WithSummary("Your notifications, newest first; ?unread=true only the unread, ?take= at most that many (default 50, up to 500).");
        group.MapGet("/count", CountAsync).WithSummary("How many of your notifications are unread.");
        group.MapPost("/{id:guid}/read", MarkReadAsync).WithSummary("Marks one of your notifications read; 404 when there is no such notification of yours.");
        group.MapPost("/read-all", MarkAllReadAsync).WithSummary("Marks all your notifications read.");
        return app;
    }

    // The parameters arrive as text so that a bad one is answered with its own name, not a binder message.
    internal static async Task<Results<Ok<List<InboxItemResponse>>, ProblemHttpResult>> ListAsync(
        string? unread, string? take, ClaimsPrincipal user, NotificationInbox inbox, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        var unreadOnly = false;
        if (!string.IsNullOrEmpty(unread) && !bool.TryParse(unread, out unreadOnly))
        {
            errors.Add(new FieldError("unread", "unread must be true or false."));
        }
        var count = DefaultTake;
        if (!string.IsNullOrEmpty(take)
            && (!int.TryParse(take, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 1 or > MaxTake))
        {
            errors.Add(new FieldError("take", $"take must be a whole number from 1 to {MaxTake}."));
        }
        if (errors.Count > 0)
        {
            return Problems.BadRequest("The inbox query is not valid.", errors);
        }
        var items = await inbox.ListAsync(user.ToActor().UserName, unreadOnly, count, cancellationToken);
        return TypedResults.Ok(items.Select(InboxItemResponse.From).ToList());
    }

    internal static async Task<Ok<InboxCountResponse>> CountAsync(ClaimsPrincipal user, NotificationInbox inbox, CancellationToken cancellationToken) =>
        TypedResults.Ok(new InboxCountResponse(await inbox.CountUnreadAsync(user.ToActor().UserName, cancellationToken)));

    /// <summary>Someone else's notification answers exactly as a missing one does, so ids cannot be probed.</summary>
    internal static async Task<Results<NoContent, ProblemHttpResult>> MarkReadAsync(
        Guid id, ClaimsPrincipal user, NotificationInbox inbox, CancellationToken cancellationToken) =>
        await inbox.MarkReadAsync(id, user.ToActor().UserName, cancellationToken)
            ? TypedResults.NoContent()
            : Problems.NotFound($"You have no notification {id}.");

    internal static async Task<Ok<InboxMarkedResponse>> MarkAllReadAsync(ClaimsPrincipal user, NotificationInbox inbox, CancellationToken cancellationToken) =>
        TypedResults.Ok(new InboxMarkedResponse(await inbox.MarkAllReadAsync(user.ToActor().UserName, cancellationToken)));
}
