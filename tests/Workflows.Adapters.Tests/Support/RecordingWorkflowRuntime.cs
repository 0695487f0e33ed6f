using System.Collections.Concurrent;
using Workflows.Engine.Definitions;
using Workflows.Engine.Instances;
using Workflows.Engine.Runtime;

namespace Workflows.Adapters.Tests.Support;

/// <summary>
/// Stands in for the engine on the timer side: records every <see cref="FireTimerAsync"/> call, and
/// can run a hook inside it (to fail, or to do what the engine does while firing).
/// </summary>
public sealed class RecordingWorkflowRuntime : IWorkflowRuntime
{
    private readonly ConcurrentQueue<Guid> _fired = new();

    public Func<Guid, int, Task>? OnFire { get; set; }

    public IReadOnlyList<Guid> Fired => [.. _fired];

    public int CountOf(Guid timerId) => _fired.Count(id => id == timerId);

    public async Task FireTimerAsync(Guid timerId, CancellationToken cancellationToken = default)
    {
        _fired.Enqueue(timerId);
        if (OnFire is { } hook)
        {
            await hook(timerId, CountOf(timerId));
        }
    }

    public Task<DefinitionSaveResult> SaveDefinitionAsync(string xml, bool publish, WorkflowActor actor, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public DefinitionCheck ValidateDefinition(string xml) => throw new NotSupportedException();

    public Task<WorkflowDefinition> PublishDefinitionAsync(string key, int version, WorkflowActor actor, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<WorkflowInstance> StartAsync(StartInstance command, WorkflowActor actor, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task CompleteTaskAsync(Guid taskId, TaskCompletion completion, WorkflowActor actor, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<CorrelationResult> CorrelateMessageAsync(CorrelateMessage command, WorkflowActor actor, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task CancelAsync(Guid instanceId, string? reason, WorkflowActor actor, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task RetryAsync(Guid instanceId, WorkflowActor actor, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task ClaimTaskAsync(Guid taskId, WorkflowActor actor, bool release = false, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task PauseTaskClockAsync(Guid taskId, string reason, WorkflowActor actor, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task ResumeTaskClockAsync(Guid taskId, WorkflowActor actor, CancellationToken cancellationToken = default) => throw new NotSupportedException();
}
