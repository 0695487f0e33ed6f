using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Workflows.Activities.Notifications.Email;
using Workflows.Engine;
using Workflows.Engine.Runtime;
using Workflows.Host.Accounts;
using Workflows.Host.Infrastructure;

namespace Workflows.Host.CalendarFeed;

/// <param name="Url">The feed's address, to paste into a calendar client's "subscribe" dialog; it is the password, keep it private.</param>
public sealed record CalendarFeedTokenResponse(string Url, DateTimeOffset CreatedAt);

/// <summary>
/// A per-user iCalendar feed of due dates (办理期限订阅). Calendar clients fetch it without signing
/// in, so its address carries a secret token: issued through the API, replaced on each request.
/// </summary>
public static class CalendarFeedApi
{
    public static IServiceCollection AddCalendarFeed(this IServiceCollection services) => services.AddScoped<CalendarFeedTokens>();

    public static IEndpointRouteBuilder MapCalendarFeedApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/calendar").WithTags("Calendar").RequireAuthorization()
            .MapPost("/feed-token", IssueTokenAsync)
            .WithSummary("Creates your calendar feed address, or replaces it: the previous address stops working.");
        app.MapGet("/calendar/{token}.ics", GetFeedAsync)
            .AllowAnonymous()
            .WithTags("Calendar")
            .WithSummary("The iCalendar feed of the due dates of the open tasks the token's owner may act on; 404 for an unknown or replaced token.");
        return app;
    }

    internal static async Task<Results<Ok<CalendarFeedTokenResponse>, ProblemHttpResult>> IssueTokenAsync(
        ClaimsPrincipal user,
        UserManager<WorkflowUser> users,
        CalendarFeedTokens tokens,
        IOptionsMonitor<EmailOptions> email,
        CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(user) is not { } account)
        {
            return Problems.NotFound("Calendar feeds belong to local accounts; yours was not found.");
        }
        var (token, createdAt) = await tokens.IssueAsync(account.Id, cancellationToken);
        return TypedResults.Ok(new CalendarFeedTokenResponse(FeedUrl(email.CurrentValue, token), createdAt));
    }

    internal static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetFeedAsync(
        string token,
        HttpContext http,
        CalendarFeedTokens tokens,
        UserManager<WorkflowUser> users,
        IWorkflowQueries queries,
        IOptions<WorkflowEngineOptions> engine,
        IOptionsMonitor<EmailOptions> email,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (await tokens.FindUserAsync(token, cancellationToken) is not { } account)
        {
            return Problems.NotFound("There is no calendar feed at this address: it was never issued or has been replaced.");
        }
        // The feed token stands in for signing in, so it obeys the same rule as the demo users' password.
        if (account.IsDemo && !DemoAccounts.IsLocal(http.Connection))
        {
            return TypedResults.Problem(
                title: "Demo account refused",
                detail: "Demo accounts may be used from this machine (loopback) only.",
                statusCode: StatusCodes.Status403Forbidden);
        }

        // Locking an account is how an administrator stops a person; their feed stops with them.
        if (await users.IsLockedOutAsync(account))
        {
            return TypedResults.Problem(
                title: "Account locked",
                detail: "The account this calendar feed belongs to is locked.",
                statusCode: StatusCodes.Status423Locked);
        }

        var roles = await users.GetRolesAsync(account);
        var actor = new WorkflowActor(account.UserName!, roles.ToHashSet(StringComparer.Ordinal), account.UnitCode);
        var tasks = await queries.ListTasksAsync(new TaskFilter(Mine: true), actor, cancellationToken);

        var publicBase = email.CurrentValue;
        var calendar = new DueDateCalendar(engine.Value.TimeZone, engine.Value.ReminderTime, id => Absolute(publicBase, $"/tasks/{id}"));
        // Clients poll the address; a shared cache must never keep one person's deadlines.
        http.Response.Headers.CacheControl = "private, no-cache";
        return TypedResults.Text(calendar.Write(tasks, clock.GetUtcNow()), DueDateCalendar.ContentType, Encoding.UTF8);
    }

    /// <summary>Under <c>Workflows:Email:PublicBaseUrl</c>, the address people (and their calendar clients) reach the product at.</summary>
    private static string FeedUrl(EmailOptions options, string token) => Absolute(options, $"/calendar/{token}.ics");

    private static string Absolute(EmailOptions options, string path) => options.PublicBaseUrl.TrimEnd('/') + path;
}
