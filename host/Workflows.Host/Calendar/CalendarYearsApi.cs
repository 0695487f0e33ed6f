using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Workflows.Engine.Calendar.Admin;
using Workflows.Host.Accounts;
using Workflows.Host.Infrastructure;

namespace Workflows.Host.Calendar;

/// <summary>Dates arrive as text so that each bad one is named in the 400, not lost in a binder message.</summary>
public sealed record SetCalendarYearRequest(IReadOnlyList<string?>? Holidays, IReadOnlyList<string?>? MakeUpWorkingDays, string? Source, string? Reason);

public sealed record CalendarYearSummary(int Year, int Version, DateTimeOffset ChangedAt, string ChangedBy, string? Source, int Holidays, int MakeUpWorkingDays);

public sealed record CalendarYearResponse(int Year, int Version, DateTimeOffset ChangedAt, string ChangedBy, string? Source, IReadOnlyList<DateOnly> Holidays, IReadOnlyList<DateOnly> MakeUpWorkingDays)
{
    public static CalendarYearResponse From(CalendarYearView v) => new(v.Year, v.Version, v.ChangedAt, v.ChangedBy, v.Source, v.Holidays, v.MakeUpWorkingDays);
}

public sealed record CalendarChangeResponse(int Year, int Version, string Action, IReadOnlyList<DateOnly> Holidays, IReadOnlyList<DateOnly> MakeUpWorkingDays, DateTimeOffset ChangedAt, string ChangedBy, string? Reason)
{
    public static CalendarChangeResponse From(CalendarChangeView c) => new(c.Year, c.Version, c.Action, c.Holidays, c.MakeUpWorkingDays, c.ChangedAt, c.ChangedBy, c.Reason);
}

/// <param name="DeadlinesRecomputed">Open deadlines that moved because of the change; each move is journalled in its instance (DeadlineRecomputed).</param>
public sealed record CalendarYearSetResponse(int Year, int Version, int DeadlinesRecomputed);

/// <summary>
/// The working-day calendar as admins keep it from the State Council's yearly holiday notice
/// (国务院办公厅关于部分节假日安排的通知): anyone signed in reads it, admins change it, every version stays.
/// </summary>
public static class CalendarYearsApi
{
    public const int MaxReasonLength = 2000;
    public const int MaxSourceLength = 500;

    public static RouteGroupBuilder MapCalendarYearsApi(this RouteGroupBuilder calendar)
    {
        calendar.MapGet("/years", ListAsync).WithSummary("Every year with holiday data: its version, who changed it last, when, from which source, and how many dates.");
        calendar.MapGet("/years/{year:int}", GetAsync).WithSummary("One year's statutory holidays and make-up working days (调休上班); 404 when it has no data.");
        calendar.MapPut("/years/{year:int}", SetAsync).WithSmallJsonBody().RequireAuthorization(Policies.Admin)
            .WithSummary("Adds or corrects a year (admin): a new version; open deadlines that depend on it are recomputed and journalled. 400 names each bad date.");
        calendar.MapGet("/years/{year:int}/history", HistoryAsync).WithSummary("Every version of a year, oldest first: the dates, who changed them, when and why.");
        return calendar;
    }

    internal static async Task<Ok<List<CalendarYearSummary>>> ListAsync(CalendarAdministration calendar, CancellationToken cancellationToken)
    {
        var years = await calendar.ListAsync(cancellationToken);
        return TypedResults.Ok(years
            .Select(y => new CalendarYearSummary(y.Year, y.Version, y.ChangedAt, y.ChangedBy, y.Source, y.Holidays.Count, y.MakeUpWorkingDays.Count))
            .ToList());
    }

    internal static async Task<Results<Ok<CalendarYearResponse>, ProblemHttpResult>> GetAsync(int year, CalendarAdministration calendar, CancellationToken cancellationToken) =>
        (await calendar.ListAsync(cancellationToken)).FirstOrDefault(y => y.Year == year) is { } found
            ? TypedResults.Ok(CalendarYearResponse.From(found))
            : Problems.NotFound($"{year} has no statutory holiday data; an admin enters it with PUT /api/calendar/years/{year}.");

    internal static async Task<Ok<List<CalendarChangeResponse>>> HistoryAsync(int year, CalendarAdministration calendar, CancellationToken cancellationToken) =>
        TypedResults.Ok((await calendar.HistoryAsync(year, cancellationToken)).Select(CalendarChangeResponse.From).ToList());

    internal static async Task<Results<Ok<CalendarYearSetResponse>, ProblemHttpResult>> SetAsync(
        int year, SetCalendarYearRequest request, ClaimsPrincipal user, CalendarAdministration calendar, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        var holidays = ParseDates(request.Holidays, "holidays", errors);
        var makeUpWorkingDays = ParseDates(request.MakeUpWorkingDays, "makeUpWorkingDays", errors);
        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > MaxReasonLength)
        {
            errors.Add(new FieldError("reason", $"Say why the calendar changes (reason, 1 to {MaxReasonLength} characters), e.g. 按国务院办公厅2027年节假日安排通知录入."));
        }
        if (request.Source is { Length: > MaxSourceLength })
        {
            errors.Add(new FieldError("source", $"source is at most {MaxSourceLength} characters."));
        }
        if (errors.Count > 0)
        {
            return Problems.BadRequest($"The holiday data of {year} is not valid.", errors);
        }
        // The engine checks that the dates form one year's notice (each in the year, no date twice, make-up days on weekends)
        // and answers a WorkflowValidationException naming every date at fault, which becomes a 400.
        var result = await calendar.SetYearAsync(year, holidays, makeUpWorkingDays,
            string.IsNullOrWhiteSpace(request.Source) ? null : request.Source.Trim(), request.Reason!.Trim(), user.ToActor(), cancellationToken);
        return TypedResults.Ok(new CalendarYearSetResponse(result.Year.Year, result.Year.Version, result.DeadlinesRecomputed));
    }

    private static List<DateOnly> ParseDates(IReadOnlyList<string?>? texts, string field, List<FieldError> errors)
    {
        var dates = new List<DateOnly>();
        if (texts is null)
        {
            errors.Add(new FieldError(field, $"{field} is required: a list of dates written YYYY-MM-DD (an empty list when there are none)."));
            return dates;
        }
        for (var i = 0; i < texts.Count; i++)
        {
            if (DateOnly.TryParseExact(texts[i], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                dates.Add(day);
            }
            else
            {
                errors.Add(new FieldError($"{field}[{i}]", $"'{texts[i]}' is not a date written YYYY-MM-DD."));
            }
        }
        return dates;
    }
}
