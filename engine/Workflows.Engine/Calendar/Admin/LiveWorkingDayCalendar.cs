namespace Workflows.Engine.Calendar.Admin;

/// <summary>
/// The calendar every deadline uses: the current <see cref="StatutoryCalendar"/>, swapped whole
/// when an admin changes a year, so a computation never sees half an edit.
/// </summary>
public sealed class LiveWorkingDayCalendar : IWorkingDayCalendar
{
    private StatutoryCalendar _current = StatutoryCalendar.CreateBuiltIn();

    public StatutoryCalendar Current => Volatile.Read(ref _current);

    /// <summary>A number that changes whenever the data does (for caches and for other hosts to notice).</summary>
    public string Stamp { get; private set; } = "built-in";

    public void Replace(StatutoryCalendar calendar, string stamp)
    {
        Volatile.Write(ref _current, calendar);
        Stamp = stamp;
    }

    public bool IsWorkingDay(DateOnly day) => Current.IsWorkingDay(day);

    public DateOnly AddWorkingDays(DateOnly start, int workingDays) => Current.AddWorkingDays(start, workingDays);

    public bool HasDataFor(int year) => Current.HasDataFor(year);
}
