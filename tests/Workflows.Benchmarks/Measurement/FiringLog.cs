using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Workflows.Engine.Definitions;
using Workflows.Engine.Instances;
using Workflows.Engine.Quartz.Timers;
using Workflows.Engine.Runtime;

namespace Workflows.Benchmarks.Measurement;

/// <summary>One delivery of a timer: when Quartz fired its job, and when the engine's step had committed.</summary>
public sealed record Firing(string Node, Guid TimerId, DateTimeOffset Started, DateTimeOffset Finished, bool Succeeded);

/// <summary>When Quartz handed a timer's job to a worker thread, and the time it was scheduled for.</summary>
public sealed record QuartzFiring(string Node, Guid TimerId, DateTimeOffset FiredAt, DateTimeOffset? ScheduledFor);

/// <summary>
/// The instrumented hook of the lag scenario, shared by every node: the real
/// <see cref="IWorkflowRuntime"/> is wrapped so that the moment each <c>FireTimerAsync</c> returns
/// (its transaction committed) is recorded against wall-clock time, which is what a timer's due
/// time is compared with.
/// </summary>
public sealed class FiringLog
{
    public ConcurrentQueue<Firing> Firings { get; } = new();

    public ConcurrentQueue<QuartzFiring> QuartzFirings { get; } = new();

    public static DateTimeOffset Now() => TimeProvider.System.GetUtcNow();

    /// <summary>Wraps the engine's runtime registration of this node.</summary>
    public void Install(IServiceCollection services, string node)
    {
        var original = services.Last(d => d.ServiceType == typeof(IWorkflowRuntime));
        var factory = original.ImplementationFactory
            ?? throw new InvalidOperationException("The engine registers IWorkflowRuntime through a factory; that changed.");
        services.AddSingleton<IWorkflowRuntime>(sp => new RecordingRuntime((IWorkflowRuntime)factory(sp), this, node));
    }

    /// <summary>Listens to this node's scheduler for the workflow-timer jobs it fires.</summary>
    public IJobListener ListenerFor(string node) => new JobListener(this, node);

    private sealed class JobListener(FiringLog log, string node) : IJobListener
    {
        public string Name => "benchmark-firing-log-" + node;

        public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default)
        {
            if (Guid.TryParse(context.MergedJobDataMap.GetString(FireTimerJob.TimerIdKey), out var timerId))
            {
                log.QuartzFirings.Enqueue(new QuartzFiring(node, timerId, context.FireTimeUtc, context.ScheduledFireTimeUtc));
            }
            return ValueTask.CompletedTask;
        }

        public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default) =>
            ValueTask.CompletedTask;
    }

    private sealed class RecordingRuntime(IWorkflowRuntime inner, FiringLog log, string node) : IWorkflowRuntime
    {
        public async Task FireTimerAsync(Guid timerId, CancellationToken cancellationToken = default)
        {
            var started = Now();
            var succeeded = false;
            try
            {
                await inner.FireTimerAsync(timerId, cancellationToken);
                succeeded = true;
            }
            finally
            {
                log.Firings.Enqueue(new Firing(node, timerId, started, Now(), succeeded));
            }
        }

        public Task<DefinitionSaveResult> SaveDefinitionAsync(string xml, bool publish, WorkflowActor actor, CancellationToken cancellationToken = default) =>
            inner.SaveDefinitionAsync(xml, publish, actor, cancellationToken);

        public Task<WorkflowDefinition> PublishDefinitionAsync(string key, int version, WorkflowActor actor, CancellationToken cancellationToken = default) =>
            inner.PublishDefinitionAsync(key, version, actor, cancellationToken);

        public Task<WorkflowInstance> StartAsync(StartInstance command, WorkflowActor actor, CancellationToken cancellationToken = default) =>
            inner.StartAsync(command, actor, cancellationToken);

        public Task CompleteTaskAsync(Guid taskId, TaskCompletion completion, WorkflowActor actor, CancellationToken cancellationToken = default) =>
            inner.CompleteTaskAsync(taskId, completion, actor, cancellationToken);

        public Task ClaimTaskAsync(Guid taskId, WorkflowActor actor, bool release = false, CancellationToken cancellationToken = default) =>
            inner.ClaimTaskAsync(taskId, actor, release, cancellationToken);

        public DefinitionCheck ValidateDefinition(string xml) => inner.ValidateDefinition(xml);

        public Task<CorrelationResult> CorrelateMessageAsync(CorrelateMessage command, WorkflowActor actor, CancellationToken cancellationToken = default) =>
            inner.CorrelateMessageAsync(command, actor, cancellationToken);

        public Task PauseTaskClockAsync(Guid taskId, string reason, WorkflowActor actor, CancellationToken cancellationToken = default) =>
            inner.PauseTaskClockAsync(taskId, reason, actor, cancellationToken);

        public Task ResumeTaskClockAsync(Guid taskId, WorkflowActor actor, CancellationToken cancellationToken = default) =>
            inner.ResumeTaskClockAsync(taskId, actor, cancellationToken);

        public Task CancelAsync(Guid instanceId, string? reason, WorkflowActor actor, CancellationToken cancellationToken = default) =>
            inner.CancelAsync(instanceId, reason, actor, cancellationToken);

        public Task RetryAsync(Guid instanceId, WorkflowActor actor, CancellationToken cancellationToken = default) =>
            inner.RetryAsync(instanceId, actor, cancellationToken);
    }
}
