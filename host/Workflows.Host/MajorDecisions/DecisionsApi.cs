using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Workflows.Activities.Documents;
using Workflows.Engine.Runtime;
using Workflows.Engine.Tasks;
using Workflows.Host.Accounts;
using Workflows.Host.Infrastructure;
using Workflows.Procedures.MajorDecisions;
using Workflows.Procedures.MajorDecisions.Compilation;
using Workflows.Procedures.MajorDecisions.Journal;
using Workflows.Procedures.MajorDecisions.Persistence;
using Workflows.Procedures.MajorDecisions.Register;

namespace Workflows.Host.MajorDecisions;

/// <summary>The register of major decisions (重大行政决策): proposing one starts its procedure.</summary>
public static class DecisionsApi
{
    /// <summary>Reads every open task of an instance, whoever asks: the register shows where a decision stands.</summary>
    internal static readonly WorkflowActor RegisterReader = new("major-decision-register", new HashSet<string> { Roles.Admin });

    public static IEndpointRouteBuilder MapDecisionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/decisions").WithTags("Major decisions").RequireAuthorization();
        group.MapPost("/", ProposeAsync).WithSmallJsonBody()
            .WithSummary("Proposes a major decision (reasons, legal basis, first plan) and starts its procedure; the decision body's start decision comes next.");
        group.MapGet("/", ListAsync).WithSummary("The register, filtered by catalogue year, status, lead unit and a title search.");
        group.MapGet("/{id:guid}", GetAsync).WithSummary("One decision with its open steps, its records and its documents.");
        group.MapPost("/{id:guid}/adjustments", AdjustAsync).WithSmallJsonBody()
            .WithSummary("Proposes an adjustment of a published decision: a new decision, linked to this one, that repeats the whole procedure (art. 37).");
        group.MapGet("/{id:guid}/procedure-statement", StatementAsync)
            .WithSummary("The statement of statutory steps done, compiled from the journal as the legality review will receive it.");
        group.MapGet("/{id:guid}/meeting-materials", MaterialsAsync)
            .WithSummary("The materials for the collective decision as they would be compiled now, with what is missing.");
        return app;
    }

    internal static async Task<Results<Created<DecisionDetailResponse>, ProblemHttpResult>> ProposeAsync(
        JsonObject body, ClaimsPrincipal user, DecisionRegister register, IWorkflowQueries queries, DocumentStore documents, CancellationToken cancellationToken)
    {
        var decision = await register.ProposeAsync(body, user.ToActor(), queries, adjusts: null, cancellationToken);
        return TypedResults.Created($"/api/decisions/{decision.Id}", await DetailAsync(decision, register, queries, documents, cancellationToken));
    }

    internal static async Task<Results<Ok<List<DecisionResponse>>, ProblemHttpResult>> ListAsync(
        int? year, string? status, string? leadUnit, string? q, int? skip, int? take, DecisionRegister register, IWorkflowQueries queries, CancellationToken cancellationToken)
    {
        DecisionStatus? parsed = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (!Enum.TryParse<DecisionStatus>(status, ignoreCase: true, out var value) || !Enum.IsDefined(value))
            {
                return Problems.BadRequest("status", $"status must be one of {string.Join(", ", Enum.GetNames<DecisionStatus>())}.");
            }
            parsed = value;
        }
        if (year is < 2000 or > 2100)
        {
            return Problems.BadRequest("year", "year must be between 2000 and 2100.");
        }
        if (skip < 0)
        {
            return Problems.BadRequest("skip", "skip must not be negative.");
        }
        if (take is < 1 or > 500)
        {
            return Problems.BadRequest("take", "take must be between 1 and 500.");
        }
        if (q?.Length > 200)
        {
            return Problems.BadRequest("q", "q must be at most 200 characters.");
        }
        var decisions = await register.ListAsync(new DecisionFilter(year, parsed, leadUnit, q, skip ?? 0, take ?? 100), queries, cancellationToken);
        return TypedResults.Ok(decisions.Select(DecisionResponse.From).ToList());
    }

    internal static async Task<Results<Ok<DecisionDetailResponse>, ProblemHttpResult>> GetAsync(
        Guid id, DecisionRegister register, DecisionProjection projection, IWorkflowQueries queries, DocumentStore documents, CancellationToken cancellationToken)
    {
        await projection.SyncAsync(id, queries, cancellationToken);
        return await register.FindAsync(id, cancellationToken) is { } decision
            ? TypedResults.Ok(await DetailAsync(decision, register, queries, documents, cancellationToken))
            : NotFound(id);
    }

    internal static async Task<Results<Created<DecisionDetailResponse>, ProblemHttpResult>> AdjustAsync(
        Guid id, JsonObject body, ClaimsPrincipal user, DecisionRegister register, DecisionProjection projection, IWorkflowQueries queries,
        DocumentStore documents, CancellationToken cancellationToken)
    {
        await projection.SyncAsync(id, queries, cancellationToken);
        if (await register.FindAsync(id, cancellationToken) is not { } original)
        {
            return NotFound(id);
        }
        if (original.Status is not (DecisionStatus.Published or DecisionStatus.Archived) || original.PublishedOn is null)
        {
            return TypedResults.Problem(Problems.Create(StatusCodes.Status409Conflict, "Conflict",
                $"只有已作出并公布的决策才能调整；「{original.Title}」当前状态为 {original.Status}。"));
        }
        var decision = await register.ProposeAsync(body, user.ToActor(), queries, adjusts: id, cancellationToken);
        return TypedResults.Created($"/api/decisions/{decision.Id}", await DetailAsync(decision, register, queries, documents, cancellationToken));
    }

    internal static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> StatementAsync(
        Guid id, DecisionRegister register, IServiceProvider services, DocumentStore documents, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await register.FindAsync(id, cancellationToken) is null)
        {
            return NotFound(id);
        }
        var history = await DecisionHistory.LoadAsync(services, id, cancellationToken);
        return TypedResults.Ok(ProcedureStatement.Compile(history, await documents.ListAsync(id, null, cancellationToken), clock.GetUtcNow()));
    }

    internal static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> MaterialsAsync(
        Guid id, DecisionRegister register, IServiceProvider services, DocumentStore documents, IParticipationSummaries summaries, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (await register.FindAsync(id, cancellationToken) is null)
        {
            return NotFound(id);
        }
        var history = await DecisionHistory.LoadAsync(services, id, cancellationToken);
        return TypedResults.Ok(await MeetingMaterials.CompileAsync(
            history, await documents.ListAsync(id, null, cancellationToken), summaries, clock.GetUtcNow(), cancellationToken));
    }

    internal static async Task<DecisionDetailResponse> DetailAsync(
        Decision decision, DecisionRegister register, IWorkflowQueries queries, DocumentStore documents, CancellationToken cancellationToken)
    {
        var tasks = await queries.ListTasksAsync(new TaskFilter(decision.Id), RegisterReader, cancellationToken);
        var records = await register.RecordsAsync(decision.Id, cancellationToken);
        var stored = await documents.ListAsync(decision.Id, null, cancellationToken);
        return new DecisionDetailResponse(
            DecisionResponse.From(decision),
            [.. tasks.Where(t => t.Kind == HumanTaskKind.Step).Select(OpenStepResponse.From)],
            [.. records.Select(DecisionRecordResponse.From)],
            [.. stored.Select(DecisionDocumentResponse.From)]);
    }

    internal static ProblemHttpResult NotFound(Guid id) => Problems.NotFound($"没有编号为 {id} 的重大行政决策事项。", "id");
}
