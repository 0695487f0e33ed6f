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

/// <summary>What the law asks of the period, in the spelling the query takes.</summary>
public enum DeadlineKind
{
    /// <summary>"…日内": due by the end of <c>due</c>.</summary>
    [JsonStringEnumMemberName("maximum")]
    Maximum,

    /// <summary>"不少于…日": may not close before <c>due</c> has ended.</summary>
    [JsonStringEnumMemberName("minimum")]
    Minimum,
}

public sealed record CalendarWarningResponse(string Code, string Message, int? Year)
{
    public static CalendarWarningResponse From(CalendarWarning w) => new(w.Code, w.Message, w.Year);
}

/// <param name="RolledOverFrom">For calendar days: the 30th (n-th) day when it was a holiday or rest day and the period was extended to <paramref name="Due"/>.</param>
/// <param name="CalendarHasData">False when a year the computation reached has no holiday notice loaded: <paramref name="Due"/> then rests on weekdays only, and <paramref name="Warnings"/> says so.</param>
/// <param name="Explanation">One line for people, e.g. "due by the end of 2026-10-13 (7WD from 2026-09-28)".</param>
public sealed record DeadlineResponse(
    DateOnly Due,
    DateOnly Start,
    int Amount,
    DeadlineUnit Unit,
    DeadlineKind Kind,
    DateOnly? RolledOverFrom,
    bool CalendarHasData,
    IReadOnlyList<CalendarWarningResponse> Warnings,
    string Explanation);

public static class CalendarApi
{
    public const int MaxAmount = 3660;

    public static IEndpointRouteBuilder MapCalendarApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/calendar").WithTags("Calendar").RequireAuthorization();
        group.MapGet("/deadline", GetDeadline)
            .WithSummary("The last day of a legal period from a date (the start day not counted): working days under the statutory calendar, or calendar days rolled past holidays and rest days.");
        group.MapCalendarYearsApi();
        return app;
    }

    // The parameters arrive as text so that a bad one is answered with its own name, not a binder message.
    internal static Results<Ok<DeadlineResponse>, ProblemHttpResult> GetDeadline(
        string? start, string? amount, string? unit, string? kind, DeadlineCalculator calculator)
    {
        var errors = new List<FieldError>();
        if (!DateOnly.TryParseExact(start, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var startDay))
        {
            errors.Add(new FieldError("start", "start must be a date written YYYY-MM-DD."));
        }
        if (!int.TryParse(amount, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count > MaxAmount)
        {
            errors.Add(new FieldError("amount", $"amount must be a whole number of days from 0 to {MaxAmount}."));
        }
        if (!TryParseName<DeadlineUnit>(unit, out var deadlineUnit))
        {
            errors.Add(new FieldError("unit", "unit must be workingDays or calendarDays."));
        }
        var deadlineKind = DeadlineKind.Maximum;
        if (kind is not null && !TryParseName(kind, out deadlineKind))
        {
            errors.Add(new FieldError("kind", "kind must be maximum (…日内, the default) or minimum (不少于…日)."));
        }
        if (errors.Count > 0)
        {
            return Problems.BadRequest("The deadline query is not valid.", errors);
        }

        var period = new LegalPeriod(
            count,
            deadlineUnit == DeadlineUnit.WorkingDays ? PeriodUnit.WorkingDays : PeriodUnit.CalendarDays,
            deadlineKind == DeadlineKind.Minimum ? PeriodKind.Minimum : PeriodKind.Maximum);
        var deadline = calculator.Compute(startDay, period);
        return TypedResults.Ok(new DeadlineResponse(
            deadline.Due, startDay, count, deadlineUnit, deadlineKind, deadline.RolledOverFrom,
            !deadline.Warnings.Any(w => w.Code == CalendarWarning.NoHolidayDataCode),
            [.. deadline.Warnings.Select(CalendarWarningResponse.From)],
            deadline.Explain()));
    }

    private static bool TryParseName<T>(string? text, out T value)
        where T : struct, Enum =>
        Enum.TryParse(text, ignoreCase: true, out value) && Enum.IsDefined(value) && !int.TryParse(text, out _);
}
