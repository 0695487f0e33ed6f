using System.Xml;
using Microsoft.AspNetCore.Http.HttpResults;
using Workflows.Engine.Timers;
using Workflows.Host.Accounts;
using Workflows.Host.Infrastructure;

namespace Workflows.Host.Clock;

public sealed record ClockAdvanceRequest(DateTimeOffset? To, string? By);

public sealed record ClockResponse(DateTimeOffset Now, string Mode, int? Fired = null);

/// <summary>The simulated clock of a demo or test installation (<c>Workflows__Clock__Mode=Simulated</c>).</summary>
public static class ClockApi
{
    public static IEndpointRouteBuilder MapClockApi(this IEndpointRouteBuilder app)
    {
        // Mapped in every mode so that an anonymous caller gets 401 and a non-admin 403 as everywhere
        // else; in real-time mode an admin gets 404, as the contract says.
        var group = app.MapGroup("/api/clock").WithTags("Clock").RequireAuthorization(Policies.Admin);
        group.MapGet("/", Get).WithSummary("The simulated time.");
        group.MapPost("/advance", AdvanceAsync).WithSmallJsonBody()
            .WithSummary("Moves the simulated clock forward to a time or by an ISO-8601 duration; due timers fire in order.");
        return app;
    }

    internal static Results<Ok<ClockResponse>, ProblemHttpResult> Get(TimeProvider clock) =>
        clock is SimulatedClock simulated
            ? TypedResults.Ok(new ClockResponse(simulated.GetUtcNow(), "Simulated"))
            : NotSimulated();

    internal static async Task<Results<Ok<ClockResponse>, ProblemHttpResult>> AdvanceAsync(
        ClockAdvanceRequest request, TimeProvider clock, DueTimerRunner timers, CancellationToken cancellationToken)
    {
        if (clock is not SimulatedClock simulated)
        {
            return NotSimulated();
        }
        var now = simulated.GetUtcNow();
        DateTimeOffset target;
        if (request.To.HasValue == (request.By is not null))
        {
            return Problems.BadRequest("The request must give either 'to' or 'by'.",
                [new FieldError("to", "Give a date-time to move to, or 'by'."), new FieldError("by", "Give an ISO-8601 duration such as P3D, or 'to'.")]);
        }
        if (request.By is { } by)
        {
            TimeSpan span;
            try
            {
                span = XmlConvert.ToTimeSpan(by);
            }
            catch (FormatException)
            {
                return Problems.BadRequest("by", $"'{by}' is not an ISO-8601 duration such as P3D or PT2H.");
            }
            if (span < TimeSpan.Zero)
            {
                return Problems.BadRequest("by", "The clock only moves forward.");
            }
            target = now + span;
        }
        else
        {
            target = request.To!.Value;
            if (target < now)
            {
                return Problems.BadRequest("to", $"The clock only moves forward; it is already {now:O}.");
            }
        }
        var fired = await timers.AdvanceAsync(target, cancellationToken);
        return TypedResults.Ok(new ClockResponse(simulated.GetUtcNow(), "Simulated", fired));
    }

    private static ProblemHttpResult NotSimulated() => Problems.NotFound(
        "The clock is real time; the simulated clock exists only when Workflows__Clock__Mode=Simulated.");
}
