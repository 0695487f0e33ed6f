using Workflows.Engine.Persistence;
using Workflows.Engine.Runtime;
using Workflows.Engine.Tasks;
using Workflows.Host.Components.Shared;

namespace Workflows.Host.Components.Tasks;

/// <summary>One line of 待办 or 已办.</summary>
public sealed record TaskRow(TaskView Task, string ProcedureName, string? CaseTitle, DueStatus Due, int? WorkingDaysLeft);

/// <summary>The reads behind 待办 (what I may act on) and 已办 (what I completed).</summary>
public sealed class TaskBoard(ScopedReads reads, DueClassifier due)
{
    public Task<IReadOnlyList<TaskRow>> OpenAsync(WorkflowActor actor, CancellationToken cancellationToken) =>
        reads.RunAsync(async services =>
        {
            var queries = services.GetRequiredService<IWorkflowQueries>();
            var tasks = await queries.ListTasksAsync(new TaskFilter(Mine: true), actor, cancellationToken);
            return await RowsAsync(services, tasks, cancellationToken);
        });

    /// <summary>
    /// Completed tasks the actor completed. The engine's task filter has no "completed by", so the
    /// visible completed tasks are narrowed here.
    /// </summary>
    public Task<IReadOnlyList<TaskRow>> DoneAsync(WorkflowActor actor, CancellationToken cancellationToken) =>
        reads.RunAsync(async services =>
        {
            var queries = services.GetRequiredService<IWorkflowQueries>();
            var tasks = await queries.ListTasksAsync(new TaskFilter(Status: UserTaskStatus.Completed), actor, cancellationToken);
            var mine = tasks
                .Where(t => string.Equals(t.CompletedBy, actor.UserName, StringComparison.OrdinalIgnoreCase))
                .OrderByDescending(t => t.CompletedAt)
                .ToList();
            return await RowsAsync(services, mine, cancellationToken);
        });

    private async Task<IReadOnlyList<TaskRow>> RowsAsync(IServiceProvider services, IReadOnlyList<TaskView> tasks, CancellationToken cancellationToken)
    {
        var names = await CaseLabels.ProcedureNamesAsync(services.GetRequiredService<IWorkflowQueries>(), cancellationToken);
        var titles = await CaseLabels.TitlesAsync(services.GetRequiredService<WorkflowDbContext>(), tasks.Select(t => t.InstanceId), cancellationToken);
        return [.. tasks.Select(t => new TaskRow(
            t,
            names.GetValueOrDefault(t.DefinitionKey) ?? t.DefinitionKey,
            titles.GetValueOrDefault(t.InstanceId),
            due.Classify(t),
            due.WorkingDaysLeft(t)))];
    }
}
