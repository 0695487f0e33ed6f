using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using Workflows.Engine.Persistence;
using Workflows.Host.Accounts;

namespace Workflows.Host.Infrastructure;

public static class ApiInfrastructure
{
    public const string DefaultAddress = "http://127.0.0.1:5080";

    /// <summary>
    /// The contract's address when nothing else is configured: <c>--urls</c>, <c>ASPNETCORE_URLS</c>,
    /// <c>ASPNETCORE_HTTP_PORTS</c> and Kestrel endpoint sections all win over it.
    /// </summary>
    public static WebApplicationBuilder UseServerDefaults(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        if (string.IsNullOrEmpty(configuration["urls"])
            && string.IsNullOrEmpty(configuration["http_ports"])
            && string.IsNullOrEmpty(configuration["https_ports"])
            && !configuration.GetSection("Kestrel:Endpoints").Exists())
        {
            builder.WebHost.UseUrls(DefaultAddress);
        }
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = RequestBodyLimits.ServerMaxBytes);
        return builder;
    }

    public static IServiceCollection AddHostOptions(this IServiceCollection services, WorkflowStorage storage)
    {
        services.AddSingleton(storage);
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section);
        services.AddOptions<WorkflowsHostOptions>().BindConfiguration(WorkflowsHostOptions.Section);
        return services;
    }

    /// <summary>problem+json for every error, JSON conventions, OpenAPI and health checks.</summary>
    public static IServiceCollection AddApiInfrastructure(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            problem.Extensions.TryAdd("traceId", context.HttpContext.TraceIdentifier);
            // Kestrel rejects an oversized body while the JSON binder reads it; the binder treats that
            // as an I/O failure and leaves an empty 413, which still deserves to say what is wrong.
            if (problem.Status == StatusCodes.Status413PayloadTooLarge && !problem.Extensions.ContainsKey(Problems.ErrorsKey))
            {
                problem.Detail ??= $"The body is larger than this endpoint accepts ({RequestBodyLimits.JsonBodyBytes / 1024 / 1024} MiB for JSON commands).";
                problem.Extensions[Problems.ErrorsKey] = new[] { new FieldError("body", problem.Detail) };
            }
        });
        services.AddExceptionHandler<ApiExceptionHandler>();
        // Binding failures (malformed JSON, a wrong content type) then reach ApiExceptionHandler, which
        // names the field, instead of ending as an empty 400.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddHttpContextAccessor();
        services.AddTextCompression();
        services.AddOpenApi(o => o.AddDocumentTransformer<OpenApiBearer>());
        services.AddHealthChecks()
            .AddDbContextCheck<AccountsDbContext>("accounts-database")
            .AddDbContextCheck<WorkflowDbContext>("engine-database");
        return services;
    }

    public static WebApplication UseApiInfrastructure(this WebApplication app)
    {
        app.UseTextCompression();
        app.UseExceptionHandler();
        // Empty error responses (401/403 from authorization, 404 from routing) get a problem+json body.
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    public static IEndpointRouteBuilder MapOperationalEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi();
        app.MapHealthChecks("/health", HealthResponses.Options);
        return app;
    }
}
