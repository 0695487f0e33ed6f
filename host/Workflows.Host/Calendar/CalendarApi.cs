using System.Globalization;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Workflows.Engine.Calendar;
using Workflows.Host.Infrastructure;

namespace Workflows.Host.Calendar;

/// <summary>Answered in the spelling the query takes.</summary>
public enum DeadlineUnit
{
    [JsonStringEnumMemberName("workingDays")]
    WorkingDays,

    [JsonStringEnumMemberName("calendarDays")]
    CalendarDays,
}

/// <param name="CalendarHasData">
/// For working days: false when the holiday notice for a year in the range is not loaded, so working
/// days are weekdays only. Null for calendar days, which need no notice.
/// </param>
public sealed record DeadlineResponse(DateOnly Due, DateOnly Start, int Amount, DeadlineUnit Unit, bool? CalendarHasData);

public static class CalendarApi
{
    public static IEndpointRouteBuilder MapCalendarApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/calendar").WithTags("Calendar").RequireAuthorization()
            .MapGet("/deadline", GetDeadline)
            .WithSummary("The day a period of working days or calendar days ends; the start day is not counted.");
        return app;
    }

    // The parameters arrive as text so that a bad one is answered with its own name, not a binder message.
    internal static Results<Ok<DeadlineResponse>, ProblemHttpResult> GetDeadline(
        string? start, string? amount, string? unit, IWorkingDayCalendar calendar)
    {
        var errors = new List<FieldError>();
        if (!DateOnly.TryParseExact(start, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var startDay))
        {
            errors.Add(new FieldError("start", "start must be a date written YYYY-MM-DD."));
        }
        if (!int.TryParse(amount, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count > 3660)
        {
            errors.Add(new FieldError("amount", "amount must be a whole number of days from 0 to 3660."));
        }
        if (!Enum.TryParse<DeadlineUnit>(unit, ignoreCase: true, out var deadlineUnit) || !Enum.IsDefined(deadlineUnit) || int.TryParse(unit, out _))
        {
            errors.Add(new FieldError("unit", "unit must be workingDays or calendarDays."));
        }
        if (errors.Count > 0)
        {
            return Problems.BadRequest("The deadline query is not valid.", errors);
        }

        if (deadlineUnit == DeadlineUnit.CalendarDays)
        {
            return TypedResults.Ok(new DeadlineResponse(startDay.AddDays(count), startDay, count, deadlineUnit, null));
        }
        var due = calendar.AddWorkingDays(startDay, count);
        var hasData = Enumerable.Range(startDay.Year, due.Year - startDay.Year + 1).All(calendar.HasDataFor);
        return TypedResults.Ok(new DeadlineResponse(due, startDay, count, deadlineUnit, hasData));
    }
}
