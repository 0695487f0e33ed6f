using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workflows.Engine.Persistence;
using Workflows.Engine.Runtime;

namespace Workflows.Engine.Calendar.Admin;

/// <summary>Moves the open deadlines that depend on a year whose holiday data changed.</summary>
public interface IDeadlineRecomputation
{
    Task<int> RecomputeDeadlinesAsync(int year, WorkflowActor actor, CancellationToken cancellationToken);
}

public sealed record CalendarYearView(int Year, IReadOnlyList<DateOnly> Holidays, IReadOnlyList<DateOnly> MakeUpWorkingDays, int Version, DateTimeOffset ChangedAt, string ChangedBy, string? Source);

public sealed record CalendarChangeView(int Year, int Version, string Action, IReadOnlyList<DateOnly> Holidays, IReadOnlyList<DateOnly> MakeUpWorkingDays, DateTimeOffset ChangedAt, string ChangedBy, string? Reason);

/// <summary>The outcome of an edit: the new version and how many open deadlines moved.</summary>
public sealed record CalendarEditResult(CalendarYearView Year, int DeadlinesRecomputed);

/// <summary>
/// The working-day calendar as data in the database, versioned, editable by admins. The first
/// start seeds it from the holiday data shipped with the product; every host loads it from the
/// database, which stays the truth.
/// </summary>
public sealed class CalendarAdministration(
    IDbContextFactory<WorkflowDbContext> dbFactory,
    LiveWorkingDayCalendar live,
    IDeadlineRecomputation recomputation,
    TimeProvider clock)
{
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.CalendarYears.AnyAsync(cancellationToken) && !await db.CalendarChanges.AnyAsync(cancellationToken))
        {
            var builtIn = HolidayCalendarData.LoadBuiltIn();
            foreach (var year in builtIn.Years.Values)
            {
                Store(db, year, "system", builtIn.Source, "shipped with the product", clock.GetUtcNow(), version: 1);
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        await RefreshAsync(db, cancellationToken);
    }

    /// <summary>Reloads when another host changed the data (cheap when nothing changed).</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await RefreshAsync(db, cancellationToken);
    }

    private async Task RefreshAsync(WorkflowDbContext db, CancellationToken cancellationToken)
    {
        var stamp = (await db.CalendarChanges.MaxAsync(c => (long?)c.Id, cancellationToken) ?? 0).ToString(CultureInfo.InvariantCulture);
        if (stamp == live.Stamp)
        {
            return;
        }
        var records = await db.CalendarYears.AsNoTracking().ToListAsync(cancellationToken);
        var years = records.Select(r => new HolidayYear(r.Year, Dates(r.Holidays), Dates(r.MakeUpWorkingDays)));
        live.Replace(new StatutoryCalendar(new HolidayCalendarData(years, "database")), stamp);
    }

    public async Task<IReadOnlyList<CalendarYearView>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var records = await db.CalendarYears.AsNoTracking().OrderBy(r => r.Year).ToListAsync(cancellationToken);
        return [.. records.Select(ToView)];
    }

    public async Task<IReadOnlyList<CalendarChangeView>> HistoryAsync(int year, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var changes = await db.CalendarChanges.AsNoTracking().Where(c => c.Year == year).OrderBy(c => c.Version).ToListAsync(cancellationToken);
        return [.. changes.Select(c => new CalendarChangeView(c.Year, c.Version, c.Action, Dates(c.Holidays), Dates(c.MakeUpWorkingDays), c.ChangedAt, c.ChangedBy, c.Reason))];
    }

    /// <summary>Adds or corrects a year, then moves every open deadline that depends on it.</summary>
    /// <exception cref="WorkflowValidationException">The data is inconsistent; each error names the date.</exception>
    public async Task<CalendarEditResult> SetYearAsync(int year, IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> makeUpWorkingDays, string? source, string reason, WorkflowActor actor, CancellationToken cancellationToken)
    {
        HolidayYear data;
        try
        {
            data = new HolidayYear(year, holidays, makeUpWorkingDays);
        }
        catch (HolidayDataException ex)
        {
            throw new WorkflowValidationException($"The holiday data of {year} is not consistent.", [.. ex.Errors.Select(e => new ValidationError("holidays", e))]);
        }
        CalendarYearView view;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var version = (await db.CalendarChanges.Where(c => c.Year == year).MaxAsync(c => (int?)c.Version, cancellationToken) ?? 0) + 1;
            var existing = await db.CalendarYears.SingleOrDefaultAsync(r => r.Year == year, cancellationToken);
            if (existing is not null)
            {
                db.CalendarYears.Remove(existing);
            }
            var record = Store(db, data, actor.UserName, source, reason, clock.GetUtcNow(), version);
            await db.SaveChangesAsync(cancellationToken);
            await RefreshAsync(db, cancellationToken);
            view = ToView(record);
        }
        var moved = await recomputation.RecomputeDeadlinesAsync(year, actor, cancellationToken);
        return new CalendarEditResult(view, moved);
    }

    private static CalendarYearRecord Store(WorkflowDbContext db, HolidayYear year, string by, string? source, string? reason, DateTimeOffset at, int version)
    {
        var record = new CalendarYearRecord
        {
            Year = year.Year,
            Holidays = Json(year.Holidays),
            MakeUpWorkingDays = Json(year.MakeUpWorkingDays),
            Version = version,
            ChangedAt = at,
            ChangedBy = by,
            Source = source,
        };
        db.CalendarYears.Add(record);
        db.CalendarChanges.Add(new CalendarYearChange
        {
            Year = year.Year,
            Version = version,
            Action = "set",
            Holidays = record.Holidays,
            MakeUpWorkingDays = record.MakeUpWorkingDays,
            ChangedAt = at,
            ChangedBy = by,
            Reason = reason,
            Source = source,
        });
        return record;
    }

    private static CalendarYearView ToView(CalendarYearRecord r) =>
        new(r.Year, Dates(r.Holidays), Dates(r.MakeUpWorkingDays), r.Version, r.ChangedAt, r.ChangedBy, r.Source);

    private static string Json(IEnumerable<DateOnly> days) =>
        JsonSerializer.Serialize(days.Order().Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));

    private static List<DateOnly> Dates(string json) =>
        [.. (JsonSerializer.Deserialize<string[]>(json) ?? []).Select(d => DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture))];
}
