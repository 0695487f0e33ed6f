using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Workflows.Host.Infrastructure;

namespace Workflows.Host.Accounts;

public sealed record TokenRequest(string? UserName, string? Password);

public sealed record TokenResponse(string AccessToken, DateTimeOffset ExpiresAt);

public static class AuthApi
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Authentication");
        group.MapPost("/token", IssueTokenAsync)
            .AllowAnonymous()
            .WithSmallJsonBody()
            .WithSummary("Exchanges a user name and password for a bearer token.");
        return app;
    }

    /// <summary>
    /// Identity checks the password and counts failures towards lockout; the token itself is a ticket
    /// protected by the bearer handler's own protector, so the handler validates it as one of its own.
    /// </summary>
    internal static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> IssueTokenAsync(
        TokenRequest request,
        HttpContext http,
        UserManager<WorkflowUser> users,
        SignInManager<WorkflowUser> signIn,
        IOptionsMonitor<BearerTokenOptions> bearerOptions)
    {
        var missing = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(request.UserName))
        {
            missing.Add(new FieldError("userName", "The user name is required."));
        }
        if (string.IsNullOrEmpty(request.Password))
        {
            missing.Add(new FieldError("password", "The password is required."));
        }
        if (missing.Count > 0)
        {
            return Problems.BadRequest("The sign-in request is incomplete.", missing);
        }

        var user = await users.FindByNameAsync(request.UserName!);
        if (user is null)
        {
            return WrongCredentials();
        }
        if (user.IsDemo && !DemoAccounts.IsLocal(http.Connection))
        {
            return TypedResults.Problem(
                title: "Demo account refused",
                detail: "Demo accounts have a published password and may sign in from this machine (loopback) only.",
                statusCode: StatusCodes.Status403Forbidden);
        }

        var result = await signIn.CheckPasswordSignInAsync(user, request.Password!, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            return TypedResults.Problem(
                title: "Account locked",
                detail: "Too many failed sign-ins: the account is locked for a while. Try again later or ask an administrator to unlock it.",
                statusCode: StatusCodes.Status423Locked);
        }
        if (!result.Succeeded)
        {
            return WrongCredentials();
        }

        var principal = await signIn.CreateUserPrincipalAsync(user);
        var options = bearerOptions.Get(IdentityConstants.BearerScheme);
        var now = (options.TimeProvider ?? TimeProvider.System).GetUtcNow();
        var expiresAt = now + options.BearerTokenExpiration;
        var ticket = new AuthenticationTicket(
            principal,
            new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = expiresAt },
            IdentityConstants.BearerScheme);
        return TypedResults.Ok(new TokenResponse(options.BearerTokenProtector.Protect(ticket), expiresAt));
    }

    private static ProblemHttpResult WrongCredentials() => TypedResults.Problem(
        title: "Sign-in failed",
        detail: "The user name or password is wrong.",
        statusCode: StatusCodes.Status401Unauthorized);
}
