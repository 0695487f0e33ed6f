using Microsoft.Extensions.DependencyInjection.Extensions;
using Workflows.Engine;
using Workflows.Procedures.MajorDecisions;

namespace Workflows.Host.MajorDecisions;

public static class MajorDecisionsHosting
{
    /// <summary>The major-decision procedure with the accounts as its directory of units.</summary>
    public static WorkflowEngineBuilder AddMajorDecisionsHosting(this WorkflowEngineBuilder engine)
    {
        engine.AddMajorDecisions();
        engine.Services.TryAddSingleton<IUnitDirectory, AccountsUnitDirectory>();
        return engine;
    }

    public static IEndpointRouteBuilder MapMajorDecisionsApi(this IEndpointRouteBuilder app) =>
        app.MapDecisionsApi().MapDecisionStepsApi().MapDecisionDocumentsApi().MapDecisionCataloguesApi();
}
