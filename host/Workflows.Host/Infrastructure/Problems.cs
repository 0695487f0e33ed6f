using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Workflows.Host.Infrastructure;

/// <summary>
/// One fault in a request: <see cref="Target"/> names the field, query parameter or BPMN element id.
/// Every 400 of the API carries a list of these in <c>errors</c>, whatever produced it.
/// </summary>
public sealed record FieldError(string Target, string Message, string? ElementType = null);

public static class Problems
{
    public const string ErrorsKey = "errors";

    public static ProblemHttpResult BadRequest(string detail, IReadOnlyList<FieldError> errors) =>
        TypedResults.Problem(Create(StatusCodes.Status400BadRequest, "The request is not valid", detail, errors));

    public static ProblemHttpResult BadRequest(string target, string message) =>
        BadRequest(message, [new FieldError(target, message)]);

    public static ProblemHttpResult NotFound(string detail, string? target = null) =>
        TypedResults.Problem(Create(StatusCodes.Status404NotFound, "Not found", detail, target is null ? null : [new FieldError(target, detail)]));

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(Create(StatusCodes.Status409Conflict, "Conflict", detail));

    public static ProblemHttpResult TooLarge(string target, string detail) =>
        TypedResults.Problem(Create(StatusCodes.Status413PayloadTooLarge, "Request body too large", detail, [new FieldError(target, detail)]));

    public static ProblemDetails Create(int status, string title, string detail, IReadOnlyList<FieldError>? errors = null)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        if (errors is { Count: > 0 })
        {
            problem.Extensions[ErrorsKey] = errors;
        }
        return problem;
    }
}
