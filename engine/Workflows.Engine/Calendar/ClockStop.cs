namespace Workflows.Engine.Calendar;

/// <summary>
/// A time the clock of a period stood still ("不计算在期限内"): while the lead unit supplements
/// materials, while opinions are sought, while experts review [local rule]. The law asks who
/// stopped it, why, and when it resumed, so all of that is mandatory here.
/// </summary>
/// <remarks>
/// Whole days, half-open: the days from <see cref="PausedOn"/> up to but not including
/// <see cref="ResumedOn"/> are paused. The day the clock stops is lost to the wait; the day it
/// resumes counts again, exactly as the day after a period starts does. Half-open ranges make a
/// stop that is resumed on the day it began pause nothing, and two back-to-back stops
/// [a, b) + [b, c) pause exactly what one stop [a, c) does.
/// </remarks>
public sealed record ClockStop
{
    public ClockStop(DateOnly pausedOn, DateOnly? resumedOn, string pausedBy, string reason, string? resumedBy = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pausedBy);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (resumedOn < pausedOn)
        {
            throw new ArgumentException(
                $"A clock stopped on {HolidayYear.Iso(pausedOn)} cannot resume earlier, on {HolidayYear.Iso(resumedOn.Value)}.",
                nameof(resumedOn));
        }

        if (resumedOn is null && resumedBy is not null)
        {
            throw new ArgumentException("Only a resumed clock stop can say who resumed it.", nameof(resumedBy));
        }

        PausedOn = pausedOn;
        ResumedOn = resumedOn;
        PausedBy = pausedBy;
        Reason = reason;
        ResumedBy = resumedBy;
    }

    /// <summary>The first paused day.</summary>
    public DateOnly PausedOn { get; }

    /// <summary>The day counting resumes (itself counted); null while the clock is still stopped.</summary>
    public DateOnly? ResumedOn { get; }

    public string PausedBy { get; }

    public string Reason { get; }

    public string? ResumedBy { get; }

    public bool IsOpen => ResumedOn is null;

    /// <summary>This stop, ended: counting resumes on <paramref name="resumedOn"/>.</summary>
    public ClockStop Resume(DateOnly resumedOn, string resumedBy)
    {
        if (!IsOpen)
        {
            throw new InvalidOperationException($"The clock stop of {HolidayYear.Iso(PausedOn)} already resumed on {HolidayYear.Iso(ResumedOn!.Value)}.");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(resumedBy);
        return new ClockStop(PausedOn, resumedOn, PausedBy, Reason, resumedBy);
    }

    /// <summary>
    /// Whether <paramref name="day"/> is paused. An open stop counts as paused through
    /// <paramref name="today"/>: nobody knows yet when it will resume.
    /// </summary>
    public bool Pauses(DateOnly day, DateOnly today) =>
        day >= PausedOn && day < (ResumedOn ?? today.AddDays(1));
}
