using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Workflows.Activities.Documents;
using Workflows.Engine.Runtime;
using Workflows.Engine.Tasks;
using Workflows.Host.Accounts;
using Workflows.Host.Infrastructure;
using Workflows.Procedures.MajorDecisions;
using Workflows.Procedures.MajorDecisions.Records;
using Workflows.Procedures.MajorDecisions.Register;

namespace Workflows.Host.MajorDecisions;

/// <summary>A step whose record the API takes as its body: the route, the task it completes and the record's checks.</summary>
internal sealed record RecordedStepRoute(string Route, string ActivityId, Func<JsonObject?, string, RecordCheck> Check, string Summary)
{
    public string Variable => DecisionSteps.RecordVariables[ActivityId];
}

/// <summary>
/// Each step of the procedure as an endpoint taking that step's record. The record is checked here
/// and again by the step's guard inside the engine, which also holds it against the journal; the
/// task completes with the record, so the record and the step's closing are one transaction.
/// </summary>
public static class DecisionStepsApi
{
    internal static readonly RecordedStepRoute[] Steps =
    [
        new("start-decision", DecisionSteps.Proposal, DecisionRecords.StartDecision, "The decision body's start decision: lead unit and which statutory steps apply (art. 10-11)."),
        new("draft", DecisionSteps.Drafting, DecisionRecords.Drafting, "The draft: uploaded draft document, explanation, legal basis, options, consultations (art. 12-13)."),
        new("risk-assessment", DecisionSteps.RiskAssessment, DecisionRecords.RiskAssessment, "The risk assessment: risk points, mitigations, contingency plan, level (art. 22-24)."),
        new("legality-submission", DecisionSteps.LegalitySubmission, DecisionRecords.LegalitySubmission, "Submits the draft for legality review once every applicable step is done (art. 25, 27)."),
        new("legality-opinion", DecisionSteps.LegalityReview, DecisionRecords.LegalityOpinion, "The legal affairs office's opinion: lawful, lawful after changes, unlawful (art. 26-28)."),
        new("unlawful-disposition", DecisionSteps.UnlawfulDisposition, DecisionRecords.UnlawfulDisposition, "After an unlawful opinion: terminate, or redraft and repeat the procedure."),
        new("meeting-materials", DecisionSteps.MeetingMaterials, DecisionRecords.MaterialsConfirmation, "Confirms the meeting materials; every applicable item must be present (art. 29)."),
        new("meeting-record", DecisionSteps.CollectiveDecision, MeetingRecords.Check, "The collective decision: meeting, attendees, every view, outcome, execution plan (art. 30)."),
        new("party-report", DecisionSteps.PartyReport, DecisionRecords.PartyReport, "The report to the Party committee, before publication (art. 31)."),
        new("publication", DecisionSteps.Publication, DecisionRecords.Publication, "Where and when the decision was published (art. 32)."),
        new("execution-reports", DecisionSteps.ExecutionReport, DecisionRecords.ExecutionReport, "The executing unit's scheduled report (art. 34-35)."),
        new("post-evaluation", DecisionSteps.PostEvaluation, DecisionRecords.PostEvaluation, "The post-evaluation report, by a unit other than the risk assessor (art. 36)."),
        new("archive", DecisionSteps.Archive, DecisionRecords.ArchiveNote, "Closes the dossier (art. 33)."),
    ];

