namespace Workflows.Engine.Runtime.Execution;

/// <summary>Outbox message types the engine itself handles. Stable names: they are persisted.</summary>
public static class EngineMessageTypes
{
    public const string ResumeParent = "engine.resume-parent";
    public const string CancelInstance = "engine.cancel-instance";
}
