using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Workflows.Engine;

namespace Workflows.Host.Infrastructure;

/// <summary>
/// <c>/health</c> as JSON: the overall status and each check with its own status and description,
/// so an operator sees which part is degraded and why. Exceptions are left out on purpose: their
/// messages can carry connection details. Degraded still answers 200 (the product works, with a
/// warning); only Unhealthy answers 503.
/// </summary>
public static class HealthResponses
{
    public static HealthCheckOptions Options => new()
    {
        ResponseWriter = WriteAsync,
        ResultStatusCodes =
        {
            [HealthStatus.Healthy] = StatusCodes.Status200OK,
            [HealthStatus.Degraded] = StatusCodes.Status200OK,
            [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
        },
    };

    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var body = new
        {
            status = report.Status.ToString(),
            totalDuration = report.TotalDuration.TotalMilliseconds,
            entries = report.Entries.ToDictionary(
                e => e.Key,
                e => new
                {
                    status = e.Value.Status.ToString(),
                    description = e.Value.Description ?? (e.Value.Exception is null ? null : "The check failed; see the server log."),
                    duration = e.Value.Duration.TotalMilliseconds,
                    data = e.Value.Data.Count == 0 ? null : e.Value.Data,
                }),
        };
        context.Response.ContentType = "application/json; charset=utf-8";
        // Never cached: a load balancer must see the current state.
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, EngineJson.Options), context.RequestAborted);
    }
}