    public static IEndpointRouteBuilder MapDecisionStepsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/decisions/{id:guid}").WithTags("Major decisions").RequireAuthorization();
        foreach (var step in Steps)
        {
            group.MapPost($"/{step.Route}",
                    (Guid id, JsonObject body, ClaimsPrincipal user, IServiceProvider services, CancellationToken cancellationToken) =>
                        RecordStepAsync(step, id, body, user, services, cancellationToken))
                .WithName($"decision-{step.Route}").WithSmallJsonBody().WithSummary(step.Summary);
        }
        group.MapPost("/steps/{activityId}/complete", CompleteStepAsync).WithSmallJsonBody()
            .WithSummary("Completes one of your open tasks of the decision at a step without a record of its own here (public participation, hearing, expert consultation).");
        group.MapPost("/evaluation-requests", RequestEvaluationAsync).WithSmallJsonBody()
            .WithSummary("Asks for the post-evaluation now (the decision body, a supervisor or an admin), instead of waiting for the configured period (art. 36).");
        return app;
    }

    internal static async Task<Results<Ok<DecisionDetailResponse>, ProblemHttpResult>> RecordStepAsync(
        RecordedStepRoute step, Guid id, JsonObject body, ClaimsPrincipal user, IServiceProvider services, CancellationToken cancellationToken)
    {
        var record = (JsonObject)body.DeepClone();
        var shortenReason = Take(record, "shortenReason");
        var comment = Take(record, "comment");
        var check = step.Check(record, "");
        if (!check.Valid)
        {
            throw new WorkflowValidationException(string.Join(" ", check.Errors.Select(e => e.Message)), check.Errors);
        }
        var variables = new JsonObject { [step.Variable] = record.DeepClone() };
        if (step.ActivityId == DecisionSteps.Drafting)
        {
            variables[DecisionSteps.DraftDocumentId] = record["draftDocumentId"]!.DeepClone();
            variables[DecisionSteps.Explanation] = record["explanation"]!.DeepClone();
        }
        try
        {
            return await CompleteAsync(id, step.ActivityId, new TaskCompletion(null, variables, comment, shortenReason), user, services, cancellationToken);
        }
        catch (WorkflowValidationException ex)
        {
            // The guard names fields under the variable (riskAssessment.level); here the body is the record.
            var prefix = step.Variable + ".";
            throw new WorkflowValidationException(ex.Message, [.. ex.Errors.Select(e =>
                e with { Target = e.Target.StartsWith(prefix, StringComparison.Ordinal) ? e.Target[prefix.Length..] : e.Target })]);
        }
    }

    public sealed record CompleteStepRequest(string? Outcome, JsonObject? Variables, string? Comment, string? ShortenReason);

    internal static Task<Results<Ok<DecisionDetailResponse>, ProblemHttpResult>> CompleteStepAsync(
        Guid id, string activityId, CompleteStepRequest? request, ClaimsPrincipal user, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (request?.ShortenReason?.Length > RecordCheck.LongText)
        {
            throw new WorkflowValidationException("shortenReason is too long.", [new ValidationError("shortenReason", $"shortenReason 不能超过 {RecordCheck.LongText} 个字符。")]);
        }
        return CompleteAsync(id, activityId, new TaskCompletion(request?.Outcome, request?.Variables, request?.Comment, request?.ShortenReason), user, services, cancellationToken);
    }

    internal static async Task<Results<Ok<DecisionDetailResponse>, ProblemHttpResult>> RequestEvaluationAsync(
        Guid id, JsonObject body, ClaimsPrincipal user, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (!await AskForEvaluationAsync(id, body, user.ToActor(), services, cancellationToken))
        {
            return DecisionsApi.NotFound(id);
        }
        return await DetailAfterAsync(id, services, cancellationToken);
    }

    /// <summary>
    /// The decision body (or a supervisor, or an admin) asks for the post-evaluation now (art. 36): the same
    /// command for the API and the case page.
    /// </summary>
    /// <returns>False when there is no such decision.</returns>
    /// <exception cref="WorkflowForbiddenException">The caller is neither the decision body nor a supervisor or admin.</exception>
    /// <exception cref="WorkflowValidationException">The reason is missing; the error names <c>reason</c>.</exception>
    /// <exception cref="WorkflowConflictException">The decision is not waiting for its post-evaluation.</exception>
    internal static async Task<bool> AskForEvaluationAsync(Guid id, JsonObject body, WorkflowActor actor, IServiceProvider services, CancellationToken cancellationToken)
    {
        var register = services.GetRequiredService<DecisionRegister>();
        var queries = services.GetRequiredService<IWorkflowQueries>();
        if (await register.FindAsync(id, cancellationToken) is not { } decision)
        {
            return false;
        }
        if (!MayRequestEvaluation(actor, decision.DecisionBody))
        {
            throw new WorkflowForbiddenException("决策后评估由决策机关（或督办人员）提出。");
        }
        var check = DecisionRecords.EvaluationRequest(body, "");
        if (!check.Valid)
        {
            throw new WorkflowValidationException(string.Join(" ", check.Errors.Select(e => e.Message)), check.Errors);
        }
        var instance = await queries.GetInstanceAsync(id, cancellationToken);
        if (instance is null || !instance.ActiveActivityIds.Contains(DecisionSteps.EvaluationTrigger))
        {
            throw new WorkflowConflictException($"「{decision.Title}」当前不在等待决策后评估的阶段（{Describe(instance?.ActiveActivityIds)}）。");
        }
        var request = new JsonObject { ["reason"] = (string?)body["reason"], ["requestedBy"] = actor.UserName, ["unit"] = actor.UnitCode };
        await services.GetRequiredService<IWorkflowRuntime>().CorrelateMessageAsync(
            new CorrelateMessage(DecisionSteps.EvaluateMessage, null, id, new JsonObject { ["evaluationRequest"] = request }), actor, cancellationToken);
        return true;
    }

    /// <summary>Who may ask for a post-evaluation before its configured period: the decision body, a supervisor or an admin.</summary>
    internal static bool MayRequestEvaluation(WorkflowActor actor, string? decisionBody) =>
        actor.IsInRole(Roles.Admin) || actor.IsInRole(Roles.Supervisor)
        || string.Equals(actor.UnitCode, decisionBody, StringComparison.OrdinalIgnoreCase);

    /// <summary>Finds the caller's open task at the step and completes it; 409 naming where the decision stands when the step is not open.</summary>
    private static async Task<Results<Ok<DecisionDetailResponse>, ProblemHttpResult>> CompleteAsync(
        Guid id, string activityId, TaskCompletion completion, ClaimsPrincipal user, IServiceProvider services, CancellationToken cancellationToken)
    {
        var register = services.GetRequiredService<DecisionRegister>();
        var queries = services.GetRequiredService<IWorkflowQueries>();
        if (await register.FindAsync(id, cancellationToken) is null)
        {
            return DecisionsApi.NotFound(id);
        }
        var actor = user.ToActor();
        var open = (await queries.ListTasksAsync(new TaskFilter(id), DecisionsApi.RegisterReader, cancellationToken))
            .Where(t => t.ActivityId == activityId && t.Kind == HumanTaskKind.Step)
            .ToList();
        if (open.Count == 0)
        {
            var instance = await queries.GetInstanceAsync(id, cancellationToken);
            throw new WorkflowConflictException(
                $"「{DecisionSteps.NameOf(activityId)}」（{activityId}）当前不能办理：决策事项处于 {Describe(instance?.ActiveActivityIds)}，须依法定顺序先完成前面的环节。");
        }
        var task = open.FirstOrDefault(t => TaskAccess.CanAct(t.Assignee, t.CandidateGroups, [], actor)) ?? open[0];
        await services.GetRequiredService<IWorkflowRuntime>().CompleteTaskAsync(task.Id, completion, actor, cancellationToken);
        return await DetailAfterAsync(id, services, cancellationToken);
    }

    private static async Task<Results<Ok<DecisionDetailResponse>, ProblemHttpResult>> DetailAfterAsync(Guid id, IServiceProvider services, CancellationToken cancellationToken)
    {
        var register = services.GetRequiredService<DecisionRegister>();
        var queries = services.GetRequiredService<IWorkflowQueries>();
        await services.GetRequiredService<DecisionProjection>().SyncAsync(id, queries, cancellationToken);
        var decision = (await register.FindAsync(id, cancellationToken))!;
        return TypedResults.Ok(await DecisionsApi.DetailAsync(decision, register, queries, services.GetRequiredService<DocumentStore>(), cancellationToken));
    }

    private static string Describe(IReadOnlyList<string>? activityIds) =>
        activityIds is null || activityIds.Count == 0 ? "已结束" : string.Join("、", activityIds.Select(a => $"「{DecisionSteps.NameOf(a)}」"));

    private static string? Take(JsonObject record, string field)
    {
        var value = record[field];
        record.Remove(field);
        if (value is null)
        {
            return null;
        }
        if (value is JsonValue v && v.TryGetValue<string>(out var text) && text.Length <= RecordCheck.LongText)
        {
            return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        }
        throw new WorkflowValidationException($"{field} must be text.", [new ValidationError(field, $"{field} 须为不超过 {RecordCheck.LongText} 个字符的文本。")]);
    }
}
