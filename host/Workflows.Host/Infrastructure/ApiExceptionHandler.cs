using System.Text.Json;
using System.Text.RegularExpressions;
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
internal sealed partial class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if ((Map(exception) ?? UnreadableCharset(exception, httpContext.Request)) is not { } problem)
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
            _ => FromBindingFailure(exception),
        };
    }

    /// <summary>
    /// The framework's own binding failures (a query value that does not parse, a missing or
    /// <c>null</c> body) name the C# parameter inside an English sentence meant for developers;
    /// the client gets the parameter it sent, or <c>body</c>, as every 400 of the API does.
    /// </summary>
    private static ProblemDetails FromBindingFailure(BadHttpRequestException exception)
    {
        FieldError error;
        if (BindingFailed().Match(exception.Message) is { Success: true } failed)
        {
            var name = failed.Groups["name"].Value;
            error = new FieldError(name, $"'{failed.Groups["value"].Value}' is not a valid value for {name}.");
        }
        else if (NotProvided().Match(exception.Message) is { Success: true } missing && missing.Groups["source"].Value != "body")
        {
            error = new FieldError(missing.Groups["name"].Value, $"{missing.Groups["name"].Value} is required.");
        }
        else if (exception.Message.StartsWith("Implicit body inferred", StringComparison.Ordinal) || NotProvided().IsMatch(exception.Message))
        {
            error = new FieldError("body", "The request needs a JSON object as its body.");
        }
        else
        {
            // Whatever else the framework refuses is about the request as a whole.
            error = new FieldError("body", exception.Message);
        }
        return Problems.Create(exception.StatusCode, "The request is not valid", error.Message, [error]);
    }

    /// <summary>
    /// The JSON binder throws a bare InvalidOperationException (a 500) for a charset it cannot decode,
    /// such as <c>charset=gbk</c>; that is the client's to fix: 415 naming the body.
    /// </summary>
    private static ProblemDetails? UnreadableCharset(Exception exception, HttpRequest request) =>
        exception is InvalidOperationException && RequestBodyLimits.UnsupportedCharset(request) is { } charset
            ? Problems.Create(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", RequestBodyLimits.CharsetMessage(charset),
                [new FieldError("body", RequestBodyLimits.CharsetMessage(charset))])
            : null;

    // RequestDelegateFactory's messages: Failed to bind parameter "{type} {name}" from "{value}".
    [GeneratedRegex("""^Failed to bind parameter "(?:[^"]* )?(?<name>[^" ]+)" from "(?<value>.*)"\.$""")]
    private static partial Regex BindingFailed();

    // Required parameter "{type} {name}" was not provided from {source}.
    [GeneratedRegex("""^Required parameter "(?:[^"]* )?(?<name>[^" ]+)" was not provided from (?<source>.+)\.$""")]
    private static partial Regex NotProvided();
}
