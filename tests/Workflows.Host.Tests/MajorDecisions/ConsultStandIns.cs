using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Engine.Activities;
using Workflows.Engine.Runtime;
using Workflows.Procedures.MajorDecisions;

namespace Workflows.Host.Tests.MajorDecisions;

/// <summary>
/// Minimal stand-ins for the consultation module's contract (branch consult), registered only in
/// these tests so the procedure publishes and runs end to end. They do what the contract says the
/// real ones do to the process (set consultationId, set experts) and gate nothing themselves; the
/// lead removes them when the consultation module lands.
/// </summary>
internal static class ConsultStandIns
{
    public const string ExpertUser = "expert";

    public sealed class ConsultationOpen : IActivityHandler
    {
        public string Type => "consultation-open";

        public ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
        {
            context.SetVariable("consultationId", Guid.NewGuid().ToString());
            return ValueTask.CompletedTask;
        }
    }

    public sealed class ExpertSelect : IActivityHandler
    {
        public string Type => "expert-select";

        public ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
        {
            context.SetVariable("experts", new JsonArray(ExpertUser));
            return ValueTask.CompletedTask;
        }
    }

    public abstract class PassGuard(string key) : IUserTaskGuard
    {
        public string Key => key;

        public Task<IReadOnlyList<ValidationError>> CheckAsync(UserTaskGuardContext context, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<ValidationError>>([]);
    }

    public sealed class ConsultationFeedback() : PassGuard("consultation-feedback");

    public sealed class HearingRecord() : PassGuard("hearing-record");

    public sealed class ExpertOpinion() : PassGuard("expert-opinion");

    public sealed class ExpertAdoption() : PassGuard("expert-adoption");

    /// <summary>Stands in for ConsultationSummaries / ExpertSummaries: a summary once the step has closed.</summary>
    public sealed class Summaries(IServiceProvider services) : IParticipationSummaries
    {
        public Task<ParticipationSummary?> PublicCommentAdoptionAsync(Guid instanceId, CancellationToken cancellationToken) =>
            SummaryAsync(instanceId, DecisionSteps.PublicParticipation, "公众意见采纳情况", cancellationToken);

        public Task<ParticipationSummary?> ExpertAdoptionAsync(Guid instanceId, CancellationToken cancellationToken) =>
            SummaryAsync(instanceId, DecisionSteps.ExpertAdoption, "专家论证意见采纳情况", cancellationToken);

        private async Task<ParticipationSummary?> SummaryAsync(Guid instanceId, string activityId, string title, CancellationToken cancellationToken)
        {
            await using var scope = services.CreateAsyncScope();
            var history = await scope.ServiceProvider.GetRequiredService<IWorkflowQueries>().GetHistoryAsync(instanceId, cancellationToken);
            return history.Any(e => e.Kind == "TaskCompleted" && e.ActivityId == activityId)
                ? new ParticipationSummary(title, new JsonObject { ["adopted"] = 1, ["partly"] = 0, ["notAdopted"] = 1 })
                : null;
        }
    }
}
