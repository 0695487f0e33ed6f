namespace Workflows.Engine;

public sealed class WorkflowEngineOptions
{
    public const string Section = "Workflows:Engine";

    /// <summary>IANA time zone for dates, working days and cron; China's by default.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>Largest BPMN file accepted, in bytes.</summary>
    public int MaxDefinitionBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Local time of day at which reminders and escalations are sent (always on a working day).</summary>
    public TimeOnly ReminderTime { get; set; } = new(9, 0);

    /// <summary>How often a step that lost an optimistic-concurrency race is re-run.</summary>
    public int StepRetries { get; set; } = 8;
}
