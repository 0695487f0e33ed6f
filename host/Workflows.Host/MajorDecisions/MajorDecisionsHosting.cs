using Workflows.Engine;
using Workflows.Procedures.MajorDecisions;

namespace Workflows.Host.MajorDecisions;

public static class MajorDecisionsHosting
{
    /// <summary>
    /// The major-decision procedure, after the participation modules (<c>AddWorkflowEngineHosting</c>),
    /// with the accounts as its directory of units (<c>AddProceduresHosting</c>).
    /// </summary>
    public static WorkflowEngineBuilder AddMajorDecisionsHosting(this WorkflowEngineBuilder engine) => engine.AddMajorDecisions();

    public static IEndpointRouteBuilder MapMajorDecisionsApi(this IEndpointRouteBuilder app) =>
        app.MapDecisionsApi().MapDecisionStepsApi().MapDecisionDocumentsApi().MapDecisionCataloguesApi();
}
