using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using MudBlazor.Services;
using Workflows.Host.Components.Account;
using Workflows.Host.Components.Cases;
using Workflows.Host.Components.Decisions;
using Workflows.Host.Components.Designer;
using Workflows.Host.Components.Layout;
using Workflows.Host.Components.Monitor;
using Workflows.Host.Components.Procedures;
using Workflows.Host.Components.Registers;
using Workflows.Host.Components.Shared;
using Workflows.Host.Components.Tasks;

namespace Workflows.Host.Components;

/// <summary>
/// The web application: Blazor pages rendered on the server (interactive over a SignalR circuit) with
/// MudBlazor, Chinese by default and English on request, signed in with the Identity cookie.
/// </summary>
public static class WebUiHosting
{
    public const string SignInPath = "/account/sign-in";

    public static readonly CultureInfo[] Cultures = [new("zh-CN"), new("en")];

    public static WebApplicationBuilder AddWebUi(this WebApplicationBuilder builder)
    {
        // Package assets (MudBlazor's CSS and JS) are found through the build's manifest; the SDK wires
        // it only in Development, so a build run in Production (tests, `dotnet run -e Production`)
        // would answer 500 for them. A published app has no manifest and this does nothing.
        builder.WebHost.UseStaticWebAssets();

        var services = builder.Services;
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddMudServices();
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            // Chinese unless the person chose otherwise: a browser's Accept-Language does not decide.
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = SignInPath;
            o.AccessDeniedPath = "/account/access-denied";
        });

        services.AddScoped<CurrentUser>();
        services.AddScoped<InboxState>();
        services.AddScoped<UiTime>();
        services.AddSingleton<ScopedReads>();
        services.AddScoped<DueClassifier>();
        services.AddScoped<TaskBoard>();
        services.AddScoped<TaskDesk>();
        services.AddScoped<CaseFile>();
        services.AddScoped<ProcedureCatalog>();
        services.AddRegisterPages();
        services.AddScoped<DesignerWorkbench>();
        services.AddScoped<InstanceMonitor>();
        return builder;
    }

    /// <summary>After authentication: the UI language for pages (the API stays culture-neutral) and antiforgery for forms.</summary>
    public static WebApplication UseWebUi(this WebApplication app)
    {
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), ui => ui.UseRequestLocalization());
        // The API is culture-neutral whatever the server's locale: the engine's findings come back in English
        // (the neutral resources) on a zh_CN server too, and numbers and dates in messages read the same everywhere.
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.Use(next => context =>
        {
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
            return next(context);
        }));
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapWebUi(this WebApplication app)
    {
        // Fingerprinted, compressed, cached: MapStaticAssets sets ETags and immutable caching itself.
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapAccountEndpoints();
        app.MapDocumentDownload();
        app.MapDossierDownload();
        app.MapRegisterDownloads();
        return app;
    }
}
