using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Workflows.Engine.Bpmn.Parsing;
using Workflows.Engine.Runtime;

namespace Workflows.Host.Infrastructure;

/// <summary>
/// Turns the engine's expected failures and the framework's bad-request exceptions into
/// problem+json. Anything else falls through to the default handler: a bare 500 problem without
/// exception details.
/// </summary>
internal sealed class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (Map(exception) is not { } problem)
        {
            return false;
        }
        logger.LogDebug(exception, "Request failed with {Status}", problem.Status);
        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    internal static ProblemDetails? Map(Exception exception) => exception switch
    {
        WorkflowValidationException e => Problems.Create(StatusCodes.Status400BadRequest, "The request is not valid", e.Message,
            [.. e.Errors.Select(x => new FieldError(x.Target, x.Message, x.ElementType))]),
        BpmnFormatException e => Problems.Create(StatusCodes.Status400BadRequest, "Not a BPMN 2.0 file", e.Message,
            [new FieldError("body", e.Message)]),
        WorkflowNotFoundException e => Problems.Create(StatusCodes.Status404NotFound, "Not found", e.Message),
        WorkflowConflictException e => Problems.Create(StatusCodes.Status409Conflict, "Conflict", e.Message),
        WorkflowForbiddenException e => Problems.Create(StatusCodes.Status403Forbidden, "Forbidden", e.Message),
        WorkflowExecutionException e => WithActivity(
            Problems.Create(StatusCodes.Status422UnprocessableEntity, "The workflow cannot continue", e.Reason), e.ActivityId),
        BadHttpRequestException e => FromBadRequest(e),
        _ => null,
    };

    private static ProblemDetails WithActivity(ProblemDetails problem, string activityId)
    {
        problem.Extensions["activityId"] = activityId;
        return problem;
    }

    /// <summary>Malformed JSON names the JSON path at fault; a body over the limit is a 413.</summary>
    private static ProblemDetails FromBadRequest(BadHttpRequestException exception)
    {
        if (exception.InnerException is JsonException json)
        {
            var target = string.IsNullOrEmpty(json.Path) || json.Path == "$" ? "body" : json.Path.TrimStart('$', '.');
            var message = $"The JSON body is malformed at '{target}': {json.Message}";
            return Problems.Create(StatusCodes.Status400BadRequest, "Malformed JSON", message, [new FieldError(target, message)]);
        }
        return exception.StatusCode switch
        {
            StatusCodes.Status413PayloadTooLarge => Problems.Create(exception.StatusCode, "Request body too large", exception.Message,
                [new FieldError("body", exception.Message)]),
            StatusCodes.Status415UnsupportedMediaType => Problems.Create(exception.StatusCode, "Unsupported media type", exception.Message,
                [new FieldError("body", exception.Message)]),
            _ => Problems.Create(exception.StatusCode, "Bad request", exception.Message),
        };
    }
}
