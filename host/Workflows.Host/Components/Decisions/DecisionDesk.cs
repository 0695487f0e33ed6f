using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workflows.Activities.Documents;
using Workflows.Engine.Runtime;
using Workflows.Host.Accounts;
using Workflows.Host.Components.Shared;
using Workflows.Host.MajorDecisions;
using Workflows.Procedures.MajorDecisions;
using Workflows.Procedures.MajorDecisions.Catalogue;
using Workflows.Procedures.MajorDecisions.Records;
using Workflows.Procedures.MajorDecisions.Register;

namespace Workflows.Host.Components.Decisions;

/// <summary>What the owner proposes (art. 10): the proposal the decision register takes.</summary>
public sealed record DecisionProposal(
    string Title, int CatalogueYear, Guid? CatalogueItemId, string? DecisionBody, string Reasons, IReadOnlyList<string> LegalBasis,
    string FirstPlan, bool MarketActorsAffected);

/// <summary>The owner's view of whether a statutory step applies; the reason is required when it does not.</summary>
public sealed record StepApplicability(string Key, bool Applies, string? Reason, bool NotDisclosable = false);

public sealed record CatalogueChoice(Guid Id, int Number, string Title, string LeadUnit);

public sealed record UnitChoice(string Code, string Name);

/// <summary>
/// The start-a-decision wizard's reads and its one command. Proposing goes through the decision
/// register exactly as <c>POST /api/decisions</c> does, so the same checks name the same fields. Which
/// statutory steps apply is the decision body's call in its start decision (art. 10-11), not the
/// proposer's; the owner's view of it, with the reason for each step left out, is filed with the case
/// as a document the decision body reads when it decides.
/// </summary>
public sealed class DecisionDesk(ScopedReads reads, IOptions<MajorDecisionOptions> options)
{
    public const string ApplicabilityDocumentKind = "material";

    public string DefaultDecisionBody => options.Value.DefaultDecisionBody;

    public Task<IReadOnlyList<CatalogueChoice>> CatalogueAsync(int year, CancellationToken cancellationToken) =>
        reads.RunAsync<IReadOnlyList<CatalogueChoice>>(async services =>
            await services.GetRequiredService<DecisionCatalogues>().GetAsync(year, cancellationToken) is { } view
                ? [.. view.Items.Where(i => !i.Removed).OrderBy(i => i.Number).Select(i => new CatalogueChoice(i.Id, i.Number, i.Title, i.LeadUnit))]
                : []);

    public Task<IReadOnlyList<UnitChoice>> UnitsAsync(CancellationToken cancellationToken) =>
        reads.RunAsync<IReadOnlyList<UnitChoice>>(async services =>
            [.. await services.GetRequiredService<AccountsDbContext>().Units.AsNoTracking()
                .OrderBy(u => u.Code).Select(u => new UnitChoice(u.Code, u.Name)).ToListAsync(cancellationToken)]);

    /// <summary>Whether <paramref name="actor"/> may ask for the decision's post-evaluation now: its decision body, a supervisor or an admin.</summary>
    public Task<bool> MayRequestEvaluationAsync(Guid id, WorkflowActor actor, CancellationToken cancellationToken) =>
        reads.RunAsync(async services => await services.GetRequiredService<DecisionRegister>().FindAsync(id, cancellationToken) is { } decision
            && DecisionStepsApi.MayRequestEvaluation(actor, decision.DecisionBody));

    /// <summary>Asks for the post-evaluation now (art. 36), exactly as <c>POST /api/decisions/{id}/evaluation-requests</c> does.</summary>
    /// <exception cref="WorkflowValidationException">No reason; the error names <c>reason</c>.</exception>
    /// <exception cref="WorkflowException">Not the caller's to ask, or the decision is not waiting for its evaluation.</exception>
    public Task RequestEvaluationAsync(Guid id, string? reason, WorkflowActor actor, CancellationToken cancellationToken) =>
        reads.RunAsync(async services => await DecisionStepsApi.AskForEvaluationAsync(id, new JsonObject { ["reason"] = reason?.Trim() }, actor, services, cancellationToken)
            ? true
            : throw new WorkflowNotFoundException($"没有编号为 {id} 的重大行政决策。"));

    /// <returns>The new decision's id, which is its case's (instance's) id.</returns>
    /// <exception cref="WorkflowValidationException">A field is missing or wrong; each error names it.</exception>
    public Task<Guid> ProposeAsync(DecisionProposal proposal, IReadOnlyList<StepApplicability> applicability, WorkflowActor actor, CancellationToken cancellationToken) =>
        reads.RunAsync(async services =>
        {
            var body = new JsonObject
            {
                ["title"] = proposal.Title,
                ["catalogueYear"] = proposal.CatalogueYear,
                ["catalogueItemId"] = proposal.CatalogueItemId?.ToString(),
                ["decisionBody"] = proposal.DecisionBody,
                ["reasons"] = proposal.Reasons,
                ["legalBasis"] = new JsonArray([.. proposal.LegalBasis.Select(b => (JsonNode)b)]),
                ["firstPlan"] = proposal.FirstPlan,
                ["marketActorsAffected"] = proposal.MarketActorsAffected,
            };
            var decision = await services.GetRequiredService<DecisionRegister>().ProposeAsync(
                body, actor, services.GetRequiredService<IWorkflowQueries>(), adjusts: null, cancellationToken);
            var text = Encoding.UTF8.GetBytes(ApplicabilityText(proposal.Title, applicability));
            await services.GetRequiredService<DocumentStore>().AddAsync(
                new DocumentUpload("适用程序建议.txt", "text/plain; charset=utf-8", new MemoryStream(text), ApplicabilityDocumentKind, decision.Id,
                    Title: "承办单位关于适用法定程序的建议"),
                actor, cancellationToken);
            return decision.Id;
        });

    /// <summary>The owner's view of the statutory steps, as a plain-text record for the decision body (in Chinese: it is a case document).</summary>
    public static string ApplicabilityText(string title, IReadOnlyList<StepApplicability> steps)
    {
        var text = new StringBuilder();
        text.AppendLine("承办单位关于适用法定程序的建议");
        text.AppendLine($"决策事项：{title}");
        text.AppendLine("（供决策机关作出启动决定时确定适用程序参考；是否适用以决策机关的启动决定为准。）");
        text.AppendLine();
        foreach (var step in steps)
        {
            var name = Applicability.NameOf(step.Key);
            text.AppendLine(step.Applies
                ? $"{name}：建议适用。"
                : $"{name}：建议不适用。理由：{step.Reason}{(step.NotDisclosable ? "（属依法不予公开的事项）" : "")}");
        }
        return text.ToString();
    }
}
