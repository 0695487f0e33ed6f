namespace Workflows.Engine.Calendar.Admin;

/// <summary>The current holiday data of one year, as admins maintain it from the State Council's notice.</summary>
public sealed class CalendarYearRecord
{
    public int Year { get; set; }

    /// <summary>ISO dates as a JSON array.</summary>
    public string Holidays { get; set; } = "[]";
    public string MakeUpWorkingDays { get; set; } = "[]";
    public int Version { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
    public required string ChangedBy { get; set; }
    public string? Source { get; set; }
}

/// <summary>One version of a year, kept forever: who changed what, when and why.</summary>
public sealed class CalendarYearChange
{
    public long Id { get; set; }
    public int Year { get; set; }
    public int Version { get; set; }

    /// <summary><c>set</c> or <c>removed</c>.</summary>
    public required string Action { get; set; }
    public string Holidays { get; set; } = "[]";
    public string MakeUpWorkingDays { get; set; } = "[]";
    public DateTimeOffset ChangedAt { get; set; }
    public required string ChangedBy { get; set; }
    public string? Reason { get; set; }
    public string? Source { get; set; }
}
