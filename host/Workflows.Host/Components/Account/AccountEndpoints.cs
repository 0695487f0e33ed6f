using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Workflows.Host.Accounts;

namespace Workflows.Host.Components.Account;

/// <summary>The browser's account actions that are not pages: sign-out, the Entra ID challenge and the language cookie.</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/account").ExcludeFromDescription();

        // A form post with the antiforgery token (minimal APIs check it for form-bound parameters),
        // so another site cannot sign a person out.
        account.MapPost("/sign-out", async ([FromForm] string? returnUrl, SignInManager<WorkflowUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect(WebUiHosting.SignInPath);
        });

        account.MapGet("/sign-in/entra", (string? returnUrl, IConfiguration configuration) =>
            EntraConfigured(configuration)
                ? Results.Challenge(new AuthenticationProperties { RedirectUri = LocalUrl(returnUrl) }, [OpenIdConnectDefaults.AuthenticationScheme])
                : Results.NotFound());

        account.MapGet("/culture", (string? culture, string? returnUrl, HttpContext http) =>
        {
            var chosen = WebUiHosting.Cultures.FirstOrDefault(c => string.Equals(c.Name, culture, StringComparison.OrdinalIgnoreCase)) ?? WebUiHosting.Cultures[0];
            http.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
            return TypedResults.LocalRedirect(LocalUrl(returnUrl));
        });
        return app;
    }

    public static bool EntraConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration.GetSection(EntraIdSignIn.Section)["ClientId"]);

    /// <summary>Only a path of this site: an open redirect would let a link on another site use ours as a springboard.</summary>
    public static string LocalUrl(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) ? url : "/";
}
