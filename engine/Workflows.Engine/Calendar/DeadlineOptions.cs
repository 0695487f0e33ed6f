namespace Workflows.Engine.Calendar;

/// <summary>Settings of period arithmetic that deployments may change.</summary>
public sealed class DeadlineOptions
{
    public const string Section = "Workflows:Calendar";

    /// <summary>
    /// When the last day of a calendar-day period is a statutory holiday or a rest day, the period
    /// ends on the next working day (Civil Code art. 201/203 and the procedural laws). On by
    /// default; a deployment whose local rule counts calendar days strictly turns it off.
    /// </summary>
    public bool RollOverCalendarDays { get; set; } = true;
}
