namespace Workflows.Engine.Runtime.Execution;

/// <summary>The journal's entry kinds: stable names, persisted and shown in timelines.</summary>
public static class JournalKinds
{
    public const string InstanceStarted = "InstanceStarted";
    public const string InstanceCompleted = "InstanceCompleted";
    public const string InstanceTerminated = "InstanceTerminated";
    public const string InstanceCancelled = "InstanceCancelled";
    public const string InstanceFaulted = "InstanceFaulted";
    public const string InstanceRetried = "InstanceRetried";
    public const string ActivityStarted = "ActivityStarted";
    public const string ActivityCompleted = "ActivityCompleted";
    public const string ActivityCancelled = "ActivityCancelled";
    public const string EventReached = "EventReached";
    public const string GatewayPassed = "GatewayPassed";
    public const string GatewayJoined = "GatewayJoined";
    public const string TaskCreated = "TaskCreated";
    public const string TaskCompleted = "TaskCompleted";
    public const string TaskCancelled = "TaskCancelled";
    public const string TimerFired = "TimerFired";
    public const string MessageReceived = "MessageReceived";
    public const string VariablesChanged = "VariablesChanged";
    public const string CalledInstanceStarted = "CalledInstanceStarted";
    public const string CalledInstanceCompleted = "CalledInstanceCompleted";
    public const string ServiceTaskRan = "ServiceTaskRan";
    public const string TaskReminded = "TaskReminded";
    public const string TaskEscalated = "TaskEscalated";
    public const string EscalationHandled = "EscalationHandled";
    public const string MinimumPeriodShortened = "MinimumPeriodShortened";
    public const string ClockPaused = "ClockPaused";
    public const string ClockResumed = "ClockResumed";
    public const string DeadlineRecomputed = "DeadlineRecomputed";
    public const string TaskClaimed = "TaskClaimed";
    public const string TaskReleased = "TaskReleased";
}
