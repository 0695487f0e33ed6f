namespace Workflows.Engine.Runtime.Execution;

/// <summary>Outbox message types the engine itself handles. Stable names: they are persisted.</summary>
public static class EngineMessageTypes
{
    public const string ResumeParent = "engine.resume-parent";
    public const string CancelInstance = "engine.cancel-instance";

    /// <summary>A ladder rung fired: someone must be reminded, warned or told of an escalation.</summary>
    public const string TaskAlert = "task.alert";
}
