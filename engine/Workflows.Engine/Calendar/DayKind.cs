namespace Workflows.Engine.Calendar;

/// <summary>What a day is under the statutory calendar, for display and for explaining a deadline.</summary>
public enum DayKind
{
    /// <summary>An ordinary Monday to Friday.</summary>
    WorkingDay,

    /// <summary>A Saturday or Sunday worked to make up for a holiday (调休上班).</summary>
    MakeUpWorkingDay,

    /// <summary>An ordinary Saturday or Sunday (休息日).</summary>
    RestDay,

    /// <summary>A day of a statutory holiday block (法定节假日), weekend days inside the block included.</summary>
    StatutoryHoliday,
}
